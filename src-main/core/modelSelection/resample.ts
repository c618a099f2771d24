/**
 * The rows `sklearn.utils.resample(X, replace=…, n_samples=…, random_state=k)`
 * picks (scikit-learn 1.2):
 *
 * - with replacement (the default): `RandomState(k).randint(0, n, size=n_samples)`;
 * - without: `arange(n)` shuffled by `RandomState(k).shuffle`, first `n_samples`.
 */
import { ApiError } from '../api/errors';
import { checkRandomState } from '../random/randomState';

export interface ResampleOptions {
  /** Default true. */
  replace?: boolean;
  /** Rows to draw; default `n`. More than `n` only with replacement. */
  nSamples?: number;
  /** sklearn's `random_state`; omitted means an unpredictable draw. */
  randomState?: number;
  /** Stratified resampling is not supported. */
  stratify?: never;
}

/** Row indices drawn from `0..n-1`, in the order sklearn returns the rows. */
export function resample(n: number, opts: ResampleOptions = {}): Int32Array {
  if (!Number.isInteger(n) || n < 0) {
    throw new ApiError('bad-input', `The number of rows must be a non-negative integer, got ${n}.`);
  }
  const replace = opts.replace ?? true;
  const nSamples = opts.nSamples ?? n;
  if (!Number.isInteger(nSamples) || nSamples < 0) {
    throw new ApiError('bad-input', `n_samples must be a non-negative integer, got ${nSamples}.`);
  }
  if (nSamples > n && !replace) {
    throw new ApiError(
      'bad-input',
      `Cannot sample ${nSamples} out of arrays with dim ${n} when replace is False`,
    );
  }
  const rng = checkRandomState(opts.randomState);
  if (replace) {
    if (nSamples === 0) return new Int32Array(0);
    if (n === 0) throw new ApiError('bad-input', 'Cannot resample with replacement from no rows.');
    return Int32Array.from(rng.randint(0, n, nSamples));
  }
  return rng.permutation(n).slice(0, nSamples);
}
