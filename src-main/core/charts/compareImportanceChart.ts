import { ApiError } from '../api/errors';
import type { ImportanceKind } from '../search/runRecord';
import { importanceChart, shortLabel } from './importanceChart';
import { baseOption, CHART_FONT_FAMILY, AXIS_COLOR, formatCount, joinNotes, paletteColor, type ChartResult } from './spec';

export interface CompareImportanceSpec {
  kind: 'importance';
  /** What the values measure, the same for every model. */
  importance: ImportanceKind;
  /** The first model's list title ("Permutation (recall, validation)"), which names the metric of a permutation importance. */
  setTitle: string;
  /** Aligned: the same features for every model, the most important first. */
  features: string[];
  /** `values[j]` belongs to `features[j]`; null where the model has no such feature. */
  models: { label: string; values: (number | null)[] }[];
  /** How many features to draw, from the first; default 15. */
  top?: number;
  title?: string;
  subtitle?: string;
}

/**
 * The single-model chart's value axis for this kind of importance (its name,
 * naming a permutation's metric, and the log scale of odds ratios), so the
 * two charts say alike what the bars measure.
 */
function measureAxis(kind: ImportanceKind, title: string): unknown {
  return importanceChart({ kind: 'importance', set: { kind, title, description: '', features: [{ feature: '', value: 1 }] } }).option.xAxis;
}

/**
 * The models' importances of the same features side by side: one group of
 * horizontal bars per feature, one colour per model (its colour in every
 * comparison chart), the most important feature on top.
 */
export function compareImportanceChart(spec: CompareImportanceSpec): ChartResult {
  const top = spec.top ?? 15;
  if (!Number.isInteger(top) || top < 1) throw new ApiError('bad-input', `Show at least one feature (asked for ${top}).`);
  if (spec.features.length === 0) throw new ApiError('bad-input', 'There are no features to draw.');
  for (const m of spec.models) {
    if (m.values.length !== spec.features.length) throw new ApiError('bad-input', `${m.label} has ${m.values.length} values for ${spec.features.length} features.`);
  }
  const n = Math.min(top, spec.features.length);
  // echarts draws the first category at the bottom: reversed, the most important is on top.
  const order = Array.from({ length: n }, (_, j) => n - 1 - j);
  const blanks = spec.models.filter((m) => m.values.slice(0, n).some((v) => v === null)).map((m) => m.label);
  const note = joinNotes(
    n < spec.features.length ? `Top ${formatCount(n)} of ${formatCount(spec.features.length)} features` : undefined,
    blanks.length ? `no bar where a model lacks the feature (${blanks.join(', ')})` : undefined,
  );
  const option = baseOption({ title: spec.title ?? `${spec.setTitle} by model`, note: spec.subtitle ?? note, legend: true });
  option.grid = { ...(option.grid as object), left: 16, right: 40, bottom: 20 };
  option.yAxis = {
    type: 'category',
    data: order.map((j) => shortLabel(spec.features[j])),
    axisLabel: { fontFamily: CHART_FONT_FAMILY, fontSize: 12, color: '#404040', interval: 0 },
    axisTick: { show: false },
    axisLine: { show: true, lineStyle: { color: AXIS_COLOR } },
  };
  option.xAxis = measureAxis(spec.importance, spec.setTitle) as never;
  option.series = spec.models.map((m, i) => ({
    type: 'bar',
    name: m.label,
    data: order.map((j) => m.values[j] ?? '-'),
    itemStyle: { color: paletteColor(i) },
    barMaxWidth: 14,
    barGap: '10%',
    ...(spec.importance === 'oddsRatio' ? { barMinHeight: 0 } : {}),
  }));
  return { option, note };
}
