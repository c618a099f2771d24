/**
 * `np.histogram(values, bins)` of the present values (edges as `np.linspace`): `bins` equal-width bins
 * between min and max (min − 0.5 … max + 0.5 when they are equal), each bin
 * half-open [a, b) except the last, which includes max.
 */
export interface Histogram {
  /** bins + 1 edges. */
  edges: number[];
  counts: number[];
}

export function histogram(values: Float64Array, min: number, max: number, bins = 20): Histogram {
  if (!(min <= max)) return { edges: [], counts: [] };
  let lo = min;
  let hi = max;
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo + i * ((hi - lo) / bins)));
  const counts = new Float64Array(bins);
  const scale = bins / (hi - lo);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    let b = Math.floor((v - lo) * scale);
    if (b >= bins) b = bins - 1;
    else if (b < 0) b = 0;
    // Rounding in the scaled position can miss an edge by one bin; the edges decide.
    if (v < edges[b]) b--;
    else if (b < bins - 1 && v >= edges[b + 1]) b++;
    counts[b]++;
  }
  return { edges, counts: Array.from(counts) };
}
