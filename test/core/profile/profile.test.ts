/**
 * The dataset profile against pandas 1.5 / statsmodels 0.13 (fixtures from
 * scripts/fixtures/profile_fixtures.py): the bundled sample and a small frame
 * with duplicates (including missing values), ties and NaNs.
 */
import { describe, expect, it } from 'vitest';
import { correlationMatrix } from '../../../src-main/core/profile/correlation';
import { describeCategorical, describeNumeric, type NumericDescription } from '../../../src-main/core/profile/describe';
import { duplicatedRows } from '../../../src-main/core/profile/duplicates';
import { factorizeStrings } from '../../../src-main/core/profile/factorize';
import { groupMean } from '../../../src-main/core/profile/groupMean';
import { histogram } from '../../../src-main/core/profile/histogram';
import { profileFrame, type CategoricalColumnProfile, type NumericColumnProfile } from '../../../src-main/core/profile/profile';
import { averageRanks, quartileOrder, sortPresent } from '../../../src-main/core/profile/sorting';
import { numpySum } from '../../../src-main/core/profile/summation';
import { valueCounts } from '../../../src-main/core/profile/valueCounts';
import { varianceInflation } from '../../../src-main/core/profile/vif';
import { makeFrame, type Frame, type FrameColumn } from '../../../src-main/core/recipe/frame';
import sample from '../../fixtures/profile/sample.json';
import small from '../../fixtures/profile/small.json';
import { sampleFrame } from '../recipe/sampleFrame';

type Fixture = typeof sample;
type Num = number | null;

function close(actual: number, expected: Num, what: string, rel = 1e-9): void {
  if (expected === null) {
    expect(Number.isNaN(actual), `${what}: expected NaN, got ${actual}`).toBe(true);
    return;
  }
  const tol = rel * Math.max(Math.abs(expected), 1e-300);
  expect(Math.abs(actual - expected) <= tol, `${what}: ${actual} vs ${expected}`).toBe(true);
}

function smallFrame(): Frame {
  const d = small.data as Record<string, (number | string | null)[]>;
  const entries: [string, FrameColumn][] = Object.entries(d).map(([name, vals]) => {
    if (vals.some((v) => typeof v === 'string')) return [name, { type: 'string', values: vals as (string | null)[], kind: 'categorical' }];
    return [name, { type: 'number', values: Float64Array.from(vals, (v) => (v === null ? NaN : (v as number))), kind: 'float' }];
  });
  return makeFrame(d.a.length, entries);
}

const KEYS: [keyof NumericDescription, string][] = [
  ['count', 'count'],
  ['mean', 'mean'],
  ['std', 'std'],
  ['min', 'min'],
  ['q25', '25%'],
  ['q50', '50%'],
  ['q75', '75%'],
  ['max', 'max'],
];

function checkAgainst(name: string, frame: Frame, fx: Fixture): void {
  describe(name, () => {
    const profile = profileFrame(frame);

    it('has the shape and the missing values per column', () => {
      expect(profile.shape).toEqual(fx.shape);
      for (const c of profile.columns) expect(c.missing, c.name).toBe((fx.missing as Record<string, number>)[c.name]);
      expect(profile.missing.cells).toBe(Object.values(fx.missing).reduce((a, b) => a + b, 0));
    });

    it('describes numeric columns as describe()', () => {
      const expected = fx.describeNumeric as Record<string, Record<string, Num>>;
      const numeric = profile.columns.filter((c): c is NumericColumnProfile => c.type === 'number');
      expect(numeric.map((c) => c.name)).toEqual(Object.keys(expected));
      for (const c of numeric) {
        for (const [k, pk] of KEYS) {
          if (k === 'count') expect(c.describe.count).toBe(expected[c.name][pk]);
          else close(c.describe[k], expected[c.name][pk], `${c.name} ${pk}`);
        }
      }
    });

    it("describes text columns as describe(include='object')", () => {
      const expected = fx.describeObject as Record<string, { count: number; unique: number; top: string | null; freq: Num }>;
      const text = profile.columns.filter((c): c is CategoricalColumnProfile => c.type === 'string');
      expect(text.map((c) => c.name)).toEqual(Object.keys(expected));
      for (const c of text) {
        const e = expected[c.name];
        expect(c.describe, c.name).toEqual({ count: e.count, unique: e.unique, top: e.top, freq: e.freq });
        expect(c.top.values[0]).toBe(e.top);
      }
    });

    it('counts duplicated rows as duplicated().sum()', () => {
      expect(profile.duplicates.count).toBe(fx.duplicated);
      expect(duplicatedRows(frame).count).toBe(fx.duplicated);
    });

    it('gives value counts raw and normalized in pandas order', () => {
      for (const [col, e] of Object.entries(fx.valueCounts as unknown as Record<string, { raw: [string, number][]; normalized: [string, number][] }>)) {
        const vc = valueCounts(frame.columns.get(col)!);
        expect(vc.values.map((v, i) => [v, vc.counts[i]]), col).toEqual(e.raw);
        expect(vc.values).toEqual(e.normalized.map(([v]) => v));
        vc.proportions.forEach((p, i) => close(p, e.normalized[i][1], `${col} ${vc.values[i]}`));
      }
    });

    it('computes group means as groupby().mean()', () => {
      const e = fx.groupMean as { groups: string[]; columns: Record<string, Num[]> };
      const g = groupMean(frame, Object.keys(fx.valueCounts)[0], Object.keys(e.columns));
      expect(g.groups).toEqual(e.groups);
      for (const c of g.columns) c.means.forEach((m, i) => close(m, e.columns[c.name][i], `${c.name} ${g.groups[i]}`));
    });

    it('computes Pearson and Spearman matrices as corr()', () => {
      for (const [method, e] of [
        ['pearson', fx.pearson],
        ['spearman', fx.spearman],
      ] as const) {
        const m = method === 'pearson' ? profile.correlations.pearson : profile.correlations.spearman!;
        expect(m.columns).toEqual(e.columns);
        const k = e.columns.length;
        for (let a = 0; a < k; a++)
          for (let b = 0; b < k; b++) close(m.matrix[a * k + b], (e.matrix as Num[][])[a][b], `${method} ${e.columns[a]}/${e.columns[b]}`);
      }
    });

    it('computes VIF as statsmodels on the dropna() rows with a constant', () => {
      const e = fx.vif;
      const v = varianceInflation(frame, e.columns.slice(1));
      expect(v.rows).toBe(e.rows);
      close(v.constant, e.vif[0], 'const', 1e-8);
      v.vif.forEach((x, i) => close(x, e.vif[i + 1], e.columns[i + 1], 1e-8));
    });
  });
}

checkAgainst('the sample', sampleFrame(), sample);
checkAgainst('a small frame with duplicates, ties and NaNs', smallFrame(), small as unknown as Fixture);

describe('the sample, as the issue states it', () => {
  it('has 298 missing claim_status and no duplicate rows', () => {
    const p = profileFrame(sampleFrame());
    expect(p.columns.find((c) => c.name === 'claim_status')!.missing).toBe(298);
    expect(p.duplicates.count).toBe(0);
  });
});

describe('pieces', () => {
  it('sums as numpy (buffers of 8192, pairwise inside, NaN as 0)', () => {
    const v = Float64Array.from({ length: 20000 }, (_, i) => (i % 97 === 0 ? NaN : Math.exp((i % 13) * 1.7) / 3));
    let plain = 0;
    for (const x of v) if (!Number.isNaN(x)) plain += x;
    close(numpySum(v), plain, 'sum', 1e-12);
    expect(numpySum(new Float64Array([1, 2, NaN]))).toBe(3);
  });

  it('sorts with the radix sort like a native sort, and ranks ties by their average', () => {
    const v = Float64Array.from([3, -1, NaN, 2.5, -0, 0, 3, -1e300, Infinity, -Infinity, 3]);
    const s = sortPresent(v);
    expect(Array.from(s.sorted)).toEqual(Array.from(v.filter((x) => !Number.isNaN(x))).sort((a, b) => a - b));
    for (let k = 0; k < s.order.length; k++) expect(v[s.order[k]]).toBe(s.sorted[k]);
    const r = averageRanks(s, v.length);
    expect(Array.from(r)).toEqual([8, 3, NaN, 6, 4.5, 4.5, 8, 2, 10, 1, 8]);
  });

  it('describes from the quartile selection exactly as from the full sort (the profile without Spearman)', () => {
    let seed = 7;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let n = 0; n < 300; n++) {
      // Many ties (small integer range), NaNs, and now and then a wide spread.
      const spread = n % 3 === 0 ? 1e6 : 5;
      const v = Float64Array.from({ length: n }, () => (rand() < 0.1 ? NaN : Math.floor(rand() * spread) - spread / 3));
      const partial = quartileOrder(v);
      expect(partial, `n=${n}`).not.toBeNull();
      expect(describeNumeric(v, { sorted: partial! }), `n=${n}`).toEqual(describeNumeric(v, sortPresent(v)));
    }
    expect(quartileOrder(Float64Array.from([1, -0, 2]))).toBeNull();
    const frame = sampleFrame();
    const withRanks = profileFrame(frame);
    const without = profileFrame(frame, { spearman: false });
    expect(without.columns).toEqual(withRanks.columns);
    expect(without.duplicates).toEqual(withRanks.duplicates);
    expect(without.correlations.pearson).toEqual(withRanks.correlations.pearson);
    expect(without.correlations.spearman).toBeNull();
  });

  it('factorizes text in order of first appearance, whatever the hashes', () => {
    const values = Array.from({ length: 5000 }, (_, i) => (i % 11 === 0 ? null : `v${(i * 7919) % 1500}`));
    const f = factorizeStrings(values);
    const seen = new Map<string, number>();
    for (const v of values) if (v !== null && !seen.has(v)) seen.set(v, seen.size);
    expect(f.uniques).toEqual([...seen.keys()]);
    expect(f.missing).toBe(values.filter((v) => v === null).length);
    values.forEach((v, i) => expect(f.codes[i]).toBe(v === null ? -1 : seen.get(v)));
    expect(Array.from(f.counts).reduce((a, b) => a + b, 0)).toBe(values.length - f.missing);
  });

  it('marks the second and later copies of a row, with missing values equal', () => {
    const f = makeFrame(5, [
      ['x', { type: 'number', values: Float64Array.from([1, NaN, 1, NaN, -0]) }],
      ['y', { type: 'string', values: ['a', null, 'a', null, 'a'] }],
    ]);
    const d = duplicatedRows(f);
    expect(Array.from(d.mask)).toEqual([0, 0, 1, 1, 0]);
    expect(duplicatedRows(f, { columns: ['y'] }).count).toBe(3);
  });

  it('breaks value-count ties as pandas (first appearance for few values)', () => {
    const f = factorizeStrings(['b', 'a', 'c', 'b', 'a', 'd', 'e', 'f', 'f', 'g', 'g', null, null]);
    const d = describeCategorical(f);
    expect(d).toEqual({ count: 11, unique: 7, top: 'b', freq: 2 });
    expect(valueCounts({ type: 'string', values: ['b', 'a', 'c', 'b', 'a', 'd', 'e', 'f', 'f', 'g', 'g', null, null] }).values).toEqual(['b', 'a', 'f', 'g', 'c', 'd', 'e']);
  });

  it('describes an empty or one-value column with NaN where pandas does', () => {
    expect(describeNumeric(Float64Array.from([NaN])).count).toBe(0);
    const one = describeNumeric(Float64Array.from([4]));
    expect(one.mean).toBe(4);
    expect(one.std).toBeNaN();
    expect(describeCategorical(factorizeStrings([null]))).toEqual({ count: 0, unique: 0, top: null, freq: NaN });
  });

  it('bins histograms as np.histogram', () => {
    const h = histogram(Float64Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, NaN]), 0, 10, 5);
    expect(h.edges).toEqual([0, 2, 4, 6, 8, 10]);
    expect(h.counts).toEqual([2, 2, 2, 2, 3]);
    const flat = histogram(Float64Array.from([3, 3]), 3, 3, 2);
    expect(flat.edges).toEqual([2.5, 3, 3.5]);
    expect(flat.counts).toEqual([0, 2]);
  });

  it('drops missing group keys and gives NaN to a group without values', () => {
    const e = small.groupMeanAllMissing;
    const f = makeFrame(6, [
      ['k', { type: 'string', values: e.data.k }],
      ['v', { type: 'number', values: Float64Array.from(e.data.v, (x) => (x === null ? NaN : x)) }],
    ]);
    const g = groupMean(f, 'k', ['v']);
    expect(g.groups).toEqual(e.groups);
    g.columns[0].means.forEach((m, i) => close(m, e.columns.v[i], `v ${g.groups[i]}`));
    expect(g.sizes).toEqual([2, 2, 1]);
  });

  it('gives an enormous (or infinite) VIF to an exact linear combination', () => {
    const a = Float64Array.from({ length: 30 }, (_, i) => Math.sin(i));
    const b = Float64Array.from({ length: 30 }, (_, i) => Math.cos(i * 1.3));
    const c = Float64Array.from(a, (x, i) => 2 * x - b[i] + 1);
    const f = makeFrame(30, [
      ['a', { type: 'number', values: a }],
      ['b', { type: 'number', values: b }],
      ['c', { type: 'number', values: c }],
    ]);
    expect(varianceInflation(f, ['a', 'b', 'c']).vif.every((v) => v > 1e12)).toBe(true);
  });

  it('returns an empty matrix without numeric columns', () => {
    expect(correlationMatrix([]).matrix.length).toBe(0);
  });
});
