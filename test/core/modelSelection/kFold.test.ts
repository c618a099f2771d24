/**
 * kFold and stratifiedKFold against scikit-learn 1.2's `KFold` and
 * `StratifiedKFold` (fixtures from scripts/fixtures/model_selection_fixtures.py),
 * including unbalanced labels and classes whose first appearance is not their
 * sorted order.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import { checkClassCounts, kFold, stratifiedKFold } from '../../../src-main/core/modelSelection/kFold';
import type { Split } from '../../../src-main/core/modelSelection/kFold';
import fixture from '../../fixtures/modelSelection/kfold.json';
import { asStored, labels } from './labels';
import type { Indices } from './labels';

interface StoredFold {
  train: Indices;
  test: Indices;
}

function expectFolds(actual: Split[], expected: StoredFold[]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((f, k) => {
    expect(asStored(f.train, expected[k].train)).toEqual(expected[k].train);
    expect(asStored(f.test, expected[k].test)).toEqual(expected[k].test);
  });
}

function message(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).code).toBe('bad-input');
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

describe('kFold matches sklearn KFold', () => {
  it.each(fixture.kFold.map((c) => [c.n, c.nSplits, c.shuffle, c.randomState, c] as const))(
    'n=%i, %i folds, shuffle=%s, random_state=%s',
    (n, nSplits, shuffle, randomState, c) => {
      expectFolds(kFold(n, nSplits, { shuffle, randomState: randomState ?? undefined }), c.folds as StoredFold[]);
    },
  );
});

describe('stratifiedKFold matches sklearn StratifiedKFold', () => {
  it.each(
    fixture.stratifiedKFold.map((c) => [c.labels, c.n, c.nSplits, c.shuffle, c.randomState, c] as const),
  )('%s labels, n=%i, %i folds, shuffle=%s, random_state=%s', (kind, n, nSplits, shuffle, randomState, c) => {
    const y = labels(kind, n);
    expectFolds(stratifiedKFold(y, nSplits, { shuffle, randomState: randomState ?? undefined }), c.folds as StoredFold[]);
  });

  it('every row is tested exactly once and train is the rest', () => {
    const y = labels('three', 200);
    const folds = stratifiedKFold(y, 5, { shuffle: true, randomState: 3 });
    const seen = new Int32Array(200);
    for (const f of folds) {
      for (const r of f.test) seen[r]++;
      expect(f.train.length + f.test.length).toBe(200);
    }
    expect(seen.every((v) => v === 1)).toBe(true);
  });
});

describe('fold errors', () => {
  const e = fixture.errors;
  it('say what sklearn says', () => {
    expect(message(() => kFold(3, 5))).toBe(e.too_many_splits);
    expect(message(() => kFold(10, 1))).toBe(e.one_split);
    expect(message(() => kFold(10, 5, { randomState: 0 }))).toBe(e.seed_without_shuffle);
    expect(message(() => stratifiedKFold(Int32Array.from([0, 1, 0]), 5))).toBe(e.stratified_too_many_splits);
    expect(message(() => stratifiedKFold(Int32Array.from([0, 1, 0, 1]), 1))).toBe(e.one_split);
  });

  it('a class with fewer rows than folds is an error, not a warning', () => {
    const y = Int32Array.from([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0]);
    expect(message(() => checkClassCounts(y, 5, ['unverified', 'verified']))).toBe(
      'Class "verified" has only 3 members, fewer than the 5 folds.',
    );
    expect(message(() => stratifiedKFold(y, 5, { classNames: ['unverified', 'verified'] }))).toBe(
      'Class "verified" has only 3 members, fewer than the 5 folds.',
    );
    expect(message(() => stratifiedKFold(y, 5))).toBe('Class 1 has only 3 members, fewer than the 5 folds.');
    const one = Int32Array.from([2, 2, 2, 0, 2, 1, 1, 2, 2]);
    expect(message(() => checkClassCounts(one, 3))).toBe('Class 0 has only 1 member, fewer than the 3 folds.');
    expect(() => checkClassCounts(y, 3)).not.toThrow();
  });
});
