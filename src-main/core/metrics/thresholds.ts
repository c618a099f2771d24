/**
 * Turning scores into decisions: class predictions from probabilities, the
 * binary confusion at a chosen threshold, and the strictest threshold that
 * still reaches a target recall.
 */
import { ApiError } from '../api/errors';
import type { ProbabilityMatrix } from '../ml/types';
import { checkFinite, checkSameLength } from './numeric';

/**
 * ŷ_i = argmax_c proba[i][c], ties going to the lowest class index (NumPy's
 * `argmax`). This is what scikit-learn's forests and gradient boosting
 * `predict` do (`classes_[argmax(predict_proba)]`). Binary
 * `LogisticRegression.predict` instead predicts class 1 when its decision
 * function is > 0, i.e. p₁ > 0.5 strictly; argmax with ties to class 0 agrees
 * (p₁ = 0.5 → class 0) except when p₁ rounds to exactly 0.5 from a decision
 * value that is a hair above 0 (|z| < ~1e-16).
 */
export function predictFromProba(proba: ProbabilityMatrix): Int32Array {
  const { rows, classes: k, data } = proba;
  const out = new Int32Array(rows);
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
  /** A row is predicted positive when its score ≥ threshold. */
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
 * Confusion counts and the usual ratios when predicting positive for
 * score ≥ threshold (the convention of `roc_curve` and
 * `precision_recall_curve` thresholds). Note that a model's own `predict` is
 * not always this rule at 0.5: see `predictFromProba`.
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
    if (scoreOfPositive[i] >= threshold) {
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

/**
 * The strictest cut that still reaches a target recall: among the observed
 * scores t (the thresholds of `precisionRecallCurve`), the highest t with
 * recall(score ≥ t) ≥ targetRecall, and the confusion there. Recall only
 * falls as t rises, so this is the threshold with the fewest false positives
 * (the best precision of those reaching the target). The UI's "lowest
 * threshold reaching recall ≥ X" means this cut; "lowest" would otherwise
 * suggest the smallest score, which always reaches recall 1.
 *
 * A target of 0 gives the highest score; a target above 1 cannot be met
 * (returns null). Throws when there is no positive row (recall undefined).
 */
export function strictestThresholdForRecall(
  yTrue: Int32Array,
  scores: ArrayLike<number>,
  targetRecall: number,
  posLabel = 1,
): BinaryConfusion | null {
  checkSameLength('strictestThresholdForRecall', yTrue, scores);
  checkFinite('strictestThresholdForRecall', scores);
  const n = yTrue.length;
  let nPos = 0;
  for (const v of yTrue) if (v === posLabel) nPos++;
  if (nPos === 0) throw new ApiError('bad-input', 'Recall is not defined when there is no positive row.');
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  let tp = 0;
  for (let r = 0; r < n; r++) {
    const i = order[r];
    if (yTrue[i] === posLabel) tp++;
    const endOfTies = r === n - 1 || scores[order[r + 1]] !== scores[i];
    if (endOfTies && tp / nPos >= targetRecall) {
      const fp = r + 1 - tp;
      return binaryConfusion(scores[i], tp, fp, n - nPos - fp, nPos - tp);
    }
  }
  return null;
}

/**
 * The UI's "lowest threshold reaching recall ≥ X": the same function as
 * `strictestThresholdForRecall` (see there for why "lowest" means strictest).
 */
export const lowestThresholdForRecall = strictestThresholdForRecall;
