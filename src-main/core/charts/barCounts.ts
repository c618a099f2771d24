import { ApiError } from '../api/errors';
import {
  baseOption,
  categoryAxis,
  formatCount,
  humanize,
  inSentence,
  missingNote,
  paletteColor,
  valueAxis,
  type CategoricalColumn,
  type ChartResult,
  type ChartSpecBase,
} from './spec';

export interface BarCountsSpec extends ChartSpecBase {
  kind: 'barCounts';
  x: CategoricalColumn;
  /** Bars per hue level side by side within each category (seaborn `countplot(hue=...)`). */
  hue?: CategoricalColumn;
  /**
   * Shares instead of counts (`value_counts(normalize=True)`, the class
   * balance): of all rows without hue, of each category's rows with hue.
   */
  normalize?: boolean;
}

export interface BarCounts {
  /** Categories by descending count (ties in first-seen order), as `value_counts`. */
  categories: string[];
  /** Hue levels in first-seen order; ['count'] without hue. */
  levels: string[];
  /** counts[level][category]. */
  counts: number[][];
  /** shares[level][category]: of the total without hue, of the category with hue. */
  shares: number[][];
  skipped: number;
}

export function barCounts(spec: Omit<BarCountsSpec, 'kind'>): BarCounts {
  const xs = spec.x.values;
  const hue = spec.hue?.values;
  if (hue && hue.length !== xs.length) throw new ApiError('bad-input', `"${spec.x.name}" and "${spec.hue!.name}" have different lengths.`);
  const catTotals = new Map<string, number>();
  const levelIndex = new Map<string, number>();
  const pairs = new Map<string, number>();
  let skipped = 0;
  let total = 0;
  for (let i = 0; i < xs.length; i++) {
    const c = xs[i];
    const h = hue ? hue[i] : 'count';
    if (c === null || h === null) {
      skipped++;
      continue;
    }
    total++;
    catTotals.set(c, (catTotals.get(c) ?? 0) + 1);
    if (!levelIndex.has(h)) levelIndex.set(h, levelIndex.size);
    const key = `${levelIndex.get(h)}\u0000${c}`;
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
  }
  // Array.prototype.sort is stable, so ties keep first-seen order.
  const categories = [...catTotals.keys()].sort((a, b) => catTotals.get(b)! - catTotals.get(a)!);
  const levels = [...levelIndex.keys()];
  const counts = levels.map((_, l) => categories.map((c) => pairs.get(`${l}\u0000${c}`) ?? 0));
  const shares = counts.map((row) => row.map((n, j) => n / (hue ? catTotals.get(categories[j])! : total)));
  return { categories, levels, counts, shares, skipped };
}

export interface BarCountsResult extends ChartResult {
  counts: BarCounts;
}

function percent(v: number): string {
  return `${(v * 100).toFixed(1)}%`;
}

/** Bars of how often each category occurs, or its share, with the number on each bar. */
export function barCountsChart(spec: BarCountsSpec): BarCountsResult {
  const counts = barCounts(spec);
  const withHue = !!spec.hue;
  const xName = humanize(spec.x.name);
  const title =
    spec.title ?? `${spec.normalize ? 'Share' : 'Count'} of ${inSentence(spec.x.name)}${withHue ? ` by ${inSentence(spec.hue!.name)}` : ''}`;
  const note = missingNote(counts.skipped);
  const option = baseOption({ title, note, legend: withHue });
  option.xAxis = categoryAxis({ name: spec.xLabel ?? xName, orient: 'x' }, counts.categories);
  option.yAxis = valueAxis(
    { name: spec.yLabel ?? (spec.normalize ? (withHue ? `Share within ${inSentence(spec.x.name)}` : 'Share of rows') : 'Count'), orient: 'y' },
    spec.normalize ? { max: 1, axisLabel: { fontSize: 12, color: '#595959', formatter: (v: number) => `${Math.round(v * 100)}%` } } : {},
  );
  option.series = counts.levels.map((level, l) => ({
    type: 'bar' as const,
    name: withHue ? level : xName,
    barMaxWidth: 90,
    barGap: '8%',
    itemStyle: { color: paletteColor(l) },
    label: {
      show: true,
      position: 'top' as const,
      fontSize: 12,
      color: '#262626',
      // Without hue a bar shows both: "9,608 (50.3%)".
      formatter: (p: { dataIndex: number }) => {
        const n = counts.counts[l][p.dataIndex];
        const s = counts.shares[l][p.dataIndex];
        if (spec.normalize) return percent(s);
        return withHue ? formatCount(n) : `${formatCount(n)} (${percent(s)})`;
      },
    },
    data: spec.normalize ? counts.shares[l] : counts.counts[l],
  }));
  return { option, note, counts };
}
