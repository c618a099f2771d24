/**
 * trainTestSplit against scikit-learn 1.2's `train_test_split` (fixtures from
 * scripts/fixtures/model_selection_fixtures.py), including the Course 6 chain
 * 80/20 then 75/25 of the 80 % with the same seed.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import { RandomState } from '../../../src-main/core/random/randomState';
import {
  approximateMode,
  trainTestSplit,
  validateShuffleSplit,
} from '../../../src-main/core/modelSelection/trainTestSplit';
import type { TrainTestSplitOptions } from '../../../src-main/core/modelSelection/trainTestSplit';
import fixture from '../../fixtures/modelSelection/train_test_split.json';
import { asStored, labels } from './labels';
import type { Indices } from './labels';

interface Spec {
  n: number;
  test_size?: number;
  train_size?: number;
  random_state?: number;
  shuffle?: boolean;
  stratify_kind?: string;
}

function optionsOf(s: Spec): TrainTestSplitOptions {
  return {
    testSize: s.test_size,
    trainSize: s.train_size,
    randomState: s.random_state,
    shuffle: s.shuffle,
    stratify: s.stratify_kind ? labels(s.stratify_kind, s.n) : undefined,
  };
}

function take(rows: Int32Array, at: Int32Array): Int32Array {
  return at.map((i) => rows[i]);
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

describe('trainTestSplit matches sklearn', () => {
  it.each(fixture.cases.map((c) => [JSON.stringify(c.spec), c] as const))('%s', (_, c) => {
    const { train, test } = trainTestSplit(c.spec.n, optionsOf(c.spec as Spec));
    expect(asStored(train, c.train as Indices)).toEqual(c.train);
    expect(asStored(test, c.test as Indices)).toEqual(c.test);
  });
});

describe('the Course 6 chain: test 0.2, then validation 0.25 of the rest, same seed', () => {
  it.each(fixture.chains.map((c) => [`n=${c.n} seed=${c.randomState} stratify=${c.stratify}`, c] as const))(
    '%s',
    (_, c) => {
      const y = c.stratify ? labels(c.stratify, c.n) : undefined;
      const first = trainTestSplit(c.n, { testSize: 0.2, randomState: c.randomState, stratify: y });
      const second = trainTestSplit(first.train.length, {
        testSize: 0.25,
        randomState: c.randomState,
        stratify: y ? take(y, first.train) : undefined,
      });
      const train = take(first.train, second.train);
      const validation = take(first.train, second.test);
      expect(asStored(first.test, c.test as Indices)).toEqual(c.test);
      expect(asStored(train, c.train as Indices)).toEqual(c.train);
      expect(asStored(validation, c.validation as Indices)).toEqual(c.validation);
    },
  );

  it('splits 19,084 rows into 11,450 / 3,817 / 3,817', () => {
    const first = trainTestSplit(19084, { testSize: 0.2, randomState: 0 });
    const second = trainTestSplit(first.train.length, { testSize: 0.25, randomState: 0 });
    expect([second.train.length, second.test.length, first.test.length]).toEqual([11450, 3817, 3817]);
  });
});

describe('approximateMode matches sklearn._approximate_mode, draws included', () => {
  it.each(fixture.approximateMode.map((m) => [JSON.stringify(m.counts), m.draws, m.seed, m] as const))(
    'counts %s, %i draws, seed %i',
    (_c, _d, _s, m) => {
      const rng = new RandomState(m.seed);
      expect(Array.from(approximateMode(m.counts, m.draws, rng))).toEqual(m.mode);
      expect(rng.randomSample()).toBe(m.next);
    },
  );
});

describe('trainTestSplit errors say what sklearn says', () => {
  const e = fixture.errors;
  it('sizes', () => {
    expect(message(() => trainTestSplit(10, { testSize: 1.5 }))).toBe(e.test_size_too_big);
    expect(message(() => trainTestSplit(10, { testSize: 10 }))).toBe(e.test_size_count_too_big);
    expect(message(() => trainTestSplit(10, { testSize: 0.6, trainSize: 0.5 }))).toBe(e.sum_fractions);
    expect(message(() => trainTestSplit(10, { testSize: 6, trainSize: 5 }))).toBe(e.sum_counts);
    expect(message(() => trainTestSplit(1, { testSize: 0.25 }))).toBe(e.empty_train);
  });

  it('stratification', () => {
    expect(message(() => trainTestSplit(10, { shuffle: false, stratify: labels('balanced3', 10) }))).toBe(
      e.stratify_no_shuffle,
    );
    const singleton = Int32Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(message(() => trainTestSplit(10, { testSize: 0.25, stratify: singleton }))).toBe(e.stratify_singleton);
    expect(message(() => trainTestSplit(30, { testSize: 2, stratify: labels('balanced3', 30) }))).toBe(
      e.stratify_small_test,
    );
    expect(message(() => trainTestSplit(5, { stratify: new Int32Array(4) }))).toMatch(/4 labels but there are 5 rows/);
  });

  it('validateShuffleSplit reads integers as counts and the rest as fractions', () => {
    expect(validateShuffleSplit(200, undefined, undefined)).toEqual({ nTrain: 150, nTest: 50 });
    expect(validateShuffleSplit(200, 1, undefined)).toEqual({ nTrain: 199, nTest: 1 });
    expect(validateShuffleSplit(19084, 0.2, undefined)).toEqual({ nTrain: 15267, nTest: 3817 });
    expect(validateShuffleSplit(200, undefined, 0.7)).toEqual({ nTrain: 140, nTest: 60 });
  });
});
