/**
 * scikit-learn 1.2's `KFold` and `StratifiedKFold` as row indices; within each
 * fold, train and test rows are ascending, as sklearn returns them.
 *
 * - `KFold`: rows (shuffled once with `RandomState(seed).shuffle` when asked)
 *   cut into `n_splits` consecutive blocks, the first `n % n_splits` one longer.
 * - `StratifiedKFold`: classes numbered by first appearance in `y`; how many of
 *   each class each fold tests comes from dealing the sorted codes round robin
 *   (`allocation[i] = bincount(sort(y_enc)[i::n_splits])`); each class's rows,
 *   in row order, get folds 0,0,…,1,1,… by that allocation, the fold labels
 *   shuffled per class (in first-appearance order) when `shuffle` is on.
 *
 * Unlike sklearn, which only warns, a class with fewer rows than folds is an
 * error (see `checkClassCounts`).
 */
import { ApiError } from '../api/errors';
import { checkRandomState } from '../random/randomState';
import type { Split } from './trainTestSplit';

export type { Split } from './trainTestSplit';

export interface KFoldOptions {
  /** Default false. */
  shuffle?: boolean;
  /** sklearn's `random_state`; only allowed with `shuffle: true`. */
  randomState?: number;
}

export interface StratifiedKFoldOptions extends KFoldOptions {
  /** Names of the class codes in `y`, for error messages. */
  classNames?: readonly string[];
}

function bad(message: string): never {
  throw new ApiError('bad-input', message);
}

function checkSplits(n: number, nSplits: number, opts: KFoldOptions): void {
  if (!Number.isInteger(nSplits)) {
    bad(`The number of folds must be an integer, got ${nSplits}.`);
  }
  if (nSplits <= 1) {
    bad(
      `k-fold cross-validation requires at least one train/test split by setting n_splits=2 or more, got n_splits=${nSplits}.`,
    );
  }
  if (!opts.shuffle && opts.randomState !== undefined) {
    bad(
      'Setting a random_state has no effect since shuffle is False. You should leave random_state to its default (None), or set shuffle=True.',
    );
  }
  if (nSplits > n) {
    bad(`Cannot have number of splits n_splits=${nSplits} greater than the number of samples: n_samples=${n}.`);
  }
}

/** Turns a fold label per row into (train, test) pairs, rows ascending. */
function foldsFromLabels(testFold: Int32Array, nSplits: number): Split[] {
  const n = testFold.length;
  const sizes = new Int32Array(nSplits);
  for (const f of testFold) sizes[f]++;
  const out: Split[] = [];
  for (let k = 0; k < nSplits; k++) {
    const test = new Int32Array(sizes[k]);
    const train = new Int32Array(n - sizes[k]);
    let a = 0;
    let b = 0;
    for (let r = 0; r < n; r++) {
      if (testFold[r] === k) test[a++] = r;
      else train[b++] = r;
    }
    out.push({ train, test });
  }
  return out;
}

/** `KFold(n_splits, shuffle, random_state).split(X)` for `n` rows. */
export function kFold(n: number, nSplits: number, opts: KFoldOptions = {}): Split[] {
  checkSplits(n, nSplits, opts);
  const indices = new Int32Array(n);
  for (let i = 0; i < n; i++) indices[i] = i;
  if (opts.shuffle) checkRandomState(opts.randomState).shuffle(indices);
  const testFold = new Int32Array(n);
  const base = Math.floor(n / nSplits);
  const extra = n % nSplits;
  let current = 0;
  for (let k = 0; k < nSplits; k++) {
    const stop = current + base + (k < extra ? 1 : 0);
    for (let i = current; i < stop; i++) testFold[indices[i]] = k;
    current = stop;
  }
  return foldsFromLabels(testFold, nSplits);
}

/** Codes by order of first appearance, as `StratifiedKFold` numbers classes. */
function encodeByFirstAppearance(y: Int32Array): { encoded: Int32Array; labels: number[] } {
  const code = new Map<number, number>();
  const labels: number[] = [];
  const encoded = new Int32Array(y.length);
  for (let r = 0; r < y.length; r++) {
    let c = code.get(y[r]);
    if (c === undefined) {
      c = labels.length;
      code.set(y[r], c);
      labels.push(y[r]);
    }
    encoded[r] = c;
  }
  return { encoded, labels };
}

/**
 * Throws when a class has fewer rows than there are folds, naming the least
 * populated one (lowest code on ties): `Class "verified" has only 3 members,
 * fewer than the 5 folds.` `classNames[code]` names a code; without a name the
 * code itself is shown.
 */
export function checkClassCounts(y: Int32Array, nSplits: number, classNames?: readonly string[]): void {
  const counts = new Map<number, number>();
  for (const v of y) counts.set(v, (counts.get(v) ?? 0) + 1);
  let worst: number | undefined;
  for (const [c, count] of [...counts].sort((a, b) => a[0] - b[0])) {
    if (count < nSplits && (worst === undefined || count < counts.get(worst)!)) worst = c;
  }
  if (worst === undefined) return;
  const count = counts.get(worst)!;
  const name = classNames?.[worst];
  const label = name === undefined ? String(worst) : `"${name}"`;
  bad(
    `Class ${label} has only ${count} member${count === 1 ? '' : 's'}, fewer than the ${nSplits} folds.`,
  );
}

/** `StratifiedKFold(n_splits, shuffle, random_state).split(X, y)`. */
export function stratifiedKFold(y: Int32Array, nSplits: number, opts: StratifiedKFoldOptions = {}): Split[] {
  const n = y.length;
  checkSplits(n, nSplits, opts);
  checkClassCounts(y, nSplits, opts.classNames);
  const rng = opts.shuffle ? checkRandomState(opts.randomState) : undefined;
  const { encoded, labels } = encodeByFirstAppearance(y);
  const nClasses = labels.length;
  const counts = new Int32Array(nClasses);
  for (const c of encoded) counts[c]++;
  // allocation[i][k]: rows of class k in test fold i, from dealing sort(encoded)
  // round robin: position p of the sorted codes goes to fold p % nSplits.
  const allocation = Array.from({ length: nSplits }, () => new Int32Array(nClasses));
  let p = 0;
  for (let k = 0; k < nClasses; k++) {
    for (let j = 0; j < counts[k]; j++, p++) allocation[p % nSplits][k]++;
  }
  const testFold = new Int32Array(n);
  for (let k = 0; k < nClasses; k++) {
    const folds = new Int32Array(counts[k]);
    let at = 0;
    for (let i = 0; i < nSplits; i++) for (let j = 0; j < allocation[i][k]; j++) folds[at++] = i;
    rng?.shuffle(folds);
    at = 0;
    for (let r = 0; r < n; r++) if (encoded[r] === k) testFold[r] = folds[at++];
  }
  return foldsFromLabels(testFold, nSplits);
}
