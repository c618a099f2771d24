/**
 * The corrected resampled t-test (Nadeau & Bengio 2003) on per-fold score
 * differences of two models evaluated on the same folds, with J = k·r for
 * r-times repeated k-fold CV (Bouckaert & Frank 2004), and its Bayesian
 * reading (Benavoli et al. 2017, as Orange and scikit-learn's example
 * "Statistical comparison of models using grid search" compute it).
 *
 * Fold scores overlap in their training rows, so the plain variance of the
 * mean, var/J, is too small; the correction adds n_test/n_train.
 */
import { DEFAULT_ROPE } from './types';
import { studentTSf } from './studentT';

export interface CorrectedTTestResult {
  t: number;
  df: number;
  /** Two-sided: P(|T| ≥ |t|). */
  pValue: number;
  /** Posterior probability that the mean difference exceeds +rope (A better). */
  pBetterA: number;
  /** Posterior probability that the mean difference is below −rope (B better). */
  pBetterB: number;
  /** Posterior probability that the mean difference lies within ±rope. */
  pRope: number;
}

function checkRows(name: string, value: number): void {
  if (!(value > 0 && Number.isFinite(value))) throw new RangeError(`${name} must be a positive number of rows, got ${value}`);
}

/**
 * `differences` are A − B per fold; trainRows / testRows the rows a fold model
 * trained on and was scored on; `rope` the half-width of the region of practical equivalence.
 * t = mean(d) / √((1/J + testRows/trainRows)·var(d, ddof = 1)), df = J − 1; the
 * posterior of the mean difference is Student t(df) at mean(d) with that scale.
 */
export function correctedResampledTTest(
  differences: number[],
  trainRows: number,
  testRows: number,
  rope = DEFAULT_ROPE,
): CorrectedTTestResult {
  const J = differences.length;
  if (J < 2) throw new Error(`the corrected t-test needs at least 2 folds, got ${J}`);
  differences.forEach((d, i) => {
    if (!Number.isFinite(d)) throw new Error(`fold ${i + 1} of ${J} has no finite score difference (${d})`);
  });
  checkRows('trainRows', trainRows);
  checkRows('testRows', testRows);
  if (!(rope >= 0 && Number.isFinite(rope))) throw new RangeError(`rope must be a finite half-width ≥ 0, got ${rope}`);

  const df = J - 1;
  // Equal differences have variance exactly 0; summing them could leave a rounding residue.
  const constant = differences.every((d) => d === differences[0]);
  const mean = constant ? differences[0] : differences.reduce((s, d) => s + d, 0) / J;
  const variance = constant ? 0 : differences.reduce((s, d) => s + (d - mean) ** 2, 0) / (J - 1);
  const scale = Math.sqrt((1 / J + testRows / trainRows) * variance);

  if (scale === 0) {
    // The posterior is a point mass at the mean; t is 0/0 when the mean is 0 too, read as "no difference".
    if (mean === 0) return { t: 0, df, pValue: 1, pBetterA: 0, pBetterB: 0, pRope: 1 };
    const pBetterA = mean > rope ? 1 : 0;
    const pBetterB = mean < -rope ? 1 : 0;
    return { t: mean > 0 ? Infinity : -Infinity, df, pValue: 0, pBetterA, pBetterB, pRope: 1 - pBetterA - pBetterB };
  }

  const t = mean / scale;
  const pValue = Math.min(1, 2 * studentTSf(Math.abs(t), df));
  // Standardised ends of the rope under the posterior: diff = mean + scale·T.
  const lo = (-rope - mean) / scale;
  const hi = (rope - mean) / scale;
  const pBetterA = studentTSf(hi, df);
  const pBetterB = studentTSf(-lo, df);
  // The rope's mass from the tails on its own side, so a rope far out in a tail keeps its digits.
  let pRope: number;
  if (lo >= 0) pRope = studentTSf(lo, df) - pBetterA;
  else if (hi <= 0) pRope = studentTSf(-hi, df) - pBetterB;
  else pRope = 1 - pBetterA - pBetterB;
  return { t, df, pValue, pBetterA, pBetterB, pRope };
}
