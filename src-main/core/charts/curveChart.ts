import { ApiError } from '../api/errors';
import { averagePrecision, precisionRecallCurve, rocAucScore, rocCurve } from '../metrics/curves';
import { confusionAtThreshold } from '../metrics/thresholds';
import { baseOption, formatCount, paletteColor, valueAxis, type ChartResult } from './spec';

export interface CurveSpec {
  kind: 'roc' | 'pr';
  /** 1 = positive. */
  y: ArrayLike<number>;
  /** Probability of the positive class. */
  score: ArrayLike<number>;
  /** Marks the operating point of score > threshold (the one decision rule, `predictsPositive`). */
  threshold?: number;
  title?: string;
  /** The positive class, for the axis names. */
  label?: string;
}

/** Curves longer than this are thinned for the chart (the AUC is computed on every point). */
export const MAX_CURVE_POINTS = 2000;

function inputs(spec: CurveSpec): { y: Int32Array; score: ArrayLike<number> } {
  if (spec.y.length !== spec.score.length) throw new ApiError('bad-input', `The curve has ${spec.y.length} labels but ${spec.score.length} scores.`);
  const y = Int32Array.from(spec.y);
  let pos = 0;
  for (const v of y) if (v === 1) pos++;
  if (pos === 0 || pos === y.length) {
    throw new ApiError('bad-input', `A ${spec.kind === 'roc' ? 'ROC' : 'precision–recall'} curve needs both classes among the rows; these have ${pos === 0 ? 'no positive' : 'only positive'} rows.`);
  }
  return { y, score: spec.score };
}

/**
 * The curve with points closer than eps to the last kept one dropped, eps
 * growing until at most MAX_CURVE_POINTS remain. Unlike every k-th point,
 * this keeps the corners (the jumpy start of a PR curve), since every dropped
 * point lies within eps of a drawn one. Both ends are always kept.
 */
export function thinCurve(xs: ArrayLike<number>, ys: ArrayLike<number>): { points: [number, number][]; thinned: boolean } {
  const n = xs.length;
  const all = (): [number, number][] => Array.from({ length: n }, (_, i): [number, number] => [xs[i], ys[i]]);
  if (n <= MAX_CURVE_POINTS) return { points: all(), thinned: false };
  // Both axes run 0–1, so eps is a share of the plot's side (1/2000 is below a pixel at slide size).
  for (let eps = 1 / MAX_CURVE_POINTS; ; eps *= 1.5) {
    const points: [number, number][] = [[xs[0], ys[0]]];
    let [lx, ly] = points[0];
    for (let i = 1; i < n - 1; i++) {
      if (Math.abs(xs[i] - lx) + Math.abs(ys[i] - ly) >= eps) {
        points.push([xs[i], ys[i]]);
        lx = xs[i];
        ly = ys[i];
      }
    }
    points.push([xs[n - 1], ys[n - 1]]);
    if (points.length <= MAX_CURVE_POINTS) return { points, thinned: true };
  }
}

function operatingPoint(y: Int32Array, score: ArrayLike<number>, threshold: number | undefined, kind: 'roc' | 'pr') {
  if (threshold === undefined) return [];
  const c = confusionAtThreshold(y, score, threshold);
  const at: [number, number] = kind === 'roc' ? [c.falsePositiveRate, c.recall] : [c.recall, c.precision];
  return [
    {
      type: 'scatter' as const,
      name: `Threshold ${threshold.toFixed(2)}`,
      data: [at],
      symbolSize: 11,
      itemStyle: { color: paletteColor(3), borderColor: '#ffffff', borderWidth: 1.5 },
      // Below the dot, on the side away from the curve: a ROC curve rises to the
      // right of the point, a PR curve falls; near an edge the text turns inward.
      label: { show: true, position: 'bottom' as const, distance: 8, align: (kind === 'roc' ? at[0] <= 0.8 : at[0] < 0.2) ? ('left' as const) : ('right' as const), formatter: `threshold ${threshold.toFixed(2)}`, fontSize: 12, color: '#262626', backgroundColor: 'rgba(255,255,255,0.85)', padding: [1, 3] as [number, number] },
      z: 5,
    },
  ];
}

const unitAxis = (name: string, orient: 'x' | 'y') => valueAxis({ name, orient }, { min: 0, max: 1, interval: 0.2, nameGap: orient === 'x' ? 28 : 40 });

/** The ROC curve with its AUC, the chance diagonal and the operating point at the threshold. */
export function rocChart(spec: CurveSpec): ChartResult {
  const { y, score } = inputs(spec);
  const curve = rocCurve(y, score);
  const auc = rocAucScore(y, score);
  const { points, thinned } = thinCurve(curve.fpr, curve.tpr);
  const note = thinned ? `Drawn with ${formatCount(points.length)} of ${formatCount(curve.fpr.length)} points; AUC uses all` : undefined;
  const option = baseOption({ title: spec.title ?? 'ROC curve', note, legend: true });
  option.legend = { ...(option.legend as object), top: undefined, bottom: 8, right: 16 } as never;
  option.grid = { ...(option.grid as object), bottom: 40, right: 32 };
  option.xAxis = unitAxis('False positive rate', 'x');
  option.yAxis = unitAxis(`True positive rate (recall${spec.label ? ` of ${spec.label}` : ''})`, 'y');
  option.series = [
    { type: 'line', name: `ROC curve (AUC = ${auc.toFixed(3)})`, data: points, showSymbol: false, lineStyle: { width: 2.5, color: paletteColor(0) }, itemStyle: { color: paletteColor(0) } },
    { type: 'line', name: 'Chance (AUC = 0.5)', data: [[0, 0], [1, 1]], showSymbol: false, lineStyle: { type: 'dashed', width: 1.5, color: '#8c8c8c' }, itemStyle: { color: '#8c8c8c' } },
    ...operatingPoint(y, score, spec.threshold, 'roc'),
  ];
  return { option, note };
}

/** The precision–recall curve with its average precision, the chance line (positive share) and the operating point. */
export function prChart(spec: CurveSpec): ChartResult {
  const { y, score } = inputs(spec);
  const curve = precisionRecallCurve(y, score);
  const ap = averagePrecision(y, score);
  let pos = 0;
  for (const v of y) if (v === 1) pos++;
  const share = pos / y.length;
  const { points, thinned } = thinCurve(curve.recall, curve.precision);
  const note = thinned ? `Drawn with ${formatCount(points.length)} of ${formatCount(curve.recall.length)} points; AP uses all` : undefined;
  const option = baseOption({ title: spec.title ?? 'Precision–recall curve', note, legend: true });
  option.legend = { ...(option.legend as object), top: undefined, bottom: 8, right: 16 } as never;
  option.grid = { ...(option.grid as object), bottom: 40, right: 32 };
  option.xAxis = unitAxis(`Recall${spec.label ? ` of ${spec.label}` : ''}`, 'x');
  option.yAxis = unitAxis('Precision', 'y');
  option.series = [
    // scikit-learn's PrecisionRecallDisplay draws a step ('post') line.
    { type: 'line', step: 'end', name: `PR curve (AP = ${ap.toFixed(3)})`, data: points, showSymbol: false, lineStyle: { width: 2.5, color: paletteColor(0) }, itemStyle: { color: paletteColor(0) } },
    { type: 'line', name: `Chance (${share.toFixed(2)})`, data: [[0, share], [1, share]], showSymbol: false, lineStyle: { type: 'dashed', width: 1.5, color: '#8c8c8c' }, itemStyle: { color: '#8c8c8c' } },
    ...operatingPoint(y, score, spec.threshold, 'pr'),
  ];
  return { option, note };
}
