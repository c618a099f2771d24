import { PALETTE, type EChartsOption } from '../charts/spec';
import { xmlText } from '../charts/xmlText';

/**
 * A chart PowerPoint draws itself (so "Edit data" works), read from the
 * ECharts option the app draws: bars (importance, metrics, counts, means),
 * lines over categories, and XY lines and points (ROC and PR curves,
 * scatter plots). Anything else — heatmaps, box plots, histograms and other
 * custom drawings, several plots in one picture — has no native form and
 * goes into the deck as a picture (`nativeChart` returns null).
 */

export interface NativeAxis {
  title: string;
  min?: number;
  max?: number;
  majorUnit?: number;
  /** A base-10 log scale (odds ratios, log-scaled counts). */
  log?: boolean;
  /** Where the bars start: 1 for odds ratios on a log axis. */
  crossesAt?: number;
  /** Excel number format of the tick labels. */
  format: string;
}

/** Colours are RRGGBB, without '#', as OOXML writes them. */
export interface NativeBarSeries {
  name: string;
  values: (number | null)[];
  color: string;
  /** A colour per bar where the bars differ (positive and negative coefficients, one colour per group). */
  pointColors?: string[];
}

/** Whiskers on one series' bars: distances below and above each bar's value (a CV ±1 std, a 95% interval). */
export interface NativeErrorBars {
  series: number;
  minus: (number | null)[];
  plus: (number | null)[];
  name: string;
}

export interface NativeBarChart {
  type: 'bar';
  /** Horizontal bars (categories down the side, as importance charts) or vertical columns. */
  direction: 'horizontal' | 'vertical';
  /** In the axis order: the first category nearest the origin (at the bottom of horizontal bars). */
  categories: string[];
  series: NativeBarSeries[];
  categoryAxis: { title: string };
  valueAxis: NativeAxis;
  legend: boolean;
  /** Values written on the bars, in this Excel number format; null for none. */
  labels: string | null;
  errorBars: NativeErrorBars | null;
}

export interface NativeLineSeries {
  name: string;
  values: (number | null)[];
  color: string;
  dash: boolean;
  /** Line width in points. */
  width: number;
  marker: boolean;
}

export interface NativeLineChart {
  type: 'line';
  categories: string[];
  series: NativeLineSeries[];
  categoryAxis: { title: string };
  valueAxis: NativeAxis;
  legend: boolean;
}

export interface NativeScatterSeries {
  name: string;
  points: [number, number][];
  color: string;
  line: 'solid' | 'dash' | 'none';
  /** Line width in points. */
  width: number;
  /** A dot at each point (the operating point, scatter plots); curves have none. */
  marker: boolean;
}

export interface NativeScatterChart {
  type: 'scatter';
  series: NativeScatterSeries[];
  xAxis: NativeAxis;
  yAxis: NativeAxis;
  legend: boolean;
}

export type NativeChart = NativeBarChart | NativeLineChart | NativeScatterChart;

/**
 * Points of one drawn line kept at most (the app's curves carry up to 2,000):
 * a slide is a few thousand pixels wide, and every point is a cell of the
 * chart's workbook and of its XML, several times over.
 */
export const MAX_LINE_POINTS = 1000;
/** Above this many dots a scatter plot goes in as a picture: PowerPoint crawls and the workbook swells. */
export const MAX_SCATTER_POINTS = 2000;

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const one = (v: unknown): Obj | null => (Array.isArray(v) ? (v.length === 1 && isObj(v[0]) ? v[0] : null) : isObj(v) ? v : null);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
/** Names go into the chart's XML and its workbook: a stray byte of an imported file in a category name would make them unreadable. */
const text = (v: unknown): string => (typeof v === 'string' ? xmlText(v) : '');
const label = (c: unknown): string => xmlText(String(isObj(c) ? c.value : c));

/** '#4c72b0' → '4C72B0'; null for anything else (rgba, names, gradients). */
export function hexColor(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const m = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(v.trim());
  if (!m) return null;
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return h.toUpperCase();
}

function seriesColor(s: Obj, i: number, palette: string[]): string {
  const item = isObj(s.itemStyle) ? s.itemStyle.color : undefined;
  const line = isObj(s.lineStyle) ? s.lineStyle.color : undefined;
  return hexColor(s.type === 'line' ? (line ?? item) : (item ?? line)) ?? hexColor(palette[i % palette.length]) ?? '4C72B0';
}

/** A bar's or point's number: `12`, `{ value: 12 }`, `'-'` (no bar). */
function valueOf(d: unknown): number | null {
  const v = isObj(d) ? d.value : d;
  return finite(v) ? v : null;
}

/** Pixels (ECharts) to points (OOXML lines). */
const points = (px: unknown, fallback: number) => Math.round((finite(px) ? px : fallback) * 0.75 * 100) / 100;

function axisOf(a: Obj, format: string): NativeAxis {
  const axis: NativeAxis = { title: text(a.name), format };
  if (finite(a.min)) axis.min = a.min;
  if (finite(a.max)) axis.max = a.max;
  if (finite(a.interval)) axis.majorUnit = a.interval;
  if (a.type === 'log') axis.log = true;
  return axis;
}

/** Tick labels: thousands separators for large numbers, as the app's `formatTick` groups them. */
function tickFormat(values: number[]): string {
  const big = values.some((v) => Math.abs(v) >= 1000);
  return big ? '#,##0' : 'General';
}

/** Labels on bars: whole numbers grouped ("9,608"), scores to three decimals ("0.912"). */
function labelFormat(values: number[]): string {
  if (values.every((v) => Number.isInteger(v)) || values.some((v) => Math.abs(v) >= 100)) return '#,##0';
  return '0.000';
}

interface Axes {
  x: Obj;
  y: Obj;
}

/** The one x and one y axis of a single plot; null for several plots in one picture (compared confusion matrices). */
function axesOf(option: EChartsOption): Axes | null {
  if (Array.isArray(option.grid) && option.grid.length > 1) return null;
  const x = one(option.xAxis);
  const y = one(option.yAxis);
  return x && y ? { x, y } : null;
}

/** Series PowerPoint has no chart for, or that the app draws by hand. */
const FOREIGN = new Set(['heatmap', 'boxplot', 'pie', 'candlestick', 'graph', 'sankey', 'treemap', 'sunburst', 'radar', 'map', 'parallel', 'funnel', 'gauge', 'effectScatter', 'pictorialBar', 'themeRiver', 'tree', 'lines']);

/**
 * A custom series that only adds whiskers to the bars: `encode` puts one
 * dimension on the category axis and a [low, high] pair on the value axis
 * (importanceChart's intervals, metricBarsChart's CV ±1 std). Both belong to
 * the chart's first bar series. Returns the (category, low, high) rows.
 */
function whiskers(s: Obj, categoryDim: 'x' | 'y'): { at: number; low: number; high: number }[] | null {
  const encode = isObj(s.encode) ? s.encode : null;
  if (!encode || !Array.isArray(s.data)) return null;
  const valueDim = categoryDim === 'x' ? 'y' : 'x';
  const at = encode[categoryDim];
  const range = encode[valueDim];
  if (!finite(at) || !Array.isArray(range) || range.length !== 2 || !range.every(finite)) return null;
  const rows: { at: number; low: number; high: number }[] = [];
  for (const d of s.data) {
    if (!Array.isArray(d)) return null;
    const [i, low, high] = [d[at], d[range[0] as number], d[range[1] as number]];
    if (!finite(i) || !finite(low) || !finite(high)) return null;
    rows.push({ at: i, low, high });
  }
  return rows;
}

function barChart(option: EChartsOption, axes: Axes, series: Obj[], palette: string[]): NativeBarChart | null {
  const horizontal = axes.y.type === 'category' && axes.x.type !== 'category';
  const vertical = axes.x.type === 'category' && axes.y.type !== 'category';
  if (!horizontal && !vertical) return null;
  const catAxis = horizontal ? axes.y : axes.x;
  const valAxis = horizontal ? axes.x : axes.y;
  const categories = Array.isArray(catAxis.data) ? catAxis.data.map(label) : null;
  if (!categories) return null;
  const bars = series.filter((s) => s.type === 'bar');
  const custom = series.filter((s) => s.type === 'custom');
  const out: NativeBarSeries[] = bars.map((s, i) => {
    const data = Array.isArray(s.data) ? s.data : [];
    const values = categories.map((_, j) => valueOf(data[j]));
    const color = seriesColor(s, i, palette);
    const own = categories.map((_, j) => (isObj(data[j]) && isObj(data[j].itemStyle) ? hexColor(data[j].itemStyle.color) : null));
    const pointColors = own.some((c) => c !== null && c !== color) ? own.map((c) => c ?? color) : undefined;
    return { name: text(s.name) || `Series ${i + 1}`, values, color, ...(pointColors ? { pointColors } : {}) };
  });
  let errorBars: NativeErrorBars | null = null;
  for (const s of custom) {
    const rows = whiskers(s, horizontal ? 'y' : 'x');
    if (!rows) return null;
    if (rows.length === 0) continue;
    if (errorBars) return null;
    const first = out[0].values;
    const minus: (number | null)[] = categories.map(() => null);
    const plus: (number | null)[] = categories.map(() => null);
    for (const r of rows) {
      const v = first[r.at];
      if (v === null || v === undefined) continue;
      minus[r.at] = Math.max(0, v - r.low);
      plus[r.at] = Math.max(0, r.high - v);
    }
    errorBars = { series: 0, minus, plus, name: text(s.name) };
  }
  const all = out.flatMap((s) => s.values.filter((v): v is number => v !== null));
  if (all.length === 0) return null;
  const valueAxis = axisOf(valAxis, tickFormat(all));
  if (valueAxis.log) {
    if (all.some((v) => v <= 0)) return null;
    // Bars on a log axis grow from "no effect", as the app draws odds ratios from 1.
    valueAxis.crossesAt = 1;
  }
  const labelled = bars.some((s) => isObj(s.label) && s.label.show === true);
  return {
    type: 'bar',
    direction: horizontal ? 'horizontal' : 'vertical',
    categories,
    series: out,
    categoryAxis: { title: text(catAxis.name) },
    valueAxis,
    legend: legendShown(option) && out.length > 1,
    labels: labelled ? labelFormat(all) : null,
    errorBars,
  };
}

function legendShown(option: EChartsOption): boolean {
  const l = one(option.legend);
  return !!l && l.show !== false;
}

/** ECharts' `step` line as the corners it draws, so PowerPoint's straight segments trace the same steps. */
export function stepPoints(pts: [number, number][], step: unknown): [number, number][] {
  if (step !== 'end' && step !== 'start' && step !== 'middle' && step !== true) return pts;
  const out: [number, number][] = [];
  for (let i = 0; i < pts.length; i++) {
    const [x, y] = pts[i];
    out.push([x, y]);
    if (i === pts.length - 1) break;
    const [nx, ny] = pts[i + 1];
    if (step === 'end') out.push([nx, y]);
    else if (step === 'middle') {
      const mid = (x + nx) / 2;
      out.push([mid, y], [mid, ny]);
    } else out.push([x, ny]);
  }
  return out;
}

/**
 * At most `max` points, each dropped point within eps of a kept one (eps
 * growing until they fit), both ends kept: the corners of a curve survive,
 * as in the app's own thinning (curveChart's thinCurve).
 */
export function thinPoints(pts: [number, number][], max: number): [number, number][] {
  if (pts.length <= max) return pts;
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const span = (v: number[]) => Math.max(...v) - Math.min(...v) || 1;
  const [sx, sy] = [span(xs), span(ys)];
  for (let eps = 1 / max; ; eps *= 1.5) {
    const kept: [number, number][] = [pts[0]];
    let [lx, ly] = pts[0];
    for (let i = 1; i < pts.length - 1; i++) {
      const [x, y] = pts[i];
      if (Math.abs(x - lx) / sx + Math.abs(y - ly) / sy >= eps) {
        kept.push(pts[i]);
        [lx, ly] = pts[i];
      }
    }
    kept.push(pts[pts.length - 1]);
    if (kept.length <= max) return kept;
  }
}

function pairs(data: unknown): [number, number][] | null {
  if (!Array.isArray(data)) return null;
  const out: [number, number][] = [];
  for (const d of data) {
    const v = isObj(d) ? d.value : d;
    if (!Array.isArray(v) || v.length < 2) return null;
    // The first two dimensions are the drawn x and y (a shifted log scatter keeps the raw values after them).
    if (finite(v[0]) && finite(v[1])) out.push([v[0], v[1]]);
  }
  return out;
}

function xyChart(option: EChartsOption, axes: Axes, series: Obj[], palette: string[]): NativeScatterChart | null {
  if (axes.x.type === 'log') return null; // pptxgenjs writes no log scale on an XY chart's x axis.
  const out: NativeScatterSeries[] = [];
  let dots = 0;
  for (const [i, s] of series.entries()) {
    let pts = pairs(s.data);
    if (!pts) return null;
    const dashed = isObj(s.lineStyle) && (s.lineStyle.type === 'dashed' || s.lineStyle.type === 'dotted');
    if (s.type === 'line') {
      pts = thinPoints(stepPoints(pts, s.step), MAX_LINE_POINTS);
      const marker = s.showSymbol !== false && pts.length <= 50;
      out.push({ name: text(s.name) || `Series ${i + 1}`, points: pts, color: seriesColor(s, i, palette), line: dashed ? 'dash' : 'solid', width: points(isObj(s.lineStyle) ? s.lineStyle.width : undefined, 2), marker });
    } else {
      dots += pts.length;
      out.push({ name: text(s.name) || `Series ${i + 1}`, points: pts, color: seriesColor(s, i, palette), line: 'none', width: 0, marker: true });
    }
  }
  if (dots > MAX_SCATTER_POINTS) return null;
  const all = out.flatMap((s) => s.points);
  if (all.length === 0) return null;
  const xAxis = axisOf(axes.x, tickFormat(all.map((p) => p[0])));
  const yAxis = axisOf(axes.y, tickFormat(all.map((p) => p[1])));
  if (yAxis.log && all.some((p) => p[1] <= 0)) return null;
  return { type: 'scatter', series: out, xAxis, yAxis, legend: legendShown(option) };
}

function lineChart(option: EChartsOption, axes: Axes, series: Obj[], palette: string[]): NativeLineChart | null {
  if (axes.y.type === 'category') return null;
  const categories = Array.isArray(axes.x.data) ? axes.x.data.map(label) : null;
  if (!categories) return null;
  const out = series.map((s, i) => {
    const data = Array.isArray(s.data) ? s.data : [];
    const dashed = isObj(s.lineStyle) && (s.lineStyle.type === 'dashed' || s.lineStyle.type === 'dotted');
    return {
      name: text(s.name) || `Series ${i + 1}`,
      values: categories.map((_, j) => valueOf(data[j])),
      color: seriesColor(s, i, palette),
      dash: dashed,
      width: points(isObj(s.lineStyle) ? s.lineStyle.width : undefined, 2),
      marker: s.showSymbol !== false,
    };
  });
  const all = out.flatMap((s) => s.values.filter((v): v is number => v !== null));
  if (all.length === 0) return null;
  const valueAxis = axisOf(axes.y, tickFormat(all));
  if (valueAxis.log && all.some((v) => v <= 0)) return null;
  return { type: 'line', categories, series: out, categoryAxis: { title: text(axes.x.name) }, valueAxis, legend: legendShown(option) && out.length > 1 };
}

/** The native form of a chart the app draws, or null when PowerPoint cannot draw it (it then goes in as a picture). */
export function nativeChart(option: EChartsOption): NativeChart | null {
  if (option.visualMap || option.graphic) return null;
  const series = (Array.isArray(option.series) ? option.series : option.series ? [option.series] : []).filter(isObj);
  if (series.length === 0 || series.some((s) => FOREIGN.has(String(s.type)))) return null;
  const axes = axesOf(option);
  if (!axes) return null;
  const palette = Array.isArray(option.color) ? option.color.map(String) : [...PALETTE];
  const types = new Set(series.map((s) => String(s.type)));
  // Bars never share a plot with lines or points: pptxgenjs's bar + scatter combination is broken (#1355).
  if (types.has('bar')) return [...types].every((t) => t === 'bar' || t === 'custom') ? barChart(option, axes, series, palette) : null;
  if (types.has('custom')) return null;
  if (axes.x.type === 'category') return types.size === 1 && types.has('line') ? lineChart(option, axes, series, palette) : null;
  if (axes.x.type !== 'value' && axes.x.type !== 'log' && axes.x.type !== undefined) return null;
  return xyChart(option, axes, series, palette);
}
