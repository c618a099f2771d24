import { ApiError } from '../api/errors';

/**
 * The q-quantile as pandas' `Series.quantile(q)` computes it (numpy's
 * `percentile`, method 'linear', missing values skipped): with the n present
 * values sorted, h = (n − 1)·q and the result interpolates between the values
 * at ⌊h⌋ and ⌊h⌋ + 1. NaN when no value is present.
 *
 * pandas passes q·100 to `np.percentile`, which divides by 100 again, and
 * numpy interpolates from the nearer end (`_lerp`); both are copied so the
 * last bits agree. Pass `{ presorted: true }` for sorted values without NaN.
 */
export function quantileLinear(values: ArrayLike<number>, q: number, options: { presorted?: boolean } = {}): number {
  if (!(q >= 0 && q <= 1)) throw new ApiError('bad-input', `A quantile must be between 0 and 1, not ${q}.`);
  const sorted = options.presorted ? values : presentSorted(values);
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * ((q * 100) / 100);
  if (h >= n - 1) return sorted[n - 1];
  const lo = Math.floor(h);
  const a = sorted[lo];
  const b = sorted[lo + 1];
  const t = h - lo;
  const d = b - a;
  return t >= 0.5 ? b - d * (1 - t) : a + d * t;
}

function presentSorted(values: ArrayLike<number>): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) n++;
  const out = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) out[k++] = values[i];
  return out.sort();
}

export interface IqrCapOptions {
  /** Multiple of the interquartile range beyond the quartiles (default 1.5). */
  k?: number;
  /** Cap only large values (Course 5) or both ends (default 'upper'). */
  side?: 'upper' | 'both';
}

export interface IqrCaps {
  q1: number;
  q3: number;
  iqr: number;
  /** q3 + k·IQR. */
  upper: number;
  /** q1 − k·IQR; applied only with `side: 'both'`. */
  lower: number;
  side: 'upper' | 'both';
  /** The values with those above `upper` (and, for 'both', below `lower`) replaced by the bound; NaN stays NaN. */
  apply(values: ArrayLike<number>): Float64Array;
}

/**
 * Fits IQR outlier caps on training values, as Course 5 does for
 * `video_like_count` and `video_comment_count`:
 * `upper = q3 + 1.5·(q3 − q1)`, then `data.loc[data[col] > upper, col] = upper`.
 */
export function capOutliersIqr(values: ArrayLike<number>, options: IqrCapOptions = {}): IqrCaps {
  const k = options.k ?? 1.5;
  const side = options.side ?? 'upper';
  if (!(k >= 0) || !Number.isFinite(k)) throw new ApiError('bad-input', `The IQR multiple must be a non-negative number, not ${k}.`);
  const sorted = presentSorted(values);
  if (sorted.length === 0) throw new ApiError('bad-input', 'Outlier caps need at least one value that is not missing.');
  const q1 = quantileLinear(sorted, 0.25, { presorted: true });
  const q3 = quantileLinear(sorted, 0.75, { presorted: true });
  const iqr = q3 - q1;
  const upper = q3 + k * iqr;
  const lower = q1 - k * iqr;
  return {
    q1,
    q3,
    iqr,
    upper,
    lower,
    side,
    apply(xs) {
      const out = new Float64Array(xs.length);
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        out[i] = x > upper ? upper : side === 'both' && x < lower ? lower : x;
      }
      return out;
    },
  };
}
