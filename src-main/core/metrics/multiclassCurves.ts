/**
 * Multiclass ROC AUC and one-vs-rest curves, as scikit-learn 1.2 computes them
 * from an n × k probability matrix whose column c is the probability of class c.
 *
 * - One-vs-rest (OvR): class c against all others, scored by column c;
 *   `roc_auc_score(y, P, multi_class='ovr', average=…)`.
 * - One-vs-one (OvO, Hand & Till 2001): for each pair (a, b) of classes, the
 *   rows of a or b only, AUC(a vs b by column a) and AUC(b vs a by column b),
 *   averaged; `roc_auc_score(y, P, multi_class='ovo', average=…)`.
 * - Macro-average ROC curve: scikit-learn's documentation recipe, the TPR of
 *   every class interpolated (`np.interp`) on the union of their FPRs and averaged.
 */
import { ApiError } from '../api/errors';
import type { ProbabilityMatrix } from '../ml/types';
import { averagePrecision, precisionRecallCurve, rocAucScore, rocCurve, trapezoid, type PrecisionRecallCurve, type RocCurve } from './curves';
import { checkFinite, checkLabels, checkSameLength, numpyMean, numpySum } from './numeric';
import { probabilityColumn } from './probabilistic';

export type MulticlassStrategy = 'ovr' | 'ovo';
export type MulticlassAverage = 'macro' | 'weighted' | 'micro';

/** Per-class counts of `y` over `k` classes. */
function classCounts(y: Int32Array, k: number): number[] {
  const counts = new Array<number>(k).fill(0);
  for (const v of y) counts[v]++;
  return counts;
}

/**
 * scikit-learn's checks before a multiclass AUC: rows must sum to 1
 * (`np.allclose(1, P.sum(axis=1))`), and every column's class must occur in
 * the true labels (`Number of classes in y_true not equal to the number of
 * columns in 'y_score'`), since a class never seen has no ROC curve.
 */
function checkMulticlassInput(what: string, yTrue: Int32Array, proba: ProbabilityMatrix): number[] {
  const { rows, classes: k, data } = proba;
  checkSameLength(what, yTrue, { length: rows });
  checkLabels(what, yTrue, k);
  checkFinite(what, data);
  if (rows === 0) throw new ApiError('bad-input', `${what}: there are no rows to score.`);
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let j = 0; j < k; j++) s += data[i * k + j];
    if (!(Math.abs(1 - s) <= 1e-8 + 1e-5 * Math.abs(s))) {
      throw new ApiError('bad-input', `${what}: the probabilities of row ${i} sum to ${s}, not 1; a multiclass ROC AUC needs class probabilities.`);
    }
  }
  const counts = classCounts(yTrue, k);
  const absent = counts.flatMap((c, j) => (c === 0 ? [j] : []));
  if (absent.length > 0) {
    throw new ApiError(
      'bad-input',
      `${what}: class${absent.length === 1 ? '' : 'es'} ${absent.join(', ')} never occur${absent.length === 1 ? 's' : ''} in the true labels, so ${k} probability columns cannot be scored one class against the others.`,
    );
  }
  return counts;
}

/** One-hot indicator of class c: 1 where yTrue[i] === c. */
function indicator(yTrue: Int32Array, c: number): Int32Array {
  return Int32Array.from(yTrue, (v) => (v === c ? 1 : 0));
}

/** `np.average(a, weights=w)`: Σ a·w / Σ w, both sums in NumPy's order. */
function weightedAverage(a: readonly number[], w: readonly number[]): number {
  return numpySum(a.map((v, i) => v * w[i])) / numpySum(w);
}

function ovrAuc(yTrue: Int32Array, proba: ProbabilityMatrix, counts: number[], average: MulticlassAverage): number {
  const k = proba.classes;
  if (average === 'micro') {
    // The indicator matrix and the probabilities raveled row by row.
    const yAll = new Int32Array(proba.rows * k);
    for (let i = 0; i < proba.rows; i++) yAll[i * k + yTrue[i]] = 1;
    return rocAucScore(yAll, proba.data);
  }
  const scores: number[] = [];
  for (let c = 0; c < k; c++) scores.push(rocAucScore(indicator(yTrue, c), probabilityColumn(proba, c)));
  return average === 'weighted' ? weightedAverage(scores, counts) : numpyMean(scores);
}

function ovoAuc(yTrue: Int32Array, proba: ProbabilityMatrix, average: MulticlassAverage): number {
  if (average === 'micro') throw new ApiError('bad-input', "One-vs-one ROC AUC has no 'micro' average; use 'macro' or 'weighted'.");
  const k = proba.classes;
  const n = yTrue.length;
  const pairScores: number[] = [];
  const prevalence: number[] = [];
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const rows: number[] = [];
      for (let i = 0; i < n; i++) if (yTrue[i] === a || yTrue[i] === b) rows.push(i);
      const aTrue = Int32Array.from(rows, (i) => (yTrue[i] === a ? 1 : 0));
      const bTrue = Int32Array.from(rows, (i) => (yTrue[i] === b ? 1 : 0));
      const aScore = Float64Array.from(rows, (i) => proba.data[i * k + a]);
      const bScore = Float64Array.from(rows, (i) => proba.data[i * k + b]);
      pairScores.push((rocAucScore(aTrue, aScore) + rocAucScore(bTrue, bScore)) / 2);
      prevalence.push(rows.length / n);
    }
  }
  return average === 'weighted' ? weightedAverage(pairScores, prevalence) : numpyMean(pairScores);
}

/**
 * `roc_auc_score(y, P, multi_class=strategy, average=average)` for k ≥ 3
 * classes: OvR averages the k one-vs-rest AUCs (macro: plain mean; weighted:
 * by class support; micro: one AUC over all n·k indicator/probability pairs);
 * OvO averages the k(k−1)/2 pair scores (macro: plain mean; weighted: by the
 * share of rows in the pair). With two columns it is the binary AUC of
 * column 1, as scikit-learn's scorer computes it.
 */
export function rocAucMulticlass(
  yTrue: Int32Array,
  proba: ProbabilityMatrix,
  opts: { multiClass: MulticlassStrategy; average?: MulticlassAverage },
): number {
  const what = `ROC AUC (${opts.multiClass})`;
  if (proba.classes === 2) {
    checkSameLength(what, yTrue, { length: proba.rows });
    checkLabels(what, yTrue, 2);
    return rocAucScore(yTrue, probabilityColumn(proba, 1));
  }
  if (proba.classes < 2) throw new ApiError('bad-input', `${what}: needs at least two classes, got ${proba.classes}.`);
  const counts = checkMulticlassInput(what, yTrue, proba);
  const average = opts.average ?? 'macro';
  return opts.multiClass === 'ovr' ? ovrAuc(yTrue, proba, counts, average) : ovoAuc(yTrue, proba, average);
}

/**
 * `np.interp(x, xp, fp)` for increasing xp (ties allowed): at a tied xp the
 * value of the last tied point, between points the straight line, outside
 * the ends the end values, with NumPy's arithmetic.
 */
export function interp(x: ArrayLike<number>, xp: ArrayLike<number>, fp: ArrayLike<number>): Float64Array {
  const m = xp.length;
  if (m === 0 || fp.length !== m) throw new ApiError('bad-input', `interp: xp has ${m} points and fp ${fp.length}; they must be equal and non-empty.`);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (Number.isNaN(v)) {
      out[i] = v;
      continue;
    }
    if (v < xp[0]) {
      out[i] = fp[0];
      continue;
    }
    if (v > xp[m - 1]) {
      out[i] = fp[m - 1];
      continue;
    }
    // j: the last index with xp[j] <= v.
    let lo = 0;
    let hi = m;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (xp[mid] <= v) lo = mid;
      else hi = mid;
    }
    const j = lo;
    if (j === m - 1 || xp[j] === v) out[i] = fp[j];
    else {
      const slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
      let r = slope * (v - xp[j]) + fp[j];
      if (Number.isNaN(r)) {
        r = slope * (v - xp[j + 1]) + fp[j + 1];
        if (Number.isNaN(r) && fp[j] === fp[j + 1]) r = fp[j];
      }
      out[i] = r;
    }
  }
  return out;
}

export interface ClassCurves {
  /** The class index (its column in the probability matrix). */
  label: number;
  /** Rows of this class in the true labels. */
  support: number;
  /** This class against the rest, scored by its probability column. */
  roc: RocCurve;
  pr: PrecisionRecallCurve;
  /** Null when the class is absent from the true labels, or is every row (AUC undefined). */
  auc: number | null;
  /** Null when the class is absent from the true labels. */
  averagePrecision: number | null;
}

export interface MacroRoc {
  /** The union of the classes' false positive rates, increasing. */
  fpr: Float64Array;
  /** The mean over classes of each class's TPR interpolated at `fpr`. */
  tpr: Float64Array;
  /** Trapezoid area under (fpr, tpr); not the same as the mean of the class AUCs. */
  auc: number;
}

export interface OneVsRestCurves {
  perClass: ClassCurves[];
  /** Null unless every class has an AUC (each occurs, and none is every row). */
  macroRoc: MacroRoc | null;
  /** Mean of the class AUCs (`roc_auc_ovr` with macro average); null as macroRoc. */
  macroAuc: number | null;
  /** Mean of the class average precisions; null when a class is absent. */
  macroAveragePrecision: number | null;
}

/**
 * `macroRoc` from per-class ROC curves: all_fpr = np.unique(concatenated
 * FPRs), mean_tpr = (Σ_c np.interp(all_fpr, fpr_c, tpr_c)) / k, AUC by the
 * trapezoid rule (scikit-learn's "Multiclass ROC" example).
 */
export function macroAverageRoc(curves: readonly { fpr: ArrayLike<number>; tpr: ArrayLike<number> }[]): MacroRoc {
  if (curves.length === 0) throw new ApiError('bad-input', 'macroAverageRoc: there are no curves to average.');
  const all = new Set<number>();
  for (const c of curves) for (let i = 0; i < c.fpr.length; i++) all.add(c.fpr[i]);
  const fpr = Float64Array.from([...all].sort((a, b) => a - b));
  checkFinite('macroAverageRoc', fpr);
  const tpr = new Float64Array(fpr.length);
  for (const c of curves) {
    const t = interp(fpr, c.fpr, c.tpr);
    for (let i = 0; i < tpr.length; i++) tpr[i] += t[i];
  }
  for (let i = 0; i < tpr.length; i++) tpr[i] /= curves.length;
  return { fpr, tpr, auc: trapezoid(fpr, tpr) };
}

/**
 * One-vs-rest ROC and precision–recall curves of every class, with each
 * class's AUC and average precision and the macro averages the views show.
 * Works for k = 2 too (two curves, each class against the other).
 */
export function oneVsRestCurves(yTrue: Int32Array, proba: ProbabilityMatrix): OneVsRestCurves {
  const k = proba.classes;
  checkSameLength('oneVsRestCurves', yTrue, { length: proba.rows });
  checkLabels('oneVsRestCurves', yTrue, k);
  if (proba.rows === 0) throw new ApiError('bad-input', 'oneVsRestCurves: there are no rows to score.');
  const counts = classCounts(yTrue, k);
  const perClass: ClassCurves[] = [];
  for (let c = 0; c < k; c++) {
    const y = indicator(yTrue, c);
    const s = probabilityColumn(proba, c);
    const defined = counts[c] > 0 && counts[c] < yTrue.length;
    perClass.push({
      label: c,
      support: counts[c],
      roc: rocCurve(y, s),
      pr: precisionRecallCurve(y, s),
      auc: defined ? rocAucScore(y, s) : null,
      averagePrecision: counts[c] > 0 ? averagePrecision(y, s) : null,
    });
  }
  const allDefined = perClass.every((c) => c.auc !== null);
  const aps = perClass.map((c) => c.averagePrecision);
  return {
    perClass,
    macroRoc: allDefined ? macroAverageRoc(perClass.map((c) => c.roc)) : null,
    macroAuc: allDefined ? numpyMean(perClass.map((c) => c.auc!)) : null,
    macroAveragePrecision: aps.every((a) => a !== null) ? numpyMean(aps as number[]) : null,
  };
}
