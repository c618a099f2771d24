/**
 * The standard normal tail, for Wald p-values. erfc is computed to about
 * 1e-14 relative accuracy for every x:
 *   - |x| < 2: erf(x) = (2/√π)·e^(−x²)·Σ 2ⁿx^(2n+1)/(1·3···(2n+1)) — every term
 *     positive, so no cancellation — and erfc = 1 − erf (erfc(2) ≈ 4.7e-3, so
 *     the subtraction costs at most ~2 digits);
 *   - x ≥ 2: the continued fraction erfc(x) = e^(−x²)/√π · 1/(x + ½/(x + 1/(x + (3/2)/(x + …)))),
 *     evaluated by the modified Lentz method;
 *   - x ≤ −2: erfc(x) = 2 − erfc(−x).
 */

const TWO_OVER_SQRT_PI = 1.1283791670955126;
const ONE_OVER_SQRT_PI = 0.5641895835477563;

/** 97.5 % quantile of the standard normal, as statsmodels' conf_int uses. */
export const Z_975 = 1.959963984540054;

function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (2 * x2) / (2 * n + 1);
    sum += term;
    if (term < 1e-17 * sum) break;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
}

function erfcContinuedFraction(x: number): number {
  // erfc(x) = e^(−x²)/√π · 1/(x + a1/(x + a2/(x + …))), a_k = k/2.
  const tiny = 1e-300;
  let f = x;
  let C = x;
  let D = 0;
  for (let k = 1; k < 5000; k++) {
    const a = k / 2;
    D = x + a * D;
    D = D === 0 ? tiny : D;
    C = x + a / C;
    C = C === 0 ? tiny : C;
    D = 1 / D;
    const delta = C * D;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return (ONE_OVER_SQRT_PI * Math.exp(-x * x)) / f;
}

/** The complementary error function. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x >= 2) return x > 27.3 ? 0 : erfcContinuedFraction(x);
  if (x <= -2) return x < -6 ? 2 : 2 - erfcContinuedFraction(-x);
  return x >= 0 ? 1 - erfSeries(x) : 1 + erfSeries(-x);
}

/** P(Z > z) for a standard normal Z. */
export function normalSf(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/** Two-sided p-value of a z statistic: P(|Z| ≥ |z|) = erfc(|z|/√2). */
export function twoSidedP(z: number): number {
  return erfc(Math.abs(z) / Math.SQRT2);
}
