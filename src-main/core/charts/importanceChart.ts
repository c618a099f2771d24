import { ApiError } from '../api/errors';
import type { FeatureWeight, ImportanceSet } from '../search/runRecord';
import { baseOption, CHART_FONT_FAMILY, formatCount, paletteColor, valueAxis, AXIS_COLOR, type ChartResult } from './spec';

export interface ImportanceSpec {
  kind: 'importance';
  set: ImportanceSet;
  /** How many features to draw, the largest |value| (|log| for odds ratios) first; default 15. */
  top?: number;
  title?: string;
}

const MAX_LABEL = 32;

/**
 * At most 32 characters. An n-gram feature is "column__words": the words tell
 * such features apart, so they stay whole and the column name is cut instead
 * ("video_transc…__colleague learned").
 */
export function shortLabel(name: string): string {
  if (name.length <= MAX_LABEL) return name;
  const cut = name.lastIndexOf('__');
  if (cut > 0) {
    const room = MAX_LABEL - (name.length - cut) - 1;
    if (room >= 6) return `${name.slice(0, room)}…${name.slice(cut)}`;
  }
  return `${name.slice(0, MAX_LABEL - 1)}…`;
}

const AXIS_NAMES: Record<ImportanceSet['kind'], string> = {
  impurity: 'Mean decrease in impurity (share)',
  gain: 'Gain (share)',
  weight: 'Splits (share)',
  permutation: 'Drop in score when shuffled',
  coefficient: 'Coefficient (log-odds per unit)',
  oddsRatio: 'Odds ratio per unit (log scale)',
};

/** "Permutation (recall, validation)" → "Drop in recall when shuffled": the axis names the metric when the title does. */
function axisName(set: ImportanceSet): string {
  const metric = set.kind === 'permutation' ? /^Permutation \(([^,()]+),/.exec(set.title)?.[1] : undefined;
  return metric ? `Drop in ${metric.trim()} when shuffled` : AXIS_NAMES[set.kind];
}

/** How far a feature is from "no effect": 0 for most lists, 1 for odds ratios. */
function effect(set: ImportanceSet, w: FeatureWeight): number {
  return set.kind === 'oddsRatio' ? Math.abs(Math.log(w.value)) : set.kind === 'coefficient' ? Math.abs(w.value) : w.value;
}

/**
 * Horizontal bars of a model's feature importance, largest at the top, with
 * whiskers for the spread of permutation repeats or a coefficient's 95%
 * interval. Odds ratios use a log axis around a reference line at 1.
 */
export function importanceChart(spec: ImportanceSpec): ChartResult {
  const set = spec.set;
  if (set.features.length === 0) throw new ApiError('bad-input', 'There are no features to draw.');
  const top = spec.top ?? 15;
  if (!Number.isInteger(top) || top < 1) throw new ApiError('bad-input', `Show at least one feature (asked for ${top}).`);
  if (set.features.some((w) => !Number.isFinite(w.value) || (set.kind === 'oddsRatio' && w.value <= 0))) {
    throw new ApiError('bad-input', `Some ${set.title.toLowerCase()} are not finite${set.kind === 'oddsRatio' ? ' positive' : ''} numbers.`);
  }
  // The strongest effects are chosen, then drawn by value: for coefficients
  // and odds ratios the ones favouring the positive class on top, the others below.
  const chosen = [...set.features].sort((a, b) => effect(set, b) - effect(set, a)).slice(0, top);
  // echarts draws the first category at the bottom: largest first (ties in
  // feature order), then reversed, puts the largest on top.
  const rows = [...chosen].sort((a, b) => b.value - a.value).reverse();
  const note = chosen.length < set.features.length ? `Top ${formatCount(chosen.length)} of ${formatCount(set.features.length)} features` : undefined;
  const option = baseOption({ title: spec.title ?? set.title, note });
  const odds = set.kind === 'oddsRatio';
  const signed = set.kind === 'coefficient' || set.kind === 'permutation';
  const base = odds ? 1 : 0;
  option.grid = { ...(option.grid as object), left: 16, right: 40, bottom: 20 };
  option.yAxis = {
    type: 'category',
    data: rows.map((w) => shortLabel(w.feature)),
    axisLabel: { fontFamily: CHART_FONT_FAMILY, fontSize: 12, color: '#404040', interval: 0 },
    axisTick: { show: false },
    axisLine: { show: true, lineStyle: { color: AXIS_COLOR } },
  };
  option.xAxis = valueAxis({ name: axisName(set), orient: 'x' }, odds ? { type: 'log', logBase: 10, nameGap: 28 } : { nameGap: 28 });
  const whiskers = rows.map((w, i) => {
    const low = w.low ?? (w.std !== undefined ? w.value - w.std : undefined);
    const high = w.high ?? (w.std !== undefined ? w.value + w.std : undefined);
    const drawable = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v) && (!odds || v > 0);
    return drawable(low) && drawable(high) ? [i, low, high] : null;
  });
  option.series = [
    {
      type: 'bar',
      name: set.title,
      // Bars start at "no effect": 0, or 1 for odds ratios.
      data: rows.map((w) => ({ value: w.value, itemStyle: { color: signed || odds ? (w.value >= base ? paletteColor(0) : paletteColor(3)) : paletteColor(0) } })),
      barMaxWidth: 22,
      ...(odds ? { barMinHeight: 0 } : {}),
      markLine: signed || odds ? { silent: true, symbol: 'none', label: { show: false }, lineStyle: { color: '#595959', type: 'dashed' }, data: [{ xAxis: base }] } : undefined,
    },
    {
      type: 'custom',
      name: 'Interval',
      renderItem: ((params: unknown, api: { value(i: number): number; coord(p: [number, number]): [number, number] }) => {
        const y = api.value(0);
        const a = api.coord([api.value(1), y]);
        const b = api.coord([api.value(2), y]);
        return {
          type: 'group',
          children: [
            { type: 'line', shape: { x1: a[0], y1: a[1], x2: b[0], y2: b[1] }, style: { stroke: '#262626', lineWidth: 1.2 } },
            { type: 'line', shape: { x1: a[0], y1: a[1] - 4, x2: a[0], y2: a[1] + 4 }, style: { stroke: '#262626', lineWidth: 1.2 } },
            { type: 'line', shape: { x1: b[0], y1: b[1] - 4, x2: b[0], y2: b[1] + 4 }, style: { stroke: '#262626', lineWidth: 1.2 } },
          ],
        };
      }) as never,
      encode: { y: 0, x: [1, 2] },
      data: whiskers.filter((w): w is number[] => w !== null).map((w) => [w[0], w[1], w[2]]),
      z: 3,
    },
  ];
  return { option, note };
}
