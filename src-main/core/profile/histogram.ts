import { equalWidthEdges, histogramCounts } from '../charts/histogram';

/**
 * `np.histogram(values, bins)` of the present values: `bins` equal-width bins
 * between min and max (min − 0.5 … max + 0.5 when they are equal), each bin
 * half-open [a, b) except the last, which includes max. The same binning as
 * the histogram chart's, given the column's min and max from describe().
 */
export interface Histogram {
  /** bins + 1 edges. */
  edges: number[];
  counts: number[];
}

export function histogram(values: Float64Array, min: number, max: number, bins = 20): Histogram {
  if (!(min <= max)) return { edges: [], counts: [] };
  const edges = equalWidthEdges(min, max, bins);
  return { edges: Array.from(edges), counts: histogramCounts(values, edges) };
}
