import { ApiError } from '../api/errors';

/**
 * Floating-point helpers that reproduce NumPy's arithmetic order, so sums and
 * means agree with scikit-learn to the last bit rather than merely to 1e-12.
 * Also the input checks every metric shares.
 */

/**
 * `np.sum` of a float64 vector: 0 + pairwise(a), where pairwise sums blocks of
 * at most 128 values with eight interleaved accumulators and splits larger
 * ranges in halves (a multiple of 8 first), exactly as NumPy's `pairwise_sum`.
 */
export function numpySum(a: ArrayLike<number>): number {
  return 0 + pairwise(a, 0, a.length);
}

function pairwise(a: ArrayLike<number>, lo: number, n: number): number {
  if (n < 8) {
    let res = -0;
    for (let i = 0; i < n; i++) res += a[lo + i];
    return res;
  }
  if (n <= 128) {
    const r = [a[lo], a[lo + 1], a[lo + 2], a[lo + 3], a[lo + 4], a[lo + 5], a[lo + 6], a[lo + 7]];
    let i = 8;
    const end = n - (n % 8);
    for (; i < end; i += 8) {
      for (let j = 0; j < 8; j++) r[j] += a[lo + i + j];
    }
    // The grouping is NumPy's order.
    let res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; i++) res += a[lo + i];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwise(a, lo, n2) + pairwise(a, lo + n2, n - n2);
}

/** `np.mean` of a float64 vector: numpySum(a) / n. */
export function numpyMean(a: ArrayLike<number>): number {
  return numpySum(a) / a.length;
}

/** Throws unless two label/score vectors have the same length. */
export function checkSameLength(what: string, a: ArrayLike<unknown>, b: ArrayLike<unknown>): void {
  if (a.length !== b.length) {
    throw new ApiError('bad-input', `${what}: the true labels have ${a.length} rows but the predictions have ${b.length}.`);
  }
}

/** Throws unless every label is a class index in 0..nClasses-1. */
export function checkLabels(what: string, y: Int32Array, nClasses: number): void {
  for (let i = 0; i < y.length; i++) {
    if (y[i] < 0 || y[i] >= nClasses) {
      throw new ApiError('bad-input', `${what}: label ${y[i]} at row ${i} is not a class index below ${nClasses}.`);
    }
  }
}

/** Throws unless every score is finite (scikit-learn's `assert_all_finite`). */
export function checkFinite(what: string, scores: ArrayLike<number>): void {
  for (let i = 0; i < scores.length; i++) {
    if (!Number.isFinite(scores[i])) {
      throw new ApiError('bad-input', `${what}: score ${scores[i]} at row ${i} is not a finite number.`);
    }
  }
}
