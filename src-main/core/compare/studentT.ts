/**
 * Student's t distribution function and its upper tail, for p-values and the
 * Bayesian reading of the corrected resampled t-test. Both come from the
 * regularized incomplete beta, P(T > t) = ½ I_(df/(df + t²))(df/2, ½) for t > 0,
 * so the far tail is computed directly rather than as 1 − cdf.
 */
import { regularizedBeta } from './specialFunctions';

function checkDf(df: number): void {
  if (!(df > 0) || df === Infinity) throw new RangeError(`Student t needs finite degrees of freedom > 0, got ${df}`);
}

/** P(T > |t|) — half the two-sided tail. */
function tailBeyond(t: number, df: number): number {
  const abs = Math.abs(t);
  const t2 = abs * abs;
  let x: number;
  let y: number;
  if (t2 < Infinity) {
    x = df / (df + t2);
    y = t2 / (df + t2);
  } else {
    // |t| beyond 1e154: keep the ratio df/t² instead of overflowing t².
    const r = df / abs / abs;
    x = r / (1 + r);
    y = 1 / (1 + r);
  }
  return 0.5 * regularizedBeta(x, df / 2, 0.5, y).lower;
}

/** P(T > t) for T ~ Student t with `df` degrees of freedom (df > 0, real). */
export function studentTSf(t: number, df: number): number {
  checkDf(df);
  if (Number.isNaN(t)) return NaN;
  if (t === 0) return 0.5;
  const tail = tailBeyond(t, df);
  return t > 0 ? tail : 1 - tail;
}

/** P(T ≤ t) for T ~ Student t with `df` degrees of freedom (df > 0, real). */
export function studentTCdf(t: number, df: number): number {
  return studentTSf(-t, df);
}
