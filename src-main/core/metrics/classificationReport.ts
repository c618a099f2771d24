/**
 * Precision, recall and F1 per class and averaged, accuracy, balanced accuracy,
 * Matthews correlation, and scikit-learn's `classification_report` text.
 *
 * For a class c: precision = TP/(TP+FP), recall = TP/(TP+FN),
 * F1 = 2·P·R/(P+R) (0 when P+R = 0), support = TP+FN. Averages:
 * macro = mean over classes; weighted = Σ score_c·support_c / Σ support_c;
 * micro = the same ratios on TP, FP, FN summed over classes; binary = the
 * positive class alone. As in scikit-learn, the classes considered are those
 * occurring in y_true or y_pred unless `labels` says otherwise, and the
 * arithmetic follows NumPy's order so results agree to the last bit.
 *
 * Zero division: a ratio whose denominator is 0 is set to `zeroDivision`
 * (0 for the default 'warn', or 0 or 1). With 'warn', the message scikit-learn
 * would emit as `UndefinedMetricWarning` is reported through `onWarning`
 * (and in a report's `warnings`) so the UI can show it.
 */
import { ApiError } from '../api/errors';
import { formatFixed, padLeft } from './pythonFormat';
import { checkLabels, checkSameLength, numpyMean, numpySum } from './numeric';

export type ZeroDivision = 'warn' | 0 | 1;
export type Average = 'binary' | 'macro' | 'weighted' | 'micro';

export interface ScoreOptions {
  /** Default 'binary' (scikit-learn's default). */
  average?: Average;
  /** The positive class for average 'binary'; default 1, ignored otherwise. */
  posLabel?: number;
  /** Value of an undefined ratio; default 'warn' (which gives 0 and a warning). */
  zeroDivision?: ZeroDivision;
  /** Classes to consider; default every class in yTrue or yPred, ascending. */
  labels?: readonly number[];
  /** Receives scikit-learn's warning text when zeroDivision is 'warn' and a ratio was undefined. */
  onWarning?: (message: string) => void;
}

type Metric = 'precision' | 'recall' | 'f-score';

interface PrfOptions {
  average: Average | null;
  posLabel: number;
  zeroDivision: ZeroDivision;
  labels?: readonly number[];
  warnFor: readonly Metric[];
  warn: (message: string) => void;
}

export interface PrfResult {
  precision: number[];
  recall: number[];
  fScore: number[];
  /** Per class (average null); the summed support otherwise. */
  support: number[];
}

/** Classes occurring in either vector, ascending (`unique_labels`). */
export function presentLabels(yTrue: Int32Array, yPred: Int32Array): number[] {
  const seen = new Set<number>();
  for (const v of yTrue) seen.add(v);
  for (const v of yPred) seen.add(v);
  return [...seen].sort((a, b) => a - b);
}

function resolveLabels(yTrue: Int32Array, yPred: Int32Array, opts: PrfOptions): number[] {
  const present = presentLabels(yTrue, yPred);
  if (opts.average === 'binary') {
    if (present.length > 2) {
      throw new ApiError(
        'bad-input',
        `average 'binary' needs at most two classes, but ${present.length} occur (${present.join(', ')}); choose 'macro', 'weighted' or 'micro'.`,
      );
    }
    if (!present.includes(opts.posLabel) && present.length >= 2) {
      throw new ApiError('bad-input', `The positive class ${opts.posLabel} is not one of the classes present (${present.join(', ')}).`);
    }
    return [opts.posLabel];
  }
  return opts.labels ? [...opts.labels] : present;
}

/** scikit-learn's `_warn_prf` wording (the multilabel 'samples' variant does not arise here). */
function warnPrf(modifier: string, msgStart: string, size: number): string {
  const where = size === 1 ? 'due to' : 'in labels with';
  return `${msgStart} ill-defined and being set to 0.0 ${where} no ${modifier} samples. Use \`zero_division\` parameter to control this behavior.`;
}

/** scikit-learn's `_prf_divide`: num/den, with den = 0 giving the zero-division value. */
function prfDivide(num: number[], den: number[], metric: Metric, modifier: string, opts: PrfOptions): number[] {
  let anyZero = false;
  const out = num.map((n, i) => {
    if (den[i] === 0) {
      anyZero = true;
      return opts.zeroDivision === 1 ? 1 : 0;
    }
    return n / den[i];
  });
  if (!anyZero || opts.zeroDivision !== 'warn' || !opts.warnFor.includes(metric)) return out;
  const title = metric === 'precision' ? 'Precision' : 'Recall';
  const msgStart = opts.warnFor.includes('f-score') ? `${title} and F-score are` : `${title} is`;
  opts.warn(warnPrf(modifier, msgStart, out.length));
  return out;
}

/** `precision_recall_fscore_support` with beta = 1 (arrays of length 1 when averaged). */
function prfs(yTrue: Int32Array, yPred: Int32Array, opts: PrfOptions): PrfResult {
  checkSameLength('precision/recall/F1', yTrue, yPred);
  const labels = resolveLabels(yTrue, yPred, opts);
  const index = new Map<number, number>();
  labels.forEach((l, i) => index.set(l, i));
  let tp = new Array<number>(labels.length).fill(0);
  let predSum = new Array<number>(labels.length).fill(0);
  let trueSum = new Array<number>(labels.length).fill(0);
  for (let i = 0; i < yTrue.length; i++) {
    const t = index.get(yTrue[i]);
    const p = index.get(yPred[i]);
    if (t !== undefined) trueSum[t]++;
    if (p !== undefined) predSum[p]++;
    if (t !== undefined && yTrue[i] === yPred[i]) tp[t]++;
  }
  const sum = (a: number[]): number => a.reduce((s, v) => s + v, 0);
  if (opts.average === 'micro') {
    tp = [sum(tp)];
    predSum = [sum(predSum)];
    trueSum = [sum(trueSum)];
  }
  const precision = prfDivide(tp, predSum, 'precision', 'predicted', opts);
  const recall = prfDivide(tp, trueSum, 'recall', 'true', opts);
  if (opts.zeroDivision === 'warn' && opts.warnFor.length === 1 && opts.warnFor[0] === 'f-score') {
    if (trueSum.some((t, i) => t === 0 && predSum[i] === 0)) {
      opts.warn(warnPrf('true nor predicted', 'F-score is', trueSum.length));
    }
  }
  const fScore = precision.map((p, i) => {
    const denom = p + recall[i];
    return (2 * p * recall[i]) / (denom === 0 ? 1 : denom);
  });
  if (opts.average === null) return { precision, recall, fScore, support: trueSum };
  const support = [sum(trueSum)];
  if (opts.average === 'weighted') {
    if (support[0] === 0) {
      const zd = opts.zeroDivision === 1 ? 1 : 0;
      return sum(predSum) === 0
        ? { precision: [zd], recall: [zd], fScore: [zd], support }
        : { precision: [0], recall: [zd], fScore: [0], support };
    }
    const weighted = (a: number[]): number => numpySum(a.map((v, i) => v * trueSum[i])) / support[0];
    return { precision: [weighted(precision)], recall: [weighted(recall)], fScore: [weighted(fScore)], support };
  }
  return { precision: [numpyMean(precision)], recall: [numpyMean(recall)], fScore: [numpyMean(fScore)], support };
}

function prfOptions(opts: ScoreOptions, warnFor: readonly Metric[], average: Average | null): PrfOptions {
  return {
    average,
    posLabel: opts.posLabel ?? 1,
    zeroDivision: opts.zeroDivision ?? 'warn',
    labels: opts.labels,
    warnFor,
    warn: opts.onWarning ?? (() => undefined),
  };
}

/**
 * Per-class (average null) or averaged precision, recall, F1 and support,
 * like `precision_recall_fscore_support(beta=1)`; warnings as scikit-learn
 * gives them when called directly (for precision, recall and F-score).
 */
export function precisionRecallFscoreSupport(
  yTrue: Int32Array,
  yPred: Int32Array,
  opts: Omit<ScoreOptions, 'average'> & { average?: Average | null } = {},
): PrfResult {
  const { average = null, ...rest } = opts;
  return prfs(yTrue, yPred, prfOptions(rest, ['precision', 'recall', 'f-score'], average));
}

/** Precision TP/(TP+FP), averaged as `opts.average` says (`precision_score`). */
export function precisionScore(yTrue: Int32Array, yPred: Int32Array, opts: ScoreOptions = {}): number {
  return prfs(yTrue, yPred, prfOptions(opts, ['precision'], opts.average ?? 'binary')).precision[0];
}

/** Recall TP/(TP+FN), averaged as `opts.average` says (`recall_score`). */
export function recallScore(yTrue: Int32Array, yPred: Int32Array, opts: ScoreOptions = {}): number {
  return prfs(yTrue, yPred, prfOptions(opts, ['recall'], opts.average ?? 'binary')).recall[0];
}

/** F1 = 2·P·R/(P+R), averaged as `opts.average` says (`f1_score`). */
export function f1Score(yTrue: Int32Array, yPred: Int32Array, opts: ScoreOptions = {}): number {
  return prfs(yTrue, yPred, prfOptions(opts, ['f-score'], opts.average ?? 'binary')).fScore[0];
}

/** Share of rows predicted correctly, (Σ [y_i = ŷ_i]) / n (`accuracy_score`). */
export function accuracyScore(yTrue: Int32Array, yPred: Int32Array): number {
  checkSameLength('accuracyScore', yTrue, yPred);
  let correct = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) correct++;
  return correct / yTrue.length;
}

/** Confusion counts over the present classes, as a flat k×k array. */
function presentConfusion(yTrue: Int32Array, yPred: Int32Array): { k: number; cm: number[] } {
  checkSameLength('confusion', yTrue, yPred);
  const labels = presentLabels(yTrue, yPred);
  const index = new Map<number, number>();
  labels.forEach((l, i) => index.set(l, i));
  const k = labels.length;
  const cm = new Array<number>(k * k).fill(0);
  for (let i = 0; i < yTrue.length; i++) cm[index.get(yTrue[i])! * k + index.get(yPred[i])!]++;
  return { k, cm };
}

/**
 * Mean over classes of recall, (1/k) Σ_c TP_c/(TP_c+FN_c), over the classes
 * present in y_true (`balanced_accuracy_score`; a class only predicted is
 * skipped, and scikit-learn warns "y_pred contains classes not in y_true").
 */
export function balancedAccuracy(yTrue: Int32Array, yPred: Int32Array, opts: { onWarning?: (message: string) => void } = {}): number {
  const { k, cm } = presentConfusion(yTrue, yPred);
  const perClass: number[] = [];
  let skipped = false;
  for (let c = 0; c < k; c++) {
    let rowSum = 0;
    for (let j = 0; j < k; j++) rowSum += cm[c * k + j];
    if (rowSum === 0) skipped = true;
    else perClass.push(cm[c * k + c] / rowSum);
  }
  if (skipped) opts.onWarning?.('y_pred contains classes not in y_true');
  return numpyMean(perClass);
}

/**
 * Matthews correlation for k classes (Gorodkin's R_K):
 * (c·s − Σ p_k t_k) / √((s² − Σ p_k²)(s² − Σ t_k²)), with c correct rows,
 * s rows, t_k true and p_k predicted counts per class; 0 when the
 * denominator is 0 (`matthews_corrcoef`).
 */
export function matthewsCorrcoef(yTrue: Int32Array, yPred: Int32Array): number {
  const { k, cm } = presentConfusion(yTrue, yPred);
  const t = new Array<number>(k).fill(0);
  const p = new Array<number>(k).fill(0);
  let correct = 0;
  for (let i = 0; i < k; i++) {
    correct += cm[i * k + i];
    for (let j = 0; j < k; j++) {
      t[i] += cm[i * k + j];
      p[j] += cm[i * k + j];
    }
  }
  const n = yTrue.length;
  let tp = 0;
  let pp = 0;
  let tt = 0;
  for (let i = 0; i < k; i++) {
    tp += t[i] * p[i];
    pp += p[i] * p[i];
    tt += t[i] * t[i];
  }
  const covYtYp = correct * n - tp;
  const covYpYp = n ** 2 - pp;
  const covYtYt = n ** 2 - tt;
  if (covYpYp * covYtYt === 0) return 0;
  return covYtYp / Math.sqrt(covYtYt * covYpYp);
}

export interface ClassScores {
  /** The class index. */
  label: number;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface AverageScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface ClassificationReport {
  /** One entry per class considered, in `labels` order. */
  perClass: ClassScores[];
  /**
   * Micro average. When every present class is considered (the default) this
   * is accuracy, and the text report prints its F1 on an "accuracy" line.
   */
  micro: AverageScores;
  microIsAccuracy: boolean;
  /** `micro.f1` when `microIsAccuracy`, else null (as the report's "accuracy" entry). */
  accuracy: number | null;
  macro: AverageScores;
  weighted: AverageScores;
  /** scikit-learn's UndefinedMetricWarning texts, each once (only with zeroDivision 'warn'). */
  warnings: string[];
  /** True when some ratio had a zero denominator and was set to 0 with a warning: the UI should say so. */
  zeroDivisionWarning: boolean;
}

/**
 * Everything `classification_report` shows: per-class precision, recall, F1
 * and support, then the micro (accuracy), macro and weighted averages.
 * `nClasses` bounds the labels; as in scikit-learn the rows are the classes
 * occurring in yTrue or yPred unless `opts.labels` lists them.
 */
export function classificationReport(
  yTrue: Int32Array,
  yPred: Int32Array,
  nClasses: number,
  opts: { labels?: readonly number[]; zeroDivision?: ZeroDivision } = {},
): ClassificationReport {
  checkSameLength('classificationReport', yTrue, yPred);
  checkLabels('classificationReport (true labels)', yTrue, nClasses);
  checkLabels('classificationReport (predictions)', yPred, nClasses);
  const present = presentLabels(yTrue, yPred);
  const labels = opts.labels ? [...opts.labels] : present;
  const microIsAccuracy = !opts.labels || sameSet(labels, present);
  const warnings: string[] = [];
  const warn = (m: string): void => {
    if (!warnings.includes(m)) warnings.push(m);
  };
  const base = { posLabel: 1, zeroDivision: opts.zeroDivision ?? 'warn', labels, warnFor: ['precision', 'recall', 'f-score'] as Metric[], warn };
  const per = prfs(yTrue, yPred, { ...base, average: null });
  const perClass = labels.map((label, i) => ({
    label,
    precision: per.precision[i],
    recall: per.recall[i],
    f1: per.fScore[i],
    support: per.support[i],
  }));
  const total = per.support.reduce((s, v) => s + v, 0);
  const avg = (average: Average): AverageScores => {
    const r = prfs(yTrue, yPred, { ...base, average });
    return { precision: r.precision[0], recall: r.recall[0], f1: r.fScore[0], support: total };
  };
  const micro = avg('micro');
  const macro = avg('macro');
  const weighted = avg('weighted');
  return {
    perClass,
    micro,
    microIsAccuracy,
    accuracy: microIsAccuracy ? micro.f1 : null,
    macro,
    weighted,
    warnings,
    zeroDivisionWarning: warnings.length > 0,
  };
}

function sameSet(a: readonly number[], b: readonly number[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((v) => sb.has(v));
}

/**
 * The text table `classification_report(..., digits)` prints. `classNames`
 * is indexed by class index (e.g. `ClassLabels.classes`); each row shows the
 * name of its class, as scikit-learn's `target_names` does for the present labels.
 */
export function formatClassificationReport(report: ClassificationReport, classNames: readonly string[], digits = 2): string {
  const names = report.perClass.map((c) => {
    const name = classNames[c.label];
    if (name === undefined) throw new ApiError('bad-input', `No class name for class index ${c.label}.`);
    return name;
  });
  const width = Math.max(...names.map((n) => n.length), 'weighted avg'.length, digits);
  const headers = ['precision', 'recall', 'f1-score', 'support'];
  const num = (v: number): string => ` ${padLeft(formatFixed(v, digits), 9)}`;
  const row = (name: string, s: AverageScores): string =>
    `${padLeft(name, width)} ${num(s.precision)}${num(s.recall)}${num(s.f1)} ${padLeft(String(s.support), 9)}\n`;
  let out = `${' '.repeat(width)} ${headers.map((h) => ` ${padLeft(h, 9)}`).join('')}\n\n`;
  report.perClass.forEach((c, i) => {
    out += row(names[i], c);
  });
  out += '\n';
  if (report.microIsAccuracy) {
    out += `${padLeft('accuracy', width)} ${' '.repeat(10)}${' '.repeat(10)}${num(report.micro.f1)} ${padLeft(String(report.micro.support), 9)}\n`;
  } else {
    out += row('micro avg', report.micro);
  }
  out += row('macro avg', report.macro);
  out += row('weighted avg', report.weighted);
  return out;
}

/** One row of scikit-learn's `classification_report(..., output_dict=True)`. */
export interface ReportDictRow {
  precision: number;
  recall: number;
  'f1-score': number;
  support: number;
}

/** `classification_report(..., output_dict=True)`: class names, then "accuracy" (or "micro avg"), "macro avg", "weighted avg". */
export type ClassificationReportDict = Record<string, ReportDictRow | number>;

/**
 * The report as scikit-learn's `output_dict=True` gives it: one entry per
 * class row keyed by its name (`classNames[label]`, as `target_names`), then
 * `accuracy` (a number) when every present class is reported, else a
 * `micro avg` row, then `macro avg` and `weighted avg`. (Like any JS object,
 * integer-like class names enumerate first; the contents are sklearn's.)
 */
export function classificationReportDict(report: ClassificationReport, classNames: readonly string[]): ClassificationReportDict {
  const row = (s: AverageScores): ReportDictRow => ({ precision: s.precision, recall: s.recall, 'f1-score': s.f1, support: s.support });
  const out: ClassificationReportDict = {};
  for (const c of report.perClass) {
    const name = classNames[c.label];
    if (name === undefined) throw new ApiError('bad-input', `No class name for class index ${c.label}.`);
    out[name] = row(c);
  }
  if (report.microIsAccuracy) out.accuracy = report.micro.f1;
  else out['micro avg'] = row(report.micro);
  out['macro avg'] = row(report.macro);
  out['weighted avg'] = row(report.weighted);
  return out;
}
