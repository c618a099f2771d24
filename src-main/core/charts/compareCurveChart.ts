import { ApiError } from '../api/errors';
import { averagePrecision, precisionRecallCurve, rocAucScore, rocCurve } from '../metrics/curves';
import type { HeldOutScores } from '../search/runRecord';
import { thinCurve, MAX_CURVE_POINTS } from './curveChart';
import { baseOption, formatCount, joinNotes, paletteColor, valueAxis, type ChartResult } from './spec';

export interface CompareCurveSpec {
  kind: 'roc' | 'pr';
  set: 'validation' | 'test';
  /** In comparison order, so each model keeps its colour across charts; null where it was not scored on the set. */
  models: { label: string; scores: HeldOutScores | null }[];
  /** The positive class, for the axis names. */
  positive?: string;
  title?: string;
  subtitle?: string;
}

const SET_NAMES = { validation: 'validation set', test: 'test set' } as const;

interface Drawn {
  index: number;
  label: string;
  y: Int32Array;
  score: number[];
}

/** The models that can be drawn, and a note naming the ones left out and why. */
function drawable(spec: CompareCurveSpec): { drawn: Drawn[]; note: string | undefined } {
  const drawn: Drawn[] = [];
  const unscored: string[] = [];
  const oneClass: string[] = [];
  spec.models.forEach((m, index) => {
    if (!m.scores) return unscored.push(m.label);
    if (m.scores.y.length !== m.scores.score.length) throw new ApiError('bad-input', `${m.label} has ${m.scores.y.length} labels but ${m.scores.score.length} scores.`);
    const y = Int32Array.from(m.scores.y);
    const pos = y.reduce((s, v) => s + (v === 1 ? 1 : 0), 0);
    if (pos === 0 || pos === y.length) return oneClass.push(m.label);
    drawn.push({ index, label: m.label, y, score: m.scores.score });
  });
  const set = SET_NAMES[spec.set];
  if (drawn.length === 0) {
    const why = spec.set === 'test' ? ': only a run’s champion is scored on the test set' : '';
    throw new ApiError('bad-input', unscored.length === spec.models.length ? `None of the models has ${set} predictions${why}.` : `No model has both classes among its ${set} rows.`);
  }
  const note = joinNotes(unscoredNote(spec.set, unscored), oneClass.length ? `left out: ${oneClass.join(', ')} (one class only)` : undefined);
  return { drawn, note };
}

/** "xgb has no test predictions (only champions do)"; undefined when every model has them. */
export function unscoredNote(set: 'validation' | 'test', labels: string[]): string | undefined {
  if (labels.length === 0) return undefined;
  return `${labels.join(', ')} ${labels.length === 1 ? 'has' : 'have'} no ${set} predictions${set === 'test' ? ' (only champions do)' : ''}`;
}

const unitAxis = (name: string, orient: 'x' | 'y') => valueAxis({ name, orient }, { min: 0, max: 1, interval: 0.2, nameGap: orient === 'x' ? 28 : 40 });

/** A vertical legend inside the plot, in the corner the curves leave empty. */
function cornerLegend(base: object, corner: 'right' | 'left'): object {
  return {
    ...base,
    orient: 'vertical',
    top: undefined,
    right: corner === 'right' ? 48 : undefined,
    left: corner === 'left' ? 96 : undefined,
    bottom: 72,
    backgroundColor: 'rgba(255,255,255,0.85)',
    padding: [6, 8],
    itemGap: 6,
  };
}

function layout(spec: CompareCurveSpec, what: string, note: string | undefined, legendCorner: 'right' | 'left') {
  const option = baseOption({ title: spec.title ?? `${what}, ${SET_NAMES[spec.set]}`, note: spec.subtitle ?? note, legend: true });
  option.legend = cornerLegend(option.legend as object, legendCorner) as never;
  option.grid = { ...(option.grid as object), bottom: 16, right: 32 };
  return option;
}

const thinnedNote = (thinned: boolean, measure: string) => (thinned ? `curves thinned to ${formatCount(MAX_CURVE_POINTS)} points; ${measure} uses all` : undefined);

const curveLine = (d: Drawn, name: string, data: [number, number][]) => ({
  type: 'line' as const,
  name,
  data,
  showSymbol: false,
  lineStyle: { width: 2.2, color: paletteColor(d.index) },
  itemStyle: { color: paletteColor(d.index) },
});

/** The models' ROC curves overlaid, each model's AUC in the legend, with the chance diagonal. */
export function compareRocChart(spec: CompareCurveSpec): ChartResult {
  const { drawn, note: leftOut } = drawable(spec);
  let thinned = false;
  const series = drawn.map((d) => {
    const curve = rocCurve(d.y, d.score);
    const t = thinCurve(curve.fpr, curve.tpr);
    thinned ||= t.thinned;
    return curveLine(d, `${d.label} — AUC ${rocAucScore(d.y, d.score).toFixed(3)}`, t.points);
  });
  const note = joinNotes(leftOut, thinnedNote(thinned, 'AUC'));
  const option = layout(spec, 'ROC curves', note, 'right');
  option.xAxis = unitAxis('False positive rate', 'x');
  option.yAxis = unitAxis(`True positive rate (recall${spec.positive ? ` of ${spec.positive}` : ''})`, 'y');
  option.series = [
    ...series,
    { type: 'line', name: 'Chance (AUC = 0.5)', data: [[0, 0], [1, 1]], showSymbol: false, lineStyle: { type: 'dashed', width: 1.5, color: '#8c8c8c' }, itemStyle: { color: '#8c8c8c' } },
  ];
  return { option, note };
}

/**
 * The models' precision–recall curves overlaid (steps, as scikit-learn draws
 * them), each model's average precision in the legend, with the chance line
 * at the positive share: one line when the models share their rows' class
 * balance, else one per model in its colour.
 */
export function comparePrChart(spec: CompareCurveSpec): ChartResult {
  const { drawn, note: leftOut } = drawable(spec);
  let thinned = false;
  const series = drawn.map((d) => {
    const curve = precisionRecallCurve(d.y, d.score);
    const t = thinCurve(curve.recall, curve.precision);
    thinned ||= t.thinned;
    return { ...curveLine(d, `${d.label} — AP ${averagePrecision(d.y, d.score).toFixed(3)}`, t.points), step: 'end' as const };
  });
  const shares = drawn.map((d) => d.y.reduce((s, v) => s + v, 0) / d.y.length);
  const shared = shares.every((s) => s === shares[0]);
  const chance = (share: number, name: string, color: string) => ({
    type: 'line' as const,
    name,
    data: [
      [0, share],
      [1, share],
    ],
    showSymbol: false,
    lineStyle: { type: 'dashed' as const, width: 1.5, color },
    itemStyle: { color },
  });
  const note = joinNotes(leftOut, thinnedNote(thinned, 'AP'));
  const option = layout(spec, 'Precision–recall curves', note, 'left');
  option.xAxis = unitAxis(`Recall${spec.positive ? ` of ${spec.positive}` : ''}`, 'x');
  option.yAxis = unitAxis('Precision', 'y');
  option.series = [
    ...series,
    ...(shared ? [chance(shares[0], `Chance (${shares[0].toFixed(2)})`, '#8c8c8c')] : drawn.map((d, i) => chance(shares[i], `Chance, ${d.label} (${shares[i].toFixed(2)})`, paletteColor(d.index)))),
  ];
  return { option, note };
}
