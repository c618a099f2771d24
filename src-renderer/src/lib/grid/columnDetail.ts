import type { ChartRequest } from '../../../../src-main/core/charts/request';
import type { ColumnKind } from '../../../../src-main/core/data/columns';
import type { ColumnProfileView, Num, NumericColumnView } from '../../../../src-main/core/profile/profileView';
import { formatBytes, formatCount, formatFloat } from './format';
import { formatShare } from './sparkline';

/**
 * What the column detail panel shows: the column's profile as labelled
 * figures (pandas' info and describe), its top values, and which host-drawn
 * charts fit it.
 */

export interface Figure {
  label: string;
  /** As shown. */
  text: string;
  /** Full precision, for the tooltip; null when the text already is exact. */
  exact: string | null;
}

export interface TopValueRow {
  value: string;
  count: string;
  percent: string;
  proportion: number;
}

export type DetailChartId = 'histogram' | 'box' | 'barCounts';

export interface DetailChart {
  id: DetailChartId;
  request: ChartRequest;
}

/** Bin counts offered for the histogram; 'auto' is numpy's rule. */
export const HISTOGRAM_BINS = ['auto', 10, 20, 30, 50, 100] as const;
export type HistogramBins = (typeof HISTOGRAM_BINS)[number];

/**
 * Past this many distinct values a bar per value is unreadable (and ids
 * would draw one bar per row); the top values table says it instead.
 */
export const MAX_BAR_CATEGORIES = 40;

/**
 * A statistic as the panel shows it: integers with grouping, other numbers
 * to two decimals (small ones to four significant digits); "—" when pandas
 * would print NaN.
 */
export function formatStat(v: Num): string {
  if (v === null) return '—';
  if (Number.isInteger(v)) return formatCount(v);
  const abs = Math.abs(v);
  if (abs >= 1) return v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return formatFloat(v, 4);
}

function figure(label: string, v: Num): Figure {
  const text = formatStat(v);
  return { label, text, exact: v !== null && String(v) !== text.replace(/,/g, '') ? String(v) : null };
}

function plain(label: string, text: string): Figure {
  return { label, text, exact: null };
}

/** Type and completeness: pandas' info() line plus the missing share. */
export function infoFigures(p: ColumnProfileView, kind: ColumnKind): Figure[] {
  return [
    plain('Kind', kind),
    plain('dtype', p.dtype),
    plain('Non-null', formatCount(p.count)),
    plain('Missing', p.missing > 0 ? `${formatCount(p.missing)} (${formatShare(p.missingFraction)})` : '0'),
    plain('Memory', formatBytes(p.memoryBytesDeep)),
  ];
}

/** describe() of the column, in pandas' row order. */
export function describeFigures(p: ColumnProfileView): Figure[] {
  const numeric = (d: NumericColumnView['describe']): Figure[] => [
    figure('count', d.count),
    figure('mean', d.mean),
    figure('std', d.std),
    figure('min', d.min),
    figure('25%', d.q25),
    figure('50%', d.q50),
    figure('75%', d.q75),
    figure('max', d.max),
  ];
  if (p.type === 'number') return numeric(p.describe);
  // An integer identifier is described as pandas describes its int64 column: as numbers.
  if (p.describeNumeric) return numeric(p.describeNumeric);
  const d = p.describe;
  const figures = [figure('count', d.count), figure('unique', d.unique), plain('top', d.top === null ? '—' : String(d.top)), figure('freq', d.freq)];
  // Dates and times also get their range, as pandas describes a datetime column.
  if (d.min !== undefined) figures.push(plain('min', d.min ?? '—'), plain('max', d.max ?? '—'));
  return figures;
}

/** value_counts() rows as profiled (the most frequent values only). */
export function topValueRows(p: ColumnProfileView): TopValueRow[] {
  if (p.type !== 'string') return [];
  return p.top.values.map((v, i) => ({
    value: String(v),
    count: formatCount(p.top.counts[i]),
    percent: formatShare(p.top.proportions[i]),
    proportion: p.top.proportions[i],
  }));
}

/** How many distinct values the top values table leaves out. */
export function valuesNotListed(p: ColumnProfileView): number {
  if (p.type !== 'string') return 0;
  return Math.max(0, (p.describe.unique ?? 0) - p.top.values.length);
}

export interface ChartOptions {
  bins: HistogramBins;
  normalize: boolean;
}

/**
 * The charts that fit the column: a histogram and a horizontal box plot of
 * a number, bar counts (the class balance) of a boolean or of a text column
 * with few enough distinct values; nothing when every value is missing.
 */
export function detailCharts(p: ColumnProfileView, kind: ColumnKind, options: ChartOptions): DetailChart[] {
  if (p.count === 0) return [];
  const x = p.name;
  if (p.type === 'number' && kind !== 'boolean') {
    return [
      { id: 'histogram', request: { kind: 'histogram', x, bins: options.bins } },
      { id: 'box', request: { kind: 'box', x } },
    ];
  }
  const unique = p.type === 'string' ? (p.describe.unique ?? 0) : 2;
  if (unique > MAX_BAR_CATEGORIES) return [];
  return [{ id: 'barCounts', request: { kind: 'barCounts', x, normalize: options.normalize } }];
}

/** Why a column has no chart, or null when it has one. */
export function noChartReason(p: ColumnProfileView, kind: ColumnKind): string | null {
  if (p.count === 0) return 'Every value is missing: nothing to chart.';
  if (detailCharts(p, kind, { bins: 'auto', normalize: false }).length > 0) return null;
  const unique = p.type === 'string' ? (p.describe.unique ?? 0) : 0;
  return `${formatCount(unique)} distinct values are too many for a bar each (at most ${MAX_BAR_CATEGORIES}); the most frequent are listed above.`;
}

/** The chart's accessible name (its image's alt text). */
export function chartLabel(chart: DetailChart, column: string): string {
  switch (chart.id) {
    case 'histogram':
      return `Histogram of ${column}`;
    case 'box':
      return `Box plot of ${column}`;
    case 'barCounts':
      return `Counts of ${column}`;
  }
}
