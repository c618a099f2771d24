import { ApiError } from '../api/errors';
import { baseOption, categoryAxis, CHART_FONT_FAMILY, formatCount, joinNotes, paletteColor, TEXT_COLOR, valueAxis, type ChartResult } from './spec';

/** One model's scores on one metric. */
export interface MetricBarsModel {
  label: string;
  /** The best candidate's cross-validation: mean, std over the folds, and how many folds. */
  cv: { mean: number; std: number; folds: number } | null;
  validation: number | null;
  /** Only a run's champion is scored on the test rows. */
  test: number | null;
}

export interface MetricBarsSpec {
  kind: 'metricBars';
  metric: string;
  models: MetricBarsModel[];
  title?: string;
  subtitle?: string;
}

/** Scorers whose values lie in [0, 1], drawn on a 0–1 axis so bars of different charts compare by eye. */
const UNIT_SCORERS = new Set([
  'accuracy',
  'precision',
  'recall',
  'f1',
  'roc_auc',
  'average_precision',
  'balanced_accuracy',
  'f1_macro',
  'f1_weighted',
  'precision_macro',
  'recall_macro',
  'precision_weighted',
  'recall_weighted',
  'precision_micro',
  'recall_micro',
  'f1_micro',
  'roc_auc_ovr',
  'roc_auc_ovo',
]);

/**
 * Bars of one group are laid out by echarts from these shares of the
 * category's width; the error bars are drawn by a custom series that must
 * find the CV bar's centre, so the bar width and gap are fixed here rather
 * than left to echarts' automatic layout.
 */
const BAR_GAP = 0.3;
const GROUP_SHARE = 0.7;
const MAX_BAR_SHARE = 0.24;

/** Where the first bar of a group of `n` sits, as a share of the category width from its centre (echarts' barGrid layout). */
export function firstBarOffset(n: number): { width: number; offset: number } {
  const width = Math.min(GROUP_SHARE / (n + (n - 1) * BAR_GAP), MAX_BAR_SHARE);
  const span = n * width + (n - 1) * BAR_GAP * width;
  return { width, offset: -span / 2 + width / 2 };
}

const value3 = (v: number) => v.toFixed(3);

function foldsText(models: MetricBarsModel[]): string | undefined {
  const ks = [...new Set(models.flatMap((m) => (m.cv ? [m.cv.folds] : [])))].sort((a, b) => a - b);
  return ks.length ? `error bars: CV ±1 std over ${ks.map(formatCount).join(' or ')} folds` : undefined;
}

/**
 * One metric across the compared models: per model a group of bars, the
 * cross-validation mean with ±1 std error bars, the validation score and the
 * test score (only champions have one), each labelled with its value.
 * Scores bounded by 0 and 1 get a 0–1 axis.
 */
export function metricBarsChart(spec: MetricBarsSpec): ChartResult {
  const { metric, models } = spec;
  if (models.length === 0) throw new ApiError('bad-input', 'There are no models to draw.');
  if (models.every((m) => !m.cv && m.validation === null && m.test === null)) {
    throw new ApiError('bad-input', `None of the models has a ${metric} score.`);
  }
  const hasValidation = models.some((m) => m.validation !== null);
  const hasTest = models.some((m) => m.test !== null);
  const noCv = models.filter((m) => !m.cv).map((m) => m.label);
  const note = joinNotes(
    foldsText(models),
    models.some((m) => m.test === null) ? 'test: champions only' : undefined,
    noCv.length ? `no CV ${metric} for ${noCv.join(', ')}` : undefined,
  );
  const option = baseOption({ title: spec.title ?? `${metric} by model`, note: spec.subtitle ?? note, legend: true });
  option.legend = { ...(option.legend as object), top: undefined, bottom: 8, right: 16 } as never;
  // Room above the grid for the value labels over the tallest bars.
  option.grid = { ...(option.grid as object), top: (note || spec.subtitle ? 72 : 56) + 28, bottom: 40, right: 32 };

  const unit = UNIT_SCORERS.has(metric);
  const lows = models.flatMap((m) => [...(m.cv ? [m.cv.mean - m.cv.std] : []), ...(m.validation !== null ? [m.validation] : []), ...(m.test !== null ? [m.test] : [])]);
  const signedUnit = metric === 'matthews_corrcoef';
  const range = unit ? { min: 0, max: 1, interval: 0.2 } : signedUnit ? { min: Math.min(...lows) < 0 ? -1 : 0, max: 1 } : {};
  option.xAxis = categoryAxis({ name: 'Model', orient: 'x' }, models.map((m) => m.label), { nameGap: 28 });
  option.yAxis = valueAxis({ name: metric, orient: 'y' }, { ...range, nameGap: 40 });

  const sets = [
    { name: 'CV mean ± std', values: models.map((m) => m.cv?.mean ?? null), color: paletteColor(0), labelled: false },
    ...(hasValidation ? [{ name: 'Validation', values: models.map((m) => m.validation), color: paletteColor(1), labelled: true }] : []),
    ...(hasTest ? [{ name: 'Test', values: models.map((m) => m.test), color: paletteColor(2), labelled: true }] : []),
  ];
  const { width, offset } = firstBarOffset(sets.length);
  const labelStyle = { fontFamily: CHART_FONT_FAMILY, fontSize: 11, color: TEXT_COLOR };
  option.series = [
    ...sets.map((s) => ({
      type: 'bar' as const,
      name: s.name,
      data: s.values.map((v) => (v === null ? '-' : v)),
      barWidth: `${width * 100}%`,
      barGap: `${BAR_GAP * 100}%`,
      itemStyle: { color: s.color },
      // The CV bar's value is written above its error bar instead (by the custom series).
      label: s.labelled ? { show: true, position: 'top' as const, distance: 4, formatter: (p: { value?: unknown }) => value3(Number(p.value)), ...labelStyle } : { show: false },
    })),
    {
      type: 'custom',
      name: 'CV ±1 std',
      renderItem: ((_params: unknown, api: { value(i: number): number; coord(p: [number, number]): [number, number]; size(p: [number, number]): number[] }) => {
        const band = api.size([1, 0])[0];
        const x = api.coord([api.value(0), 0])[0] + offset * band;
        const low = api.coord([api.value(0), api.value(1)])[1];
        const high = api.coord([api.value(0), api.value(2)])[1];
        const cap = Math.max(3, Math.min(8, (width * band) / 4));
        const stroke = { stroke: '#262626', lineWidth: 1.4 };
        return {
          type: 'group',
          children: [
            { type: 'line', shape: { x1: x, y1: low, x2: x, y2: high }, style: stroke },
            { type: 'line', shape: { x1: x - cap, y1: low, x2: x + cap, y2: low }, style: stroke },
            { type: 'line', shape: { x1: x - cap, y1: high, x2: x + cap, y2: high }, style: stroke },
            {
              type: 'text',
              style: { text: value3(api.value(3)), x, y: high - 4, align: 'center', verticalAlign: 'bottom', font: `11px ${CHART_FONT_FAMILY}`, fill: TEXT_COLOR },
            },
          ],
        };
      }) as never,
      encode: { x: 0, y: [1, 2] },
      data: models.flatMap((m, i) => (m.cv ? [[i, m.cv.mean - m.cv.std, m.cv.mean + m.cv.std, m.cv.mean]] : [])),
      z: 3,
      // The error bars belong to the CV bars' legend entry, not one of their own.
      legendHoverLink: false,
    },
  ];
  option.legend = { ...(option.legend as object), data: sets.map((s) => s.name) } as never;
  return { option, note };
}
