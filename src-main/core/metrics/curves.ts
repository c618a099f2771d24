/**
 * Threshold curves of a binary scorer, as scikit-learn 1.2 computes them:
 * ROC (false/true positive rates), its area, the precision–recall curve and
 * average precision. Row i is positive when yTrue[i] === posLabel (default 1);
 * a higher score means "more positive".
 */
import { ApiError } from '../api/errors';
import { checkFinite, checkSameLength, numpySum } from './numeric';

export interface CurveOptions {
  /** The class counted as positive; default 1. */
  posLabel?: number;
}

interface BinaryClfCurve {
  /** False and true positives among rows with score ≥ thresholds[i]. */
  fps: number[];
  tps: number[];
  /** The distinct scores, decreasing. */
  thresholds: number[];
}

/**
 * `_binary_clf_curve`: sort by decreasing score and count, at the last row of
 * each group of tied scores, the positives (tps) and negatives (fps) seen so
 * far. Ties therefore move the curve diagonally in one step.
 */
function binaryClfCurve(what: string, yTrue: Int32Array, scores: ArrayLike<number>, posLabel: number): BinaryClfCurve {
  checkSameLength(what, yTrue, scores);
  checkFinite(what, scores);
  const n = yTrue.length;
  if (n === 0) throw new ApiError('bad-input', `${what}: there are no rows to score.`);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const fps: number[] = [];
  const tps: number[] = [];
  const thresholds: number[] = [];
  let tp = 0;
  for (let r = 0; r < n; r++) {
    const i = order[r];
    if (yTrue[i] === posLabel) tp++;
    if (r === n - 1 || scores[order[r + 1]] !== scores[i]) {
      tps.push(tp);
      fps.push(r + 1 - tp);
      thresholds.push(scores[i]);
    }
  }
  return { fps, tps, thresholds };
}

export interface RocCurve {
  fpr: Float64Array;
  tpr: Float64Array;
  /**
   * Decreasing; thresholds[i] gives (fpr[i], tpr[i]) when predicting positive
   * for score ≥ thresholds[i]. thresholds[0] = max(score) + 1 predicts nothing
   * positive (scikit-learn 1.2; later versions use +∞).
   */
  thresholds: Float64Array;
}

/**
 * `roc_curve(y_true, y_score, drop_intermediate=True)`: fpr = FP/N and
 * tpr = TP/P at each distinct score, with points collinear with both
 * neighbours dropped (where the second differences of both FP and TP are 0),
 * and (0, 0) prepended. fpr (tpr) is all NaN when there is no negative
 * (positive) row, where scikit-learn warns.
 */
export function rocCurve(
  yTrue: Int32Array,
  scores: ArrayLike<number>,
  opts: CurveOptions & { dropIntermediate?: boolean } = {},
): RocCurve {
  let { fps, tps, thresholds } = binaryClfCurve('rocCurve', yTrue, scores, opts.posLabel ?? 1);
  if ((opts.dropIntermediate ?? true) && fps.length > 2) {
    const keep: number[] = [];
    for (let i = 0; i < fps.length; i++) {
      if (i === 0 || i === fps.length - 1) keep.push(i);
      else if (fps[i + 1] - 2 * fps[i] + fps[i - 1] !== 0 || tps[i + 1] - 2 * tps[i] + tps[i - 1] !== 0) keep.push(i);
    }
    fps = keep.map((i) => fps[i]);
    tps = keep.map((i) => tps[i]);
    thresholds = keep.map((i) => thresholds[i]);
  }
  fps = [0, ...fps];
  tps = [0, ...tps];
  thresholds = [thresholds[0] + 1, ...thresholds];
  const lastF = fps[fps.length - 1];
  const lastT = tps[tps.length - 1];
  return {
    fpr: Float64Array.from(fps, (v) => (lastF <= 0 ? NaN : v / lastF)),
    tpr: Float64Array.from(tps, (v) => (lastT <= 0 ? NaN : v / lastT)),
    thresholds: Float64Array.from(thresholds),
  };
}

/**
 * Area under a curve by the trapezoid rule, Σ (x[i+1] − x[i])·(y[i+1] + y[i])/2,
 * summed in NumPy's order (`np.trapz`); x must be increasing.
 */
export function trapezoid(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const terms = new Float64Array(Math.max(0, x.length - 1));
  for (let i = 0; i < terms.length; i++) terms[i] = ((x[i + 1] - x[i]) * (y[i + 1] + y[i])) / 2;
  return numpySum(terms);
}

/**
 * Binary ROC AUC (`roc_auc_score`): the trapezoid area under `rocCurve`.
 * Tied scores form one diagonal step, so a positive–negative tie counts ½,
 * as in the Mann–Whitney statistic. Undefined with only one class present.
 */
export function rocAucScore(yTrue: Int32Array, scores: ArrayLike<number>, opts: CurveOptions = {}): number {
  const pos = opts.posLabel ?? 1;
  let nPos = 0;
  for (const v of yTrue) if (v === pos) nPos++;
  if (nPos === 0 || nPos === yTrue.length) {
    throw new ApiError('bad-input', 'ROC AUC is not defined when only one class is present in the true labels.');
  }
  const { fpr, tpr } = rocCurve(yTrue, scores, opts);
  return trapezoid(fpr, tpr);
}

export interface PrecisionRecallCurve {
  /** precision[i], recall[i] for score ≥ thresholds[i]; the last point is (recall 0, precision 1). */
  precision: Float64Array;
  recall: Float64Array;
  /** Every distinct score, increasing (one fewer than precision and recall). */
  thresholds: Float64Array;
}

/**
 * `precision_recall_curve` of scikit-learn 1.2: precision = TP/(TP+FP) and
 * recall = TP/P at every distinct score, ordered by increasing threshold, then
 * precision 1 and recall 0 appended. scikit-learn 1.2 keeps every threshold
 * (earlier versions stopped once recall reached 1). With no positive row,
 * recall is 1 everywhere (scikit-learn warns).
 */
export function precisionRecallCurve(yTrue: Int32Array, scores: ArrayLike<number>, opts: CurveOptions = {}): PrecisionRecallCurve {
  const { fps, tps, thresholds } = binaryClfCurve('precisionRecallCurve', yTrue, scores, opts.posLabel ?? 1);
  const m = tps.length;
  const lastT = tps[m - 1];
  const precision = new Float64Array(m + 1);
  const recall = new Float64Array(m + 1);
  const th = new Float64Array(m);
  for (let r = 0; r < m; r++) {
    const i = m - 1 - r;
    const ps = tps[i] + fps[i];
    precision[r] = ps === 0 ? 0 : tps[i] / ps;
    recall[r] = lastT === 0 ? 1 : tps[i] / lastT;
    th[r] = thresholds[i];
  }
  precision[m] = 1;
  recall[m] = 0;
  return { precision, recall, thresholds: th };
}

/**
 * Average precision (`average_precision_score`): AP = Σ_n (R_n − R_{n−1})·P_n
 * over the precision–recall curve, a step-wise sum (no interpolation, not the
 * trapezoid rule).
 */
export function averagePrecision(yTrue: Int32Array, scores: ArrayLike<number>, opts: CurveOptions = {}): number {
  const { precision, recall } = precisionRecallCurve(yTrue, scores, opts);
  const terms = new Float64Array(recall.length - 1);
  for (let i = 0; i < terms.length; i++) terms[i] = (recall[i + 1] - recall[i]) * precision[i];
  return -numpySum(terms);
}
