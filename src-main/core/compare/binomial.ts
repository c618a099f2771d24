/**
 * The binomial distribution function, for McNemar's exact test. It is the
 * regularized incomplete beta, P(X ≤ k) = I_q(n − k, k + 1), whose prefactor
 * q^(n−k) p^(k+1) / ((n − k) B(n − k, k + 1)) is exactly p · P(X = k); taking
 * that probability from Loader's saddle-point form keeps the result accurate
 * for n in the millions, where ln Γ(n) alone would already cost digits.
 */
import { betaContinuedFraction, binomialPmf } from './specialFunctions';

/** P(X ≤ k) for X ~ Binomial(n, p); k is floored (as scipy does), n a non-negative integer, 0 ≤ p ≤ 1. */
export function binomialCdf(k: number, n: number, p = 0.5): number {
  if (!(Number.isInteger(n) && n >= 0)) throw new RangeError(`binomial n must be a non-negative integer, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`binomial p must lie in [0, 1], got ${p}`);
  if (Number.isNaN(k)) return NaN;
  const j = Math.floor(k);
  if (j < 0) return 0;
  if (j >= n) return 1;
  const q = 1 - p;
  if (p === 0) return 1;
  if (q === 0) return 0;
  // The continued fraction converges fast on the side of the mean it is evaluated on:
  // below it, P(X ≤ j) directly; above it, 1 − P(X ≥ j + 1) = 1 − I_p(j + 1, n − j),
  // whose prefactor is q · P(X = j + 1).
  if (q < (n - j + 1) / (n + 3)) return p * binomialPmf(j, n, p, q) * betaContinuedFraction(n - j, j + 1, q);
  return 1 - q * binomialPmf(j + 1, n, p, q) * betaContinuedFraction(j + 1, n - j, p);
}
