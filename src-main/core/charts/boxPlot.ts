import { ApiError } from '../api/errors';
import { quantileLinear } from '../features/outliers';
import {
  baseOption,
  categoryAxis,
  formatCount,
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

export interface BoxPlotSpec extends ChartSpecBase {
  kind: 'box';
  /** The numeric column, drawn along the horizontal axis (`sns.boxplot(x=...)`). */
  x: NumericColumn;
  /** One box per category, top to bottom in first-seen order (seaborn's order). */
  by?: CategoricalColumn;
  /** Whisker reach in IQRs beyond the quartiles (matplotlib's `whis`, default 1.5). */
  whis?: number;
}

/** matplotlib's `boxplot_stats` for one group. */
export interface BoxStats {
  label: string;
  n: number;
  q1: number;
  median: number;
  q3: number;
  iqr: number;
  /** The smallest value ≥ q1 − whis·IQR (q1 if there is none). */
  whiskerLow: number;
  /** The largest value ≤ q3 + whis·IQR (q3 if there is none). */
  whiskerHigh: number;
  /** The values beyond the whiskers, ascending. */
  outliers: number[];
}

/**
 * Quartiles by linear interpolation (numpy's `percentile`, as matplotlib and
 * pandas' `describe` use), whiskers at the furthest points within whis·IQR of
 * the box, everything beyond them an outlier.
 */
export function boxStats(values: ArrayLike<number>, label = '', whis = 1.5): BoxStats {
  const sorted = Float64Array.from(Array.prototype.filter.call(values, (v: number) => Number.isFinite(v)) as number[]).sort();
  const n = sorted.length;
  if (n === 0) return { label, n, q1: NaN, median: NaN, q3: NaN, iqr: NaN, whiskerLow: NaN, whiskerHigh: NaN, outliers: [] };
  const q1 = quantileLinear(sorted, 0.25, { presorted: true });
  const median = quantileLinear(sorted, 0.5, { presorted: true });
  const q3 = quantileLinear(sorted, 0.75, { presorted: true });
  const iqr = q3 - q1;
  const lo = q1 - whis * iqr;
  const hi = q3 + whis * iqr;
  let whiskerLow = q1;
  let whiskerHigh = q3;
  for (let i = 0; i < n; i++) {
    if (sorted[i] >= lo) {
      whiskerLow = Math.min(sorted[i], q1);
      break;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    if (sorted[i] <= hi) {
      whiskerHigh = Math.max(sorted[i], q3);
      break;
    }
  }
  const outliers: number[] = [];
  for (let i = 0; i < n; i++) if (sorted[i] < whiskerLow || sorted[i] > whiskerHigh) outliers.push(sorted[i]);
  return { label, n, q1, median, q3, iqr, whiskerLow, whiskerHigh, outliers };
}

export interface BoxPlotResult extends ChartResult {
  boxes: BoxStats[];
}

/** A horizontal box plot with its outliers as points, optionally one box per category. */
export function boxPlot(spec: BoxPlotSpec): BoxPlotResult {
  const xs = spec.x.values;
  const by = spec.by?.values;
  if (by && by.length !== xs.length) throw new ApiError('bad-input', `"${spec.x.name}" and "${spec.by!.name}" have different lengths.`);
  const whis = spec.whis ?? 1.5;
  const xName = humanize(spec.x.name);
  const groups = new Map<string, number[]>();
  let skipped = 0;
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i];
    const g = by ? by[i] : xName;
    if (!Number.isFinite(v) || g === null) {
      skipped++;
      continue;
    }
    let list = groups.get(g);
    if (!list) groups.set(g, (list = []));
    list.push(v);
  }
  const boxes = [...groups].map(([label, vs]) => boxStats(vs, label, whis));
  const labels = boxes.map((b) => b.label);
  const outlierCount = boxes.reduce((s, b) => s + b.outliers.length, 0);
  const note = joinNotes(missingNote(skipped), `${formatCount(outlierCount)} outlier${outlierCount === 1 ? '' : 's'} beyond ${whis}×IQR`);
  const title = spec.title ?? (by ? `${xName} by ${inSentence(spec.by!.name)}` : `Box plot of ${inSentence(spec.x.name)}`);
  const option = baseOption({ title, note });
  option.xAxis = valueAxis({ name: spec.xLabel ?? xName, orient: 'x' });
  option.yAxis = categoryAxis({ name: spec.yLabel ?? (by ? humanize(spec.by!.name) : ''), orient: 'y' }, labels, {
    inverse: true,
    axisLabel: { show: !!by, fontSize: 12, color: '#595959', interval: 0 },
    axisTick: { show: false },
    axisLine: { show: !!by, lineStyle: { color: '#595959' } },
  });
  option.series = [
    {
      type: 'boxplot',
      name: xName,
      boxWidth: boxes.length > 1 ? [24, '55%'] : [24, '36%'],
      data: boxes.map((b, i) => ({
        value: [b.whiskerLow, b.q1, b.median, b.q3, b.whiskerHigh],
        itemStyle: { color: lighten(paletteColor(by ? i : 0)), borderColor: '#3f3f3f', borderWidth: 1.4 },
      })),
    },
    {
      type: 'scatter',
      name: 'Outliers',
      symbol: 'diamond',
      symbolSize: 6,
      itemStyle: { color: '#4d4d4d', opacity: 0.55 },
      data: boxes.flatMap((b, i) => b.outliers.map((v) => [v, i])),
    },
  ];
  return { option, note, boxes };
}

/** The palette colour mixed 25% with white, as seaborn desaturates box fills. */
function lighten(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * 0.25);
  const r = mix((n >> 16) & 255);
  const g = mix((n >> 8) & 255);
  const b = mix(n & 255);
  return `#${((r << 16) | (g << 8) | b).toString(16).padStart(6, '0')}`;
}
