import type { ColumnKind } from '../../../../src-main/core/data/columns';
import type { ColumnProfileView } from '../../../../src-main/core/profile/profileView';
import { formatCount, formatFloat } from './format';

/**
 * What a grid header shows under the column's name: its missing share and a
 * glance at the distribution (a histogram of a numeric column, the top
 * categories of a text one), computed from the dataset profile.
 */

/** The histogram sparkline's drawing box; the SVG stretches it to the column's width. */
export const SPARK_WIDTH = 100;
export const SPARK_HEIGHT = 28;
/** Categories listed under a text column's name. */
export const TOP_CATEGORIES = 3;
/**
 * Below this share for the most frequent value a column is "all different"
 * (ids, free text): three 0.01 % bars say less than the distinct count.
 */
export const MIN_TOP_SHARE = 0.01;

export interface HistogramBar {
  /** In the SPARK_WIDTH × SPARK_HEIGHT box, y down from the top. */
  x: number;
  y: number;
  width: number;
  height: number;
  count: number;
  /** The bin as text, for its tooltip. */
  label: string;
}

export interface CategoryBar {
  label: string;
  count: number;
  /** Of the non-missing values. */
  proportion: number;
  percent: string;
}

export type HeaderSummary = (
  | { kind: 'histogram'; bars: HistogramBar[]; title: string }
  | { kind: 'categories'; bars: CategoryBar[]; title: string }
  | { kind: 'distinct'; text: string; title: string }
  | { kind: 'empty'; text: string; title: string }
) & {
  /** Set while the grid is filtered: the profile describes every row, not the ones shown. */
  scope?: 'all rows';
};

/**
 * "1.5% missing" for the header's sub-line, "" when nothing is missing. A
 * share that rounds to 0 % or 100 % without being it says so ("<0.1%",
 * ">99.9%"), so a column is never shown as complete, or empty, when it is not.
 */
export function missingShareLabel(missing: number, rows: number): string {
  if (missing <= 0 || rows <= 0) return '';
  if (missing >= rows) return '100% missing';
  const pct = (missing / rows) * 100;
  if (pct < 0.1) return '<0.1% missing';
  return `${formatPercentValue(pct)} missing`;
}

/** 0.5034 → "50%", 0.0621 → "6.2%", 0.0004 → "<0.1%". */
export function formatShare(p: number): string {
  if (!(p > 0)) return '0%';
  const pct = p * 100;
  if (pct < 0.1) return '<0.1%';
  if (p >= 1) return '100%';
  return formatPercentValue(pct);
}

function formatPercentValue(pct: number): string {
  // One decimal below 10 %, whole percents above, except where rounding would claim 100 %.
  if (pct < 10) return `${pct.toFixed(1).replace(/\.0$/, '')}%`;
  if (Math.round(pct) < 100) return `${Math.round(pct)}%`;
  return pct.toFixed(1) === '100.0' ? '>99.9%' : `${pct.toFixed(1)}%`;
}

/**
 * Bars of a histogram in the sparkline box: heights proportional to the
 * counts, with a 1-unit floor so a bin with a single value stays visible
 * next to a tall one (empty bins draw nothing).
 */
export function histogramBars(histogram: { edges: readonly number[]; counts: readonly number[] }, integer = false): HistogramBar[] {
  const n = histogram.counts.length;
  if (n === 0 || histogram.edges.length !== n + 1) return [];
  const max = Math.max(...histogram.counts);
  const step = SPARK_WIDTH / n;
  const gap = n > 1 ? Math.min(1, step * 0.2) : 0;
  const bars: HistogramBar[] = [];
  for (let i = 0; i < n; i++) {
    const count = histogram.counts[i];
    const height = count > 0 && max > 0 ? Math.max(1, (count / max) * SPARK_HEIGHT) : 0;
    bars.push({
      x: i * step + gap / 2,
      y: SPARK_HEIGHT - height,
      width: step - gap,
      height,
      count,
      label: `${binLabel(histogram.edges[i], histogram.edges[i + 1], i === n - 1, integer)}: ${formatCount(count)}`,
    });
  }
  return bars;
}

function binLabel(from: number, to: number, last: boolean, integer: boolean): string {
  return `${formatEdge(from, integer)} to ${last ? '' : 'under '}${formatEdge(to, integer)}`;
}

function formatEdge(v: number, integer: boolean): string {
  if (integer && Number.isInteger(v)) return formatCount(v);
  return Math.abs(v) >= 1000 ? formatCount(v) : formatFloat(v, 4);
}

/** The `limit` most frequent values with their shares of the non-missing values. */
export function categoryBars(top: { values: readonly (string | number)[]; counts: readonly number[]; total: number }, limit = TOP_CATEGORIES): CategoryBar[] {
  const k = Math.min(limit, top.values.length);
  const bars: CategoryBar[] = [];
  for (let i = 0; i < k; i++) {
    const proportion = top.total > 0 ? top.counts[i] / top.total : 0;
    bars.push({ label: String(top.values[i]), count: top.counts[i], proportion, percent: formatShare(proportion) });
  }
  return bars;
}

/**
 * The sparkline of one column, from its profile. The profile is of the whole
 * dataset; under a filter the summary says so ("all rows") rather than pass
 * for the filtered rows' distribution.
 */
export function headerSummary(profile: ColumnProfileView, kind: ColumnKind, options: { filtered?: boolean } = {}): HeaderSummary {
  const summary = columnSummary(profile, kind);
  if (!options.filtered) return summary;
  const prefix = `${profile.name}:`;
  const title = summary.title.startsWith(prefix) ? `${profile.name} (all rows; the filter is not applied here):${summary.title.slice(prefix.length)}` : summary.title;
  return { ...summary, title, scope: 'all rows' };
}

function columnSummary(profile: ColumnProfileView, kind: ColumnKind): HeaderSummary {
  const name = profile.name;
  if (profile.count === 0) return { kind: 'empty', text: 'all missing', title: `${name}: every value is missing` };
  if (profile.type === 'number') {
    if (kind === 'boolean') return booleanSummary(profile.name, profile.count, profile.describe.mean);
    const bars = histogramBars(profile.histogram, kind === 'integer');
    const d = profile.describe;
    const range = d.min !== null && d.max !== null ? ` from ${formatEdge(d.min, kind === 'integer')} to ${formatEdge(d.max, kind === 'integer')}` : '';
    return {
      kind: 'histogram',
      bars,
      title: `${name}: histogram of ${formatCount(profile.count)} values in ${bars.length} bins${range}`,
    };
  }
  const top = profile.top;
  const topShare = top.total > 0 && top.counts.length > 0 ? top.counts[0] / top.total : 0;
  const unique = profile.describe.unique ?? 0;
  if (topShare < MIN_TOP_SHARE || (unique === profile.count && unique > TOP_CATEGORIES)) {
    const text = unique === profile.count ? `all ${formatCount(unique)} distinct` : `${formatCount(unique)} distinct`;
    return { kind: 'distinct', text, title: `${name}: ${formatCount(unique)} distinct values in ${formatCount(profile.count)} rows` };
  }
  const bars = categoryBars(top);
  const others = unique - bars.length;
  return {
    kind: 'categories',
    bars,
    title:
      `${name}: ${formatCount(unique)} distinct value${unique === 1 ? '' : 's'}` +
      bars.map((b) => `\n${b.label}: ${formatCount(b.count)} (${b.percent})`).join('') +
      (others > 0 ? `\n…and ${formatCount(others)} more` : ''),
  };
}

/** A boolean arrives as a 0/1 number; its mean is the share of true. */
function booleanSummary(name: string, count: number, mean: number | null): HeaderSummary {
  const trues = Math.round((mean ?? 0) * count);
  const sorted = [
    { label: 'true', count: trues },
    { label: 'false', count: count - trues },
  ].sort((a, b) => b.count - a.count);
  const bars = sorted.filter((b) => b.count > 0).map((b) => ({ ...b, proportion: b.count / count, percent: formatShare(b.count / count) }));
  return { kind: 'categories', bars, title: `${name}:` + bars.map((b) => `\n${b.label}: ${formatCount(b.count)} (${b.percent})`).join('') };
}

/** The profile of each dataset column, by name (the profile lists them in the dataset's order, but names are the contract). */
export function profileByName(columns: readonly ColumnProfileView[]): Map<string, ColumnProfileView> {
  return new Map(columns.map((c) => [c.name, c]));
}
