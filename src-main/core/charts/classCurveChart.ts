import { ApiError } from '../api/errors';
import { curvesOf } from '../evaluation/classCurves';
import { classAtThreshold, classScores } from '../evaluation/multiclass';
import type { HeldOutScores } from '../search/runRecord';
import { thinCurve } from './curveChart';
import { baseOption, formatCount, joinNotes, paletteColor, TEXT_COLOR, valueAxis, type ChartResult } from './spec';

/** One-vs-rest curves of a model with more than two classes. */
export interface ClassCurveSpec {
  kind: 'rocClasses' | 'prClasses';
  /** The class names, in the order of the probability columns. */
  classes: string[];
  /** Held-out rows with class indices in y and the n×k probabilities in proba. */
  scores: HeldOutScores;
  /** Marks where "flag as this class when p ≥ threshold" sits on that class's curve. */
  mark?: { classIndex: number; threshold: number };
  title?: string;
}

const MACRO_COLOR = '#262626';
const unitAxis = (name: string, orient: 'x' | 'y') => valueAxis({ name, orient }, { min: 0, max: 1, interval: 0.2, nameGap: orient === 'x' ? 28 : 40 });

function layout(title: string, note: string | undefined) {
  const option = baseOption({ title, note, legend: true });
  option.legend = {
    ...(option.legend as object),
    orient: 'vertical',
    top: undefined,
    right: 40,
    bottom: 64,
    backgroundColor: 'rgba(255,255,255,0.85)',
    padding: [6, 8],
    itemGap: 6,
  } as never;
  option.grid = { ...(option.grid as object), bottom: 16, right: 32 };
  return option;
}

function curveLine(name: string, data: [number, number][], color: string, extra: Record<string, unknown> = {}) {
  return { type: 'line' as const, name, data, showSymbol: false, lineStyle: { width: 2.2, color }, itemStyle: { color }, ...extra };
}

function markPoint(at: [number, number], label: string, color: string) {
  return {
    type: 'scatter' as const,
    name: label,
    data: [at],
    symbolSize: 11,
    itemStyle: { color, borderColor: '#ffffff', borderWidth: 1.5 },
    label: { show: true, position: 'bottom' as const, distance: 8, formatter: label, fontSize: 12, color: TEXT_COLOR, backgroundColor: 'rgba(255,255,255,0.85)', padding: [1, 3] as [number, number] },
    z: 5,
  };
}

function prepared(spec: ClassCurveSpec) {
  const k = spec.classes.length;
  if (k < 3) throw new ApiError('bad-input', `One-vs-rest curves are for three classes or more; this target has ${k}.`);
  const s = classScores(spec.scores, k, 'One-vs-rest curves');
  const curves = curvesOf(s);
  if (!curves.perClass.some((c) => c.auc !== null)) throw new ApiError('bad-input', 'No class has both its own rows and other rows among these, so no one-vs-rest curve can be drawn.');
  const undrawn = curves.perClass.filter((c) => c.auc === null).map((c) => spec.classes[c.label]);
  const missing = undrawn.length ? `no curve for ${undrawn.join(', ')} (no rows, or only its rows); no macro average` : undefined;
  return { s, curves, missing };
}

/**
 * Each class's ROC curve against the rest, its AUC in the legend, the
 * macro-average curve (dashed, its AUC the mean of the classes') and the
 * chance diagonal; optionally the point of one class's threshold.
 */
export function classRocChart(spec: ClassCurveSpec): ChartResult {
  const { s, curves, missing } = prepared(spec);
  let thinned = false;
  const series: Record<string, unknown>[] = [];
  for (const c of curves.perClass) {
    if (c.auc === null) continue;
    const t = thinCurve(c.roc.fpr, c.roc.tpr);
    thinned ||= t.thinned;
    series.push(curveLine(`${spec.classes[c.label]} vs rest — AUC ${c.auc.toFixed(3)}`, t.points, paletteColor(c.label)));
  }
  if (curves.macroRoc && curves.macroAuc !== null) {
    // The legend gives roc_auc_ovr (the mean of the class AUCs), the number the run records; the area under the drawn mean curve differs slightly.
    const macro = thinCurve(curves.macroRoc.fpr, curves.macroRoc.tpr);
    thinned ||= macro.thinned;
    series.push(curveLine(`Macro average — AUC ${curves.macroAuc.toFixed(3)}`, macro.points, MACRO_COLOR, { lineStyle: { width: 2.5, type: 'dashed', color: MACRO_COLOR } }));
  }
  series.push({ type: 'line', name: 'Chance (AUC = 0.5)', data: [[0, 0], [1, 1]], showSymbol: false, lineStyle: { type: 'dotted', width: 1.5, color: '#8c8c8c' }, itemStyle: { color: '#8c8c8c' } });
  if (spec.mark) {
    const cut = classAtThreshold(s, spec.classes, spec.mark.classIndex, spec.mark.threshold);
    const negatives = cut.rows - cut.members;
    const fpr = negatives ? (cut.flagged - cut.caught) / negatives : 0;
    series.push(markPoint([fpr, cut.recall], `${spec.classes[cut.classIndex]} at p ≥ ${cut.threshold.toFixed(2)}`, paletteColor(cut.classIndex)));
  }
  const note = joinNotes(missing, thinned ? `curves thinned for drawing; AUC uses every point` : undefined, `one class against the rest, ${formatCount(s.y.length)} rows`);
  const option = layout(spec.title ?? 'ROC curves, one class against the rest', note);
  option.xAxis = unitAxis('False positive rate', 'x');
  option.yAxis = unitAxis('True positive rate (recall of the class)', 'y');
  option.series = series as never;
  return { option, note };
}

/**
 * Each class's precision–recall curve against the rest (steps, as
 * scikit-learn draws them), its average precision in the legend and the
 * macro average AP (the mean of the classes') in the title's note.
 */
export function classPrChart(spec: ClassCurveSpec): ChartResult {
  const { s, curves, missing } = prepared(spec);
  let thinned = false;
  const series: Record<string, unknown>[] = [];
  for (const c of curves.perClass) {
    if (c.averagePrecision === null || c.auc === null) continue;
    const t = thinCurve(c.pr.recall, c.pr.precision);
    thinned ||= t.thinned;
    series.push(curveLine(`${spec.classes[c.label]} vs rest — AP ${c.averagePrecision.toFixed(3)}`, t.points, paletteColor(c.label), { step: 'end' }));
  }
  if (spec.mark) {
    const cut = classAtThreshold(s, spec.classes, spec.mark.classIndex, spec.mark.threshold);
    if (cut.flagged > 0) series.push(markPoint([cut.recall, cut.precision], `${spec.classes[cut.classIndex]} at p ≥ ${cut.threshold.toFixed(2)}`, paletteColor(cut.classIndex)));
  }
  const note = joinNotes(curves.macroAveragePrecision !== null ? `macro-average AP ${curves.macroAveragePrecision.toFixed(3)}` : undefined, missing, thinned ? 'curves thinned for drawing; AP uses every point' : undefined);
  const option = layout(spec.title ?? 'Precision–recall curves, one class against the rest', note);
  option.legend = { ...(option.legend as object), right: undefined, left: 96 } as never;
  option.xAxis = unitAxis('Recall of the class', 'x');
  option.yAxis = unitAxis('Precision', 'y');
  option.series = series as never;
  return { option, note };
}
