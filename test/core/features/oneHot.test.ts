/**
 * OneHotEncoder, get_dummies and binary targets against scikit-learn 1.2 and
 * pandas 1.5 (fixtures from scripts/fixtures/features_fixtures.py).
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import { dropFirstPositiveClass, encodeBinaryTarget, fitBinaryTarget } from '../../../src-main/core/features/binaryTarget';
import { OneHotEncoder, dummyColumnOrder, getDummies } from '../../../src-main/core/features/oneHot';
import type { CategoricalColumn, IndicatorMatrix } from '../../../src-main/core/features/oneHot';
import fixture from '../../fixtures/features/one_hot.json';
import split from '../../fixtures/features/split.json';
import { rawColumn, readSample, take, textColumn } from './sample';

const CATEGORICAL = ['claim_status', 'author_ban_status', 'verified_status'];

function sums(m: IndicatorMatrix): number[] {
  return m.columns.map((c) => c.reduce((a, b) => a + b, 0));
}

function firstRows(m: IndicatorMatrix, n = 20): number[][] {
  const rows = Math.min(n, m.columns[0]?.length ?? 0);
  return Array.from({ length: rows }, (_, r) => m.columns.map((c) => c[r]));
}

const table = readSample();
const complete = (rows: readonly number[]): CategoricalColumn[] =>
  CATEGORICAL.map((name) => ({ name, values: take(textColumn(table, name), rows) }));

describe('OneHotEncoder', () => {
  const train = complete(split.train);
  const validation = complete(split.validation);

  for (const key of ['train_drop_first', 'train_no_drop'] as const) {
    it(`fits on training rows and applies to validation rows (${key})`, () => {
      const f = fixture.encoder[key];
      const enc = new OneHotEncoder({ drop: f.drop as 'first' | null }).fit(train);
      expect(enc.categories).toEqual(f.categories);
      expect(enc.getFeatureNamesOut()).toEqual(f.names);
      const m = enc.transform(validation);
      expect(m.names).toEqual(f.names);
      expect(sums(m)).toEqual(f.columnSums);
      expect(firstRows(m)).toEqual(f.firstRows);
    });
  }

  it('treats a missing value as a category sorted last, named nan', () => {
    const f = fixture.encoder.raw_with_missing;
    const cols = ['claim_status', 'author_ban_status'].map((name) => ({ name, values: rawColumn(table, name) }));
    const m = new OneHotEncoder({ drop: 'first' }).fitTransform(cols);
    expect(m.names).toEqual(f.names);
    expect(sums(m)).toEqual(f.columnSums);
    expect(firstRows(m)).toEqual(f.firstRows);
  });

  for (const key of ['ignore_unknown', 'ignore_unknown_drop_first'] as const) {
    it(`encodes unseen values as zeros with handleUnknown 'ignore' (${key})`, () => {
      const f = fixture.encoder[key];
      const asColumns = (o: Record<string, string[]>): CategoricalColumn[] => Object.entries(o).map(([name, values]) => ({ name, values }));
      const enc = new OneHotEncoder({ drop: f.drop as 'first' | null, handleUnknown: 'ignore' }).fit(asColumns(f.fit));
      const m = enc.transform(asColumns(f.apply));
      expect(m.names).toEqual(f.names);
      expect(firstRows(m)).toEqual(f.firstRows);
    });
  }

  it('names the column and the value when an unseen value is an error', () => {
    expect(fixture.encoder.unknown_error).toMatch(/unknown categories/);
    const enc = new OneHotEncoder().fit([{ name: 'color', values: ['red', 'green'] }]);
    expect(() => enc.transform([{ name: 'color', values: ['green', 'purple'] }])).toThrow(
      /Column "color" has the value "purple" \(row 2\), which was not among the categories seen in training \(green, red\)/,
    );
    try {
      enc.transform([{ name: 'color', values: ['purple'] }]);
    } catch (e) {
      expect(e).toBeInstanceOf(ApiError);
      expect((e as ApiError).code).toBe('bad-input');
    }
    expect(() => enc.transform([{ name: 'colour', values: ['red'] }])).toThrow(/same columns/);
  });

  it('orders categories by code point, as numpy sorts Python strings', () => {
    const enc = new OneHotEncoder().fit([{ name: 'c', values: ['b', 'B', 'é', 'a', '😀', 'ｚ'] }]);
    expect(enc.categories).toEqual([['B', 'a', 'b', 'é', 'ｚ', '😀']]);
  });
});

describe('getDummies', () => {
  const header = table.header;
  const completeColumn = (name: string): string[] => textColumn(table, name);

  for (const key of ['course6', 'all_three', 'no_drop'] as const) {
    it(`matches pd.get_dummies on the sample (${key})`, () => {
      const f = fixture.dummies[key];
      const d = getDummies(
        f.columns.map((name) => ({ name, values: completeColumn(name) })),
        f.options,
      );
      expect(d.names).toEqual(f.dummyNames);
      expect(d.encoded).toEqual(f.columns);
      expect(sums(d)).toEqual(f.dummySums);
      expect(firstRows(d)).toEqual(f.firstRows);
      expect(dummyColumnOrder(f.inputColumns, d)).toEqual(f.outputColumns);
    });
  }

  for (const key of ['raw_missing', 'raw_missing_dummy_na', 'raw_missing_dummy_na_keep'] as const) {
    it(`handles missing values like pandas (${key})`, () => {
      const f = fixture.dummies[key];
      const d = getDummies(
        f.columns.map((name) => ({ name, values: rawColumn(table, name) })),
        f.options,
      );
      expect(d.names).toEqual(f.dummyNames);
      expect(sums(d)).toEqual(f.dummySums);
      expect(firstRows(d)).toEqual(f.firstRows);
      expect(dummyColumnOrder(header, d)).toEqual(f.outputColumns);
    });
  }

  it('drops a single-level column entirely with dropFirst', () => {
    const d = getDummies([{ name: 'only', values: ['x', 'x', null] }], { dropFirst: true });
    expect(d.names).toEqual([]);
    expect(() => dummyColumnOrder(['a'], getDummies([{ name: 'b', values: ['x'] }]))).toThrow(/"b" cannot be dummy-encoded/);
  });
});

describe('binary targets', () => {
  it("encodes claim_status with claim as 1 (Course 6's replace)", () => {
    const f = fixture.targets.claim_status;
    const y = encodeBinaryTarget(textColumn(table, 'claim_status'), f.positive, 'claim_status');
    expect(y.reduce((a, b) => a + b, 0)).toBe(f.sum);
    expect(Array.from(y.subarray(0, 20))).toEqual(f.first);
  });

  it("makes the later sorted class 1, as OneHotEncoder(drop='first') does (Course 5)", () => {
    const f = fixture.targets.verified_status;
    const values = textColumn(table, 'verified_status');
    const positive = dropFirstPositiveClass(values, 'verified_status');
    expect(positive).toBe(f.dropFirstPositive);
    const enc = fitBinaryTarget(values, positive, 'verified_status');
    expect(enc.classes).toEqual(f.classes);
    expect(enc.negative).toBe('not verified');
    const y = enc.encode(values);
    expect(y.reduce((a, b) => a + b, 0)).toBe(f.sum);
    expect(Array.from(y.subarray(0, 20))).toEqual(f.first);
  });

  it('says how many classes there are when there are not two', () => {
    expect(() => encodeBinaryTarget(textColumn(table, 'author_ban_status'), 'banned', 'author_ban_status')).toThrow(
      'Target "author_ban_status" has 3 classes (active, banned, under review); binary classification needs exactly 2.',
    );
    expect(() => encodeBinaryTarget(['a', 'a'], 'a', 'x')).toThrow('Target "x" has 1 class (a); binary classification needs exactly 2.');
  });

  it('refuses missing targets, unknown positives and unseen classes', () => {
    expect(() => encodeBinaryTarget(rawColumn(table, 'claim_status'), 'claim', 'claim_status')).toThrow(
      /Target "claim_status" has 298 missing values/,
    );
    expect(() => encodeBinaryTarget(['yes', 'no'], 'maybe', 'y')).toThrow(/positive class "maybe" is not a value of target "y"/);
    const enc = fitBinaryTarget(['yes', 'no'], 'yes', 'y');
    expect(Array.from(enc.encode(['no', 'yes', 'yes']))).toEqual([0, 1, 1]);
    expect(Array.from(enc.encode(['no']))).toEqual([0]);
    expect(() => enc.encode(['no', 'maybe'])).toThrow(/"maybe" \(row 2\), which is neither "yes" nor "no"/);
    expect(() => enc.encode(['no', null])).toThrow(/1 missing value;/);
  });
});
