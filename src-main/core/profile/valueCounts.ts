import { numpyArgsortQuick } from '../features/countVectorizer';
import type { FrameColumn } from '../recipe/frame';
import { factorizeNumbers, factorizeStrings, type Factorized } from './factorize';

/**
 * `Series.value_counts()` and `value_counts(normalize=True)` (missing values
 * dropped). Most frequent first; ties come out as pandas 1.5 leaves them:
 * counts in order of first appearance, sorted descending by
 * `Series.sort_values`, i.e. numpy's unstable quicksort on the reversed
 * counts, reversed back — first-appearance order for up to 16 distinct
 * values, the introsort's order beyond.
 */
export interface ValueCounts<T extends string | number = string | number> {
  values: T[];
  counts: number[];
  /** counts / total (class balance). */
  proportions: number[];
  /** Non-missing rows. */
  total: number;
  missing: number;
}

/** Positions of `counts` in pandas' descending value_counts order. */
export function pandasDescendingOrder(counts: ArrayLike<number>): Int32Array {
  const n = counts.length;
  const reversed = new Float64Array(n);
  for (let i = 0; i < n; i++) reversed[i] = counts[n - 1 - i];
  const asc = numpyArgsortQuick(reversed);
  const out = new Int32Array(n);
  for (let k = 0; k < n; k++) out[k] = n - 1 - asc[n - 1 - k];
  return out;
}

export function valueCountsOf<T extends string | number>(f: Factorized<T>, limit = Infinity, order: Int32Array = pandasDescendingOrder(f.counts)): ValueCounts<T> {
  const total = f.codes.length - f.missing;
  const k = Math.min(order.length, limit);
  const values: T[] = new Array<T>(k);
  const counts: number[] = new Array<number>(k);
  const proportions: number[] = new Array<number>(k);
  for (let j = 0; j < k; j++) {
    const u = order[j];
    values[j] = f.uniques[u];
    counts[j] = f.counts[u];
    proportions[j] = f.counts[u] / total;
  }
  return { values, counts, proportions, total, missing: f.missing };
}

export function factorizeColumn(c: FrameColumn): Factorized {
  return c.type === 'number' ? factorizeNumbers(c.values) : factorizeStrings(c.values);
}

export function valueCounts(c: FrameColumn, limit = Infinity): ValueCounts {
  return valueCountsOf<string | number>(factorizeColumn(c), limit);
}
