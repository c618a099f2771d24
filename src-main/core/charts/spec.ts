import type { EChartsOption } from 'echarts';

/**
 * What every EDA chart takes: its kind plus the editable texts. Title and axis
 * labels default to ones derived from the column names (`video_view_count` →
 * "Video view count"), so a chart needs nothing but its columns.
 */
export interface ChartSpecBase {
  title?: string;
  xLabel?: string;
  yLabel?: string;
}

/** A numeric column: NaN marks a missing value. */
export interface NumericColumn {
  name: string;
  values: ArrayLike<number>;
}

/** A categorical column: null marks a missing value. */
export interface CategoricalColumn {
  name: string;
  values: ArrayLike<string | null>;
}

/** Every chart builder returns the echarts option and, when something was left out, a note saying what. */
export interface ChartResult {
  option: EChartsOption;
  /** Missing values skipped, points sampled…; also shown as the chart's subtitle. */
  note?: string;
}

export type { EChartsOption };

/**
 * The fonts the charts ask for. Lato is bundled in `resources/fonts/` and
 * loaded by the server-side rasterizer, so exported PNGs look the same on
 * every machine; in a browser the fallbacks apply.
 */
// Single quotes only: echarts writes this into an SVG style attribute unescaped.
export const CHART_FONT_FAMILY = "Lato, 'Helvetica Neue', Arial, sans-serif";

/** seaborn's default "deep" palette, so charts look like the notebooks'. */
export const PALETTE = ['#4C72B0', '#DD8452', '#55A868', '#C44E52', '#8172B3', '#937860', '#DA8BC3', '#8C8C8C', '#CCB974', '#64B5CD'] as const;

export const TEXT_COLOR = '#262626';
export const AXIS_COLOR = '#595959';
export const GRID_LINE_COLOR = '#e6e6e6';

export function paletteColor(i: number): string {
  return PALETTE[i % PALETTE.length];
}

/** `video_view_count` → "Video view count". */
export function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])(?=[a-z])/g, (_m, a: string, b: string) => `${a} ${b.toLowerCase()}`)
    .replace(/[_\s]+/g, ' ')
    .trim();
  if (!words) return name;
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The humanized name inside a sentence: "claim status", but "ID count" keeps its acronym. */
export function inSentence(name: string): string {
  const h = humanize(name);
  return /^[A-Z][A-Z]/.test(h) ? h : h.charAt(0).toLowerCase() + h.slice(1);
}

const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const COMPACT = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** 20000 → "20,000"; used in notes and labels. */
export function formatCount(n: number): string {
  return GROUPED.format(n);
}

/** Axis tick labels: 1500000 → "1.5M", 0.25 → "0.25". */
export function formatTick(v: number): string {
  if (!Number.isFinite(v)) return '';
  return Math.abs(v) >= 10_000 ? COMPACT.format(v) : GROUPED.format(v);
}

/** "3 missing values skipped" / "1 missing value skipped"; undefined when none. */
export function missingNote(skipped: number, what = 'row'): string | undefined {
  if (skipped <= 0) return undefined;
  return `${formatCount(skipped)} ${what}${skipped === 1 ? '' : 's'} with missing values skipped`;
}

export function joinNotes(...notes: (string | undefined)[]): string | undefined {
  const present = notes.filter((n): n is string => !!n);
  return present.length ? present.join(' · ') : undefined;
}

/**
 * The categories in first-seen order or sorted (pandas' `groupby` sorts its
 * keys; `value_counts` sorts by count). Missing (null) is never a category.
 */
export function sortedLevels(values: ArrayLike<string | null>): string[] {
  const seen = new Set<string>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null) seen.add(v);
  }
  return [...seen].sort(compareStrings);
}

/** Python's default string order (by code point), not the locale's. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface BaseLayout {
  title: string;
  note?: string;
  /** Show a legend (hue charts). */
  legend?: boolean;
}

/**
 * The parts every chart shares: white background, no animation (charts are
 * also rendered on the server, where only the final frame exists), title at
 * the top left with the note as its subtitle, legend at the top right, and a
 * grid whose margins leave room for the axis names.
 */
export function baseOption(layout: BaseLayout): EChartsOption {
  const top = layout.note ? 72 : 56;
  return {
    animation: false,
    backgroundColor: '#ffffff',
    color: [...PALETTE],
    textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 13, color: TEXT_COLOR },
    title: {
      text: layout.title,
      subtext: layout.note ?? '',
      left: 16,
      top: 12,
      textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 16, fontWeight: 'bold', color: TEXT_COLOR },
      subtextStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 12, color: '#6b6b6b' },
      itemGap: 6,
    },
    legend: layout.legend
      ? {
          show: true,
          right: 16,
          top: 14,
          itemWidth: 14,
          itemHeight: 10,
          textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 12, color: TEXT_COLOR },
        }
      : { show: false },
    tooltip: { show: true },
    // echarts 6: the grid shrinks until its axis labels and names fit inside these margins.
    grid: { left: 16, right: 28, top: top + 8, bottom: 12, outerBoundsMode: 'same', outerBoundsContain: 'all' },
  };
}

export interface AxisOptions {
  name: string;
  /** Where the axis name goes: below the x axis, rotated along the y axis. */
  orient: 'x' | 'y';
}

const AXIS_NAME_STYLE = { fontFamily: CHART_FONT_FAMILY, fontSize: 13, color: TEXT_COLOR, fontWeight: 'bold' as const };
const AXIS_LABEL_STYLE = { fontFamily: CHART_FONT_FAMILY, fontSize: 12, color: AXIS_COLOR };

/** A numeric axis with compact tick labels and light split lines. */
export function valueAxis(a: AxisOptions, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'value',
    name: a.name,
    nameLocation: 'middle',
    nameGap: 14,
    nameMoveOverlap: true,
    nameTextStyle: AXIS_NAME_STYLE,
    axisLabel: { ...AXIS_LABEL_STYLE, formatter: formatTick, hideOverlap: true },
    axisLine: { show: true, lineStyle: { color: AXIS_COLOR } },
    axisTick: { show: true, lineStyle: { color: AXIS_COLOR } },
    splitLine: { show: true, lineStyle: { color: GRID_LINE_COLOR } },
    scale: false,
    ...extra,
  };
}

/** A category axis that shows every label, rotating them when they are many or long. */
export function categoryAxis(a: AxisOptions, categories: string[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  const longest = categories.reduce((m, c) => Math.max(m, c.length), 0);
  const rotate = a.orient === 'x' && (categories.length > 8 || longest * categories.length > 90) ? 30 : 0;
  return {
    type: 'category',
    data: categories,
    name: a.name,
    nameLocation: 'middle',
    nameGap: 14,
    nameMoveOverlap: true,
    nameTextStyle: AXIS_NAME_STYLE,
    axisLabel: { ...AXIS_LABEL_STYLE, interval: 0, rotate, width: 160, overflow: 'truncate' },
    axisLine: { show: true, lineStyle: { color: AXIS_COLOR } },
    axisTick: { show: true, alignWithLabel: true, lineStyle: { color: AXIS_COLOR } },
    splitLine: { show: false },
    ...extra,
  };
}
