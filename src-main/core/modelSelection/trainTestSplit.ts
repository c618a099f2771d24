/**
 * scikit-learn 1.2's `train_test_split` as row indices, in the order sklearn
 * yields them.
 *
 * - Sizes (`_validate_shuffle_split`): a fraction gives `n_test = ceil(f * n)`
 *   and `n_train = floor(f * n)`; a missing side is the rest; default test 0.25.
 *   As in Python, an integer value is a row count and a non-integer one a
 *   fraction in (0, 1) (so `1` means one row, not everything).
 * - `ShuffleSplit`: `p = permutation(n)`; test = p[:n_test], train = p[n_test:n_test+n_train].
 * - `StratifiedShuffleSplit` (`stratify`): classes in sorted order; per-class
 *   train and test counts by `_approximate_mode` (ties broken with the same
 *   generator); each class's rows permuted; then train and test each permuted.
 * - `shuffle: false`: train = 0..n_train-1, test = the next n_test rows.
 */
import { ApiError } from '../api/errors';
import { checkRandomState } from '../random/randomState';
import type { RandomState } from '../random/randomState';

export interface TrainTestSplitOptions {
  /** A fraction in (0, 1) or a row count; 0.25 when neither size is given. */
  testSize?: number;
  /** A fraction in (0, 1) or a row count; the rest of the rows when omitted. */
  trainSize?: number;
  /** sklearn's `random_state`; omitted means an unpredictable split. */
  randomState?: number;
  /** Default true. */
  shuffle?: boolean;
  /**
   * Class codes, one per row. Classes are taken in ascending code order, as
   * `np.unique` sorts labels: to match sklearn on string labels, number the
   * labels in their sorted order.
   */
  stratify?: Int32Array;
}

export interface Split {
  train: Int32Array;
  test: Int32Array;
}

function bad(message: string): never {
  throw new ApiError('bad-input', message);
}

/** `_validate_shuffle_split`: the train and test row counts. */
export function validateShuffleSplit(
  nSamples: number,
  testSize: number | undefined,
  trainSize: number | undefined,
  defaultTestSize = 0.25,
): { nTrain: number; nTest: number } {
  if (testSize === undefined && trainSize === undefined) testSize = defaultTestSize;
  for (const [name, v] of [
    ['test_size', testSize],
    ['train_size', trainSize],
  ] as const) {
    if (v === undefined) continue;
    if (!Number.isFinite(v)) bad(`${name}=${v} should be a number.`);
    const isInt = Number.isInteger(v);
    if ((isInt && (v >= nSamples || v <= 0)) || (!isInt && (v <= 0 || v >= 1))) {
      bad(
        `${name}=${v} should be either positive and smaller than the number of samples ${nSamples} or a float in the (0, 1) range`,
      );
    }
  }
  const testIsFrac = testSize !== undefined && !Number.isInteger(testSize);
  const trainIsFrac = trainSize !== undefined && !Number.isInteger(trainSize);
  if (testIsFrac && trainIsFrac && trainSize! + testSize! > 1) {
    bad(
      `The sum of test_size and train_size = ${trainSize! + testSize!}, should be in the (0, 1) range. Reduce test_size and/or train_size.`,
    );
  }
  let nTest = testSize === undefined ? 0 : testIsFrac ? Math.ceil(testSize * nSamples) : testSize;
  let nTrain = trainSize === undefined ? 0 : trainIsFrac ? Math.floor(trainSize * nSamples) : trainSize;
  if (trainSize === undefined) nTrain = nSamples - nTest;
  else if (testSize === undefined) nTest = nSamples - nTrain;
  if (nTrain + nTest > nSamples) {
    bad(
      `The sum of train_size and test_size = ${nTrain + nTest}, should be smaller than the number of samples ${nSamples}. Reduce test_size and/or train_size.`,
    );
  }
  if (nTrain === 0) {
    bad(
      `With n_samples=${nSamples}, test_size=${testSize ?? 'None'} and train_size=${trainSize ?? 'None'}, the resulting train set will be empty. Adjust any of the aforementioned parameters.`,
    );
  }
  return { nTrain, nTest };
}

/**
 * sklearn's `_approximate_mode`: how many of `nDraws` to take from each class,
 * proportional to `classCounts`, the shortfall after flooring handed out by
 * largest remainder with ties broken by `rng.choice(..., replace=False)`.
 */
export function approximateMode(classCounts: ArrayLike<number>, nDraws: number, rng: RandomState): Int32Array {
  const k = classCounts.length;
  let total = 0;
  for (let i = 0; i < k; i++) total += classCounts[i];
  const continuous = new Float64Array(k);
  const floored = new Float64Array(k);
  let flooredSum = 0;
  for (let i = 0; i < k; i++) {
    continuous[i] = (classCounts[i] / total) * nDraws;
    floored[i] = Math.floor(continuous[i]);
    flooredSum += floored[i];
  }
  let needToAdd = Math.trunc(nDraws - flooredSum);
  if (needToAdd > 0) {
    const remainder = new Float64Array(k);
    for (let i = 0; i < k; i++) remainder[i] = continuous[i] - floored[i];
    const values = [...new Set(remainder)].sort((a, b) => b - a);
    for (const value of values) {
      const inds: number[] = [];
      for (let i = 0; i < k; i++) if (remainder[i] === value) inds.push(i);
      const addNow = Math.min(inds.length, needToAdd);
      const picked = rng.choiceWithoutReplacement(inds.length, addNow);
      for (const p of picked) floored[inds[p]] += 1;
      needToAdd -= addNow;
      if (needToAdd === 0) break;
    }
  }
  return Int32Array.from(floored);
}

function range(start: number, stop: number): Int32Array {
  const out = new Int32Array(Math.max(0, stop - start));
  for (let i = 0; i < out.length; i++) out[i] = start + i;
  return out;
}

function stratifiedShuffleSplit(y: Int32Array, nTrain: number, nTest: number, rng: RandomState): Split {
  const classes = [...new Set(y)].sort((a, b) => a - b);
  const code = new Map<number, number>();
  classes.forEach((c, i) => code.set(c, i));
  const nClasses = classes.length;
  const counts = new Int32Array(nClasses);
  for (const v of y) counts[code.get(v)!]++;
  let minCount = Infinity;
  for (const c of counts) minCount = Math.min(minCount, c);
  if (minCount < 2) {
    bad(
      `The least populated class in y has only ${minCount} member, which is too few. The minimum number of groups for any class cannot be less than 2.`,
    );
  }
  if (nTrain < nClasses) {
    bad(`The train_size = ${nTrain} should be greater or equal to the number of classes = ${nClasses}`);
  }
  if (nTest < nClasses) {
    bad(`The test_size = ${nTest} should be greater or equal to the number of classes = ${nClasses}`);
  }
  // Rows of each class in ascending order (a stable argsort of the codes).
  const classIndices = Array.from(counts, (c) => new Int32Array(c));
  const fill = new Int32Array(nClasses);
  for (let r = 0; r < y.length; r++) {
    const c = code.get(y[r])!;
    classIndices[c][fill[c]++] = r;
  }
  const nI = approximateMode(counts, nTrain, rng);
  const remaining = counts.map((c, i) => c - nI[i]);
  const tI = approximateMode(remaining, nTest, rng);
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < nClasses; i++) {
    const perm = rng.permutation(counts[i]);
    const rows = classIndices[i];
    for (let j = 0; j < nI[i]; j++) train.push(rows[perm[j]]);
    for (let j = nI[i]; j < nI[i] + tI[i]; j++) test.push(rows[perm[j]]);
  }
  return { train: rng.permuted(train), test: rng.permuted(test) };
}

/** The row indices of `train_test_split(X, test_size=…, random_state=…)` for `n` rows. */
export function trainTestSplit(n: number, opts: TrainTestSplitOptions = {}): Split {
  if (!Number.isInteger(n) || n < 0) bad(`The number of rows must be a non-negative integer, got ${n}.`);
  const { nTrain, nTest } = validateShuffleSplit(n, opts.testSize, opts.trainSize, 0.25);
  const { stratify } = opts;
  if (stratify !== undefined && stratify.length !== n) {
    bad(`stratify has ${stratify.length} labels but there are ${n} rows.`);
  }
  if (opts.shuffle === false) {
    if (stratify !== undefined) bad('Stratified train/test split is not implemented for shuffle=False');
    return { train: range(0, nTrain), test: range(nTrain, nTrain + nTest) };
  }
  const rng = checkRandomState(opts.randomState);
  if (stratify !== undefined) return stratifiedShuffleSplit(stratify, nTrain, nTest, rng);
  const permutation = rng.permutation(n);
  return {
    test: permutation.slice(0, nTest),
    train: permutation.slice(nTest, nTest + nTrain),
  };
}
