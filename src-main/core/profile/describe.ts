import { quantileLinear } from '../features/outliers';
import type { Factorized } from './factorize';
import { sortPresent, type SortedColumn } from './sorting';
import { numpySum } from './summation';
import { pandasDescendingOrder } from './valueCounts';

/** One column of pandas' numeric `describe()`. Every statistic is NaN when no value is present (std also when only one is). */
export interface NumericDescription {
  count: number;
  mean: number;
  /** Sample standard deviation (ddof = 1), as pandas. */
  std: number;
  min: number;
  /** Quartiles by linear interpolation (numpy's default percentile method). */
  q25: number;
  q50: number;
  q75: number;
  max: number;
}

/** One column of `describe(include='object')`. `top` is null and `freq` NaN when no value is present. */
export interface CategoricalDescription {
  count: number;
  unique: number;
  /** Most frequent value; ties broken as `value_counts()` orders them (see valueCounts.ts). */
  top: string | number | null;
  freq: number;
  /** Earliest and latest value of a date/time column (ISO text sorts in time order), as pandas describes datetimes; absent for other columns. */
  min?: string | null;
  max?: string | null;
}

/**
 * pandas' numeric `describe()` of one column. mean and std sum as pandas'
 * nanops do (numpy's pairwise sum with missing values as 0, then the squared
 * deviations from that mean); quartiles from one sort of the present values.
 * Pass `sorted` when the caller already sorted the column (or arranged it
 * with `quartileOrder`, which is all the quartiles read), and `scratch` (at
 * least as long as values) to reuse a buffer for the squared deviations.
 */
export function describeNumeric(values: Float64Array, sorted: Pick<SortedColumn, 'sorted'> = sortPresent(values), scratch?: Float64Array): NumericDescription {
  const s = sorted.sorted;
  const count = s.length;
  if (count === 0) return { count: 0, mean: NaN, std: NaN, min: NaN, q25: NaN, q50: NaN, q75: NaN, max: NaN };
  const mean = numpySum(values) / count;
  let std = NaN;
  if (count > 1) {
    const sq = scratch && scratch.length >= values.length ? scratch : new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const d = mean - values[i];
      sq[i] = d * d;
    }
    std = Math.sqrt(numpySum(sq, 0, values.length) / (count - 1));
  }
  return {
    count,
    mean,
    std,
    min: s[0],
    q25: quantileLinear(s, 0.25, { presorted: true }),
    q50: quantileLinear(s, 0.5, { presorted: true }),
    q75: quantileLinear(s, 0.75, { presorted: true }),
    max: s[count - 1],
  };
}

/** The earliest and latest of a date/time column's distinct ISO texts; null when every value is missing. */
export function isoTextRange(uniques: readonly string[]): { min: string | null; max: string | null } {
  let min: string | null = null;
  let max: string | null = null;
  for (const s of uniques) {
    if (min === null || s < min) min = s;
    if (max === null || s > max) max = s;
  }
  return { min, max };
}

/** `describe()` of a text or categorical column from its factorization (pass `order` if already computed). */
export function describeCategorical(f: Factorized, order: Int32Array = pandasDescendingOrder(f.counts)): CategoricalDescription {
  const count = f.codes.length - f.missing;
  if (f.uniques.length === 0) return { count, unique: 0, top: null, freq: NaN };
  const first = order[0];
  return { count, unique: f.uniques.length, top: f.uniques[first], freq: f.counts[first] };
}
