import { quantileLinear } from '../features/outliers';
import { ApiError } from '../api/errors';
import {
  baseOption,
  humanize,
  inSentence,
  joinNotes,
  missingNote,
  paletteColor,
  valueAxis,
  type CategoricalColumn,
  type ChartResult,
  type ChartSpecBase,
  type NumericColumn,
} from './spec';

export const DEFAULT_MAX_BINS = 50;

/** seaborn's `histplot(multiple=...)` for hue levels: stacked, side by side, or overlaid. */
export type HistogramMultiple = 'stack' | 'dodge' | 'layer';

export interface HistogramSpec extends ChartSpecBase {
  kind: 'histogram';
  x: NumericColumn;
  /** One series per category, sharing the same bins (seaborn's `common_bins=True`). */
  hue?: CategoricalColumn;
  /** A bin count, or 'auto' (default): numpy's `bins='auto'`, capped at `maxBins`. */
  bins?: number | 'auto';
  /**
   * Cap on the automatic bin count (default 50): numpy's rule asks for
   * thousands on long tails and aliases integer data into uneven bins.
   */
  maxBins?: number;
  /** Default 'layer', as seaborn. */
  multiple?: HistogramMultiple;
}

export interface HistogramBins {
  /** n + 1 increasing edges; bin i is [edges[i], edges[i+1]), the last one closed. */
  edges: Float64Array;
  /** The hue levels (['all'] without hue), in first-seen order as seaborn orders them. */
  levels: string[];
  /** counts[level][bin]. */
  counts: number[][];
  /** Rows skipped for a missing value (or missing hue). */
  skipped: number;
}

/**
 * numpy's `np.histogram_bin_edges(values, bins)` for present, finite values.
 *
 * 'auto' is numpy's rule: the bin width is min(Freedman–Diaconis, Sturges)
 * (Sturges alone when the IQR is 0), FD = 2·IQR·n^(−1/3) with linear
 * quartiles, Sturges = (max − min)/(log2 n + 1); the count is
 * ⌈(max − min)/width⌉ — here additionally capped at `maxBins`. A constant
 * sample gets the range [v − 0.5, v + 0.5]. Edges are `np.linspace`'s:
 * start + i·step, the last one exactly the maximum.
 */
export function histogramBinEdges(values: ArrayLike<number>, bins: number | 'auto' = 'auto', maxBins = DEFAULT_MAX_BINS): Float64Array {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const [first, last] = binRange(n ? sorted[0] : 0, n ? sorted[n - 1] : 1);
  let count: number;
  if (bins === 'auto') {
    if (n === 0) count = 1;
    else {
      const iqr = quantileLinear(sorted, 0.75, { presorted: true }) - quantileLinear(sorted, 0.25, { presorted: true });
      const fd = 2.0 * iqr * Math.pow(n, -1.0 / 3.0);
      const sturges = (sorted[n - 1] - sorted[0]) / (Math.log2(n) + 1.0);
      const width = fd ? Math.min(fd, sturges) : sturges;
      count = width ? Math.ceil((last - first) / width) : 1;
    }
    count = Math.max(1, Math.min(count, Math.max(1, Math.floor(maxBins))));
  } else {
    if (!Number.isInteger(bins) || bins < 1) throw new ApiError('bad-input', `The number of bins must be a positive whole number, not ${bins}.`);
    count = bins;
  }
  return linspace(first, last, count + 1);
}

/** numpy's range for bins: a constant sample gets [v − 0.5, v + 0.5]. */
function binRange(min: number, max: number): [number, number] {
  return min === max ? [min - 0.5, max + 0.5] : [min, max];
}

/** `count` equal-width bins' edges between min and max, as `np.histogram(values, count)` makes them. */
export function equalWidthEdges(min: number, max: number, count: number): Float64Array {
  const [first, last] = binRange(min, max);
  return linspace(first, last, count + 1);
}

/** `np.linspace(start, stop, num)` bit for bit. */
function linspace(start: number, stop: number, num: number): Float64Array {
  const out = new Float64Array(num);
  const div = num - 1;
  const delta = stop - start;
  const step = delta / div;
  for (let i = 0; i < num; i++) out[i] = step === 0 ? (i / div) * delta + start : i * step + start;
  if (num > 1) out[num - 1] = stop;
  return out;
}

/**
 * `np.histogram(values, edges)[0]` for equal-width edges: the index is
 * ⌊(v − first)·n/(last − first)⌋, then corrected by one where rounding put
 * it on the wrong side of an edge, exactly as numpy does; values outside
 * [first, last] and NaN are not counted.
 */
export function histogramCounts(values: ArrayLike<number>, edges: Float64Array): number[] {
  const nBins = edges.length - 1;
  const first = edges[0];
  const last = edges[nBins];
  const norm = nBins / (last - first);
  const counts = new Array<number>(nBins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v >= first && v <= last)) continue;
    let k = Math.trunc((v - first) * norm);
    if (k === nBins) k--;
    if (v < edges[k]) k--;
    if (v >= edges[k + 1] && k !== nBins - 1) k++;
    counts[k]++;
  }
  return counts;
}

/** Bins shared by every hue level, and each level's counts. */
export function histogramBins(spec: Pick<HistogramSpec, 'x' | 'hue' | 'bins' | 'maxBins'>): HistogramBins {
  const xs = spec.x.values;
  const hue = spec.hue?.values;
  if (hue && hue.length !== xs.length) throw new ApiError('bad-input', `"${spec.x.name}" and "${spec.hue!.name}" have different lengths.`);
  const present: number[] = [];
  const rowLevel: number[] = [];
  const levels: string[] = [];
  const index = new Map<string, number>();
  let skipped = 0;
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i];
    const h = hue ? hue[i] : 'all';
    if (!Number.isFinite(v) || h === null) {
      skipped++;
      continue;
    }
    let l = index.get(h);
    if (l === undefined) {
      l = levels.length;
      index.set(h, l);
      levels.push(h);
    }
    present.push(v);
    rowLevel.push(l);
  }
  const edges = histogramBinEdges(present, spec.bins ?? 'auto', spec.maxBins ?? DEFAULT_MAX_BINS);
  const perLevel: number[][] = levels.map(() => []);
  for (let i = 0; i < present.length; i++) perLevel[rowLevel[i]].push(present[i]);
  return { edges, levels: levels.length ? levels : hue ? [] : ['all'], counts: perLevel.map((vs) => histogramCounts(vs, edges)), skipped };
}

export interface HistogramResult extends ChartResult {
  bins: HistogramBins;
}

/** One drawn bar: x from x0 to x1, y from y0 to y1 (data units). */
export type HistogramBar = [x0: number, x1: number, y0: number, y1: number];

/**
 * The bars of each level: 'layer' draws every level over the full bin width
 * (semi-transparent), 'stack' piles the levels in hue order, 'dodge' splits
 * each bin into one slot per level, as seaborn does.
 */
export function histogramBars(bins: HistogramBins, multiple: HistogramMultiple): HistogramBar[][] {
  const { edges, counts } = bins;
  const k = counts.length;
  const base = new Array<number>(edges.length - 1).fill(0);
  return counts.map((row, l) => {
    const bars: HistogramBar[] = [];
    row.forEach((c, b) => {
      const x0 = edges[b];
      const x1 = edges[b + 1];
      if (multiple === 'dodge') {
        const w = (x1 - x0) / k;
        if (c > 0) bars.push([x0 + l * w, x0 + (l + 1) * w, 0, c]);
      } else if (multiple === 'stack') {
        if (c > 0) bars.push([x0, x1, base[b], base[b] + c]);
        base[b] += c;
      } else if (c > 0) bars.push([x0, x1, 0, c]);
    });
    return bars;
  });
}

/** The histogram of a numeric column (seaborn `histplot`), optionally split by a categorical hue. */
export function histogram(spec: HistogramSpec): HistogramResult {
  const bins = histogramBins(spec);
  const multiple = spec.multiple ?? 'layer';
  const withHue = !!spec.hue;
  const bars = histogramBars(bins, multiple);
  const xName = humanize(spec.x.name);
  const title = spec.title ?? (withHue ? `${xName} by ${inSentence(spec.hue!.name)}` : `Distribution of ${inSentence(spec.x.name)}`);
  const nBins = bins.edges.length - 1;
  const note = joinNotes(missingNote(bins.skipped), bins.levels.length === 0 ? 'no values to show' : undefined);
  const option = baseOption({ title, note, legend: withHue });
  const opacity = withHue && multiple === 'layer' ? 0.5 : 0.9;
  // `scale`: round ticks around the bins instead of the raw edges as end labels (and no forced 0).
  option.xAxis = valueAxis({ name: spec.xLabel ?? xName, orient: 'x' }, { scale: true, splitLine: { show: false } });
  option.yAxis = valueAxis({ name: spec.yLabel ?? 'Count', orient: 'y' });
  option.series = bins.levels.map((level, l) => {
    const color = paletteColor(l);
    return {
      type: 'custom' as const,
      name: withHue ? level : xName,
      encode: { x: [0, 1], y: [2, 3] },
      data: bars[l],
      itemStyle: { color, opacity },
      renderItem: (_params: unknown, api: { value(dim: number): unknown; coord(p: number[]): number[] }) => {
        const lo = api.coord([Number(api.value(0)), Number(api.value(2))]);
        const hi = api.coord([Number(api.value(1)), Number(api.value(3))]);
        return {
          type: 'rect',
          shape: { x: lo[0], y: hi[1], width: Math.max(hi[0] - lo[0], 0.5), height: lo[1] - hi[1] },
          style: { fill: color, opacity, stroke: '#ffffff', lineWidth: nBins > 60 ? 0 : 0.6 },
        };
      },
    };
  }) as never;
  return { option, note, bins };
}
