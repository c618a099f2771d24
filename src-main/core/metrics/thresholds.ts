/**
 * Turning scores into decisions: the one decision rule every view uses, class
 * predictions from probabilities, the binary confusion at a chosen threshold,
 * and the strictest threshold that still reaches a target recall.
 */
import { ApiError } from '../api/errors';
import type { ProbabilityMatrix } from '../ml/types';
import { checkFinite, checkSameLength } from './numeric';

/** The threshold a model's own `predict` uses, and where the Runs slider starts. */
export const DEFAULT_THRESHOLD = 0.5;

/**
 * The decision rule: a row is predicted positive iff its score is above the
 * threshold, so a tie at exactly the threshold goes to the negative class.
 * At 0.5 this is scikit-learn's binary `predict` (`classes_[argmax(proba)]`,
 * NumPy's argmax sending a tie to class 0, the negative one in Assay's
 * `[negative, positive]` order; `LogisticRegression` predicts 1 iff its
 * decision value is > 0). Forests with an even number of trees score exactly
 * 0.5 often, so the side of the tie is visible in the matrices.
 */
export function predictsPositive(score: number, threshold: number): boolean {
  return score > threshold;
}

/**
 * Class predictions. Binary: `predictsPositive(p₁, 0.5)`, the rule the slider
 * uses, so the stored matrices and the slider at its default agree; it equals
 * argmax with ties to class 0 whenever p₀ = 1 − p₁ (as every model here
 * computes it). More classes: argmax, ties to the lowest class index.
 */
export function predictFromProba(proba: ProbabilityMatrix): Int32Array {
  const { rows, classes: k, data } = proba;
  const out = new Int32Array(rows);
  if (k === 2) {
    for (let i = 0; i < rows; i++) out[i] = predictsPositive(data[i * 2 + 1], DEFAULT_THRESHOLD) ? 1 : 0;
    return out;
  }
  for (let i = 0; i < rows; i++) {
    let best = 0;
    let bestP = data[i * k];
    for (let c = 1; c < k; c++) {
      const p = data[i * k + c];
      if (p > bestP) {
        best = c;
        bestP = p;
      }
    }
    out[i] = best;
  }
  return out;
}

export interface BinaryConfusion {
  /** A row is predicted positive when its score > threshold (`predictsPositive`). */
  threshold: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  /** TP/(TP+FP); 0 when nothing is predicted positive (scikit-learn's zero-division value). */
  precision: number;
  /** TP/(TP+FN); 0 when there is no positive row. */
  recall: number;
  /** 2·P·R/(P+R); 0 when P+R = 0. */
  f1: number;
  /** (TP+TN)/n. */
  accuracy: number;
  /** FP/(FP+TN), the false positive rate; 0 when there is no negative row. */
  falsePositiveRate: number;
}

/**
 * Confusion counts and the usual ratios when predicting positive by
 * `predictsPositive` (score > threshold). At 0.5 this is the model's own
 * `predict`, the matrix stored in the run. (`roc_curve` lists thresholds with
 * score ≥ t; the same point of the curve is reached here with any t between
 * the next lower score and that one.)
 */
export function confusionAtThreshold(
  yTrue: Int32Array,
  scoreOfPositive: ArrayLike<number>,
  threshold: number,
  posLabel = 1,
): BinaryConfusion {
  checkSameLength('confusionAtThreshold', yTrue, scoreOfPositive);
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const positive = yTrue[i] === posLabel;
    if (predictsPositive(scoreOfPositive[i], threshold)) {
      if (positive) tp++;
      else fp++;
    } else if (positive) fn++;
    else tn++;
  }
  return binaryConfusion(threshold, tp, fp, tn, fn);
}

function binaryConfusion(threshold: number, tp: number, fp: number, tn: number, fn: number): BinaryConfusion {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const denom = precision + recall;
  return {
    threshold,
    tp,
    fp,
    tn,
    fn,
    precision,
    recall,
    f1: (2 * precision * recall) / (denom === 0 ? 1 : denom),
    accuracy: (tp + tn) / (tp + fp + tn + fn),
    falsePositiveRate: fp + tn === 0 ? 0 : fp / (fp + tn),
  };
}

/** The strictest cut reaching a recall target; `threshold` is null when only flagging every row reaches it and some row scores 0 (no threshold in 0–1 is below it). */
export interface RecallCut extends Omit<BinaryConfusion, 'threshold'> {
  threshold: number | null;
  /** The cut flags every row: the target asks for more than the scores can separate. */
  flagsEveryRow: boolean;
}

/**
 * The strictest cut that still reaches a target recall: the highest threshold
 * t in 0–1 with recall(score > t) ≥ targetRecall, and the confusion there.
 * Recall only falls as t rises, so this cut has the fewest false positives
 * (the best precision of those reaching the target). Every t from the next
 * lower score up to (not including) the last score flagged gives the same
 * matrix; the answer is that lower score (or 0 below the lowest), a value
 * the slider can be set to exactly.
 *
 * A target of 0 gives the top score (nothing flagged); a target above 1
 * cannot be met (returns null). Throws when there is no positive row.
 */
export function strictestThresholdForRecall(
  yTrue: Int32Array,
  scores: ArrayLike<number>,
  targetRecall: number,
  posLabel = 1,
): RecallCut | null {
  checkSameLength('strictestThresholdForRecall', yTrue, scores);
  checkFinite('strictestThresholdForRecall', scores);
  const n = yTrue.length;
  let nPos = 0;
  for (const v of yTrue) if (v === posLabel) nPos++;
  if (nPos === 0) throw new ApiError('bad-input', 'Recall is not defined when there is no positive row.');
  if (!(targetRecall <= 1)) return null;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const cut = (threshold: number | null, tp: number, flagged: number): RecallCut => {
    const fp = flagged - tp;
    return { ...binaryConfusion(0, tp, fp, n - nPos - fp, nPos - tp), threshold, flagsEveryRow: flagged === n };
  };
  if (targetRecall <= 0) return cut(Math.min(1, scores[order[0]]), 0, 0);
  let tp = 0;
  for (let r = 0; r < n; r++) {
    const i = order[r];
    if (yTrue[i] === posLabel) tp++;
    const last = r === n - 1;
    if (!last && scores[order[r + 1]] === scores[i]) continue;
    if (tp / nPos >= targetRecall) {
      const below = last ? (scores[i] > 0 ? 0 : null) : scores[order[r + 1]];
      return cut(below, tp, r + 1);
    }
  }
  return null;
}
