/**
 * McNemar's test of two classifiers on the same rows, from the discordant
 * counts alone: b rows A got right and B wrong, c the reverse. Under the null
 * hypothesis each discordant row is a fair coin, so b ~ Binomial(b + c, ½).
 * Matches statsmodels' `mcnemar(table, exact, correction=True)` p-values.
 */
import { erfc } from '../ml/linear/normal';
import { binomialCdf } from './binomial';

function checkCount(name: string, value: number): void {
  if (!(Number.isInteger(value) && value >= 0)) {
    throw new RangeError(`McNemar's ${name} must be a non-negative integer count, got ${value}`);
  }
}

/**
 * exact (default): two-sided binomial p = min(1, 2·P(X ≤ min(b, c))), X ~ Bin(b + c, ½), no statistic.
 * Otherwise the continuity-corrected χ² = (|b − c| − 1)² / (b + c) with 1 df.
 */
export function mcnemar(b: number, c: number, exact = true): { statistic: number | null; pValue: number } {
  checkCount('b', b);
  checkCount('c', c);
  const n = b + c;
  if (exact) {
    if (n === 0) return { statistic: null, pValue: 1 };
    return { statistic: null, pValue: Math.min(1, 2 * binomialCdf(Math.min(b, c), n, 0.5)) };
  }
  // No discordant rows: no evidence either way (statsmodels would return 0/0 = NaN).
  if (n === 0) return { statistic: 0, pValue: 1 };
  // As statsmodels, the correction is subtracted even when |b − c| < 1, so b = c
  // gives 1/(b + c) rather than 0 — kept so the numbers match it.
  const statistic = (Math.abs(b - c) - 1) ** 2 / n;
  // χ²(1) upper tail: P(Z² > x) = erfc(√(x/2)).
  return { statistic, pValue: erfc(Math.sqrt(statistic / 2)) };
}
