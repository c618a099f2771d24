/**
 * Numbers as the Run view writes them in sentences: metrics with three
 * decimals, counts with thousands separators. The score tables print at least
 * three too, and more only where three would print two different scores
 * alike (distinguishingDecimals), so a sentence still matches its table row.
 */
import { formatCount } from '../charts/spec';

export { formatCount };

/** 0.99263 → "0.993"; NaN (an undefined score) stays visible as "NaN". */
export function formatMetric(v: number): string {
  return Number.isFinite(v) ? v.toFixed(3) : String(v);
}

/**
 * The fewest decimals, from `min` to `max`, at which distinct neighbouring
 * values of a column (in sorted order) print differently: CV scores of
 * ranks 1 and 3 are often 0.9943 and 0.9941, which three decimals print alike.
 * Exact ties and NaN need no separating; past `max` the difference is noise.
 */
export function distinguishingDecimals(values: Iterable<number>, min = 3, max = 6): number {
  const sorted = [...new Set([...values].filter(Number.isFinite))].sort((a, b) => a - b);
  for (let digits = min; digits < max; digits++) {
    if (sorted.every((v, i) => i === 0 || v.toFixed(digits) !== sorted[i - 1].toFixed(digits))) return digits;
  }
  return max;
}

/** "0.7%"; a share that is not zero never reads as "0.0%". */
export function formatShare(part: number, whole: number): string {
  if (whole === 0) return '–';
  const pct = (part / whole) * 100;
  if (part > 0 && pct < 0.05) return '<0.1%';
  return `${pct.toFixed(1)}%`;
}

/**
 * A coefficient in a sentence: three decimals as the seed notebook reads
 * 0.0086 ("a 0.009 increase"), but scientific notation below 0.001 so a
 * small yet nonzero effect (count features have coefficients around 1e-6)
 * does not read as "0.000".
 */
export function formatCoefficient(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  return a === 0 || a >= 0.001 ? v.toFixed(3) : v.toExponential(1);
}

/** An odds ratio with as many decimals (3 to 8) as it takes to tell it from 1. */
export function formatOddsRatio(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  let digits = 3;
  while (digits < 8 && v !== 1 && Number(v.toFixed(digits)) === 1) digits++;
  return v.toFixed(digits);
}

/** "p < 0.001" or "p = 0.034". */
export function formatPValue(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

/** A probability threshold: three decimals, or scientific notation when it is tiny but not 0. */
export function formatThreshold(t: number): string {
  return t === 0 || t >= 0.001 ? t.toFixed(3) : t.toExponential(2);
}

/** A value the analyst typed (a recall target): as short as it is, at most four decimals. */
export function formatTarget(v: number): string {
  return String(Number(v.toFixed(4)));
}

/** "a", "a and b", "a, b and c". */
export function listWords(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
