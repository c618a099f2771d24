/**
 * What the Run view's threshold slider shows: the confusion at a chosen
 * cut, the strictest cut that reaches a recall target (in words), and the
 * cuts worth snapping to.
 */
import { ApiError } from '../api/errors';
import { confusionAtThreshold, strictestThresholdForRecall, type BinaryConfusion } from '../metrics/thresholds';
import type { HeldOutScores } from '../search/runRecord';
import { formatCount, formatMetric, formatTarget, formatThreshold } from './format';
import { nounOf, type ClassNouns, type Noun } from './quadrants';
import { classificationReport, type ClassificationReport } from '../metrics/classificationReport';

export interface ThresholdMetrics extends BinaryConfusion {
  /** Rows actual, columns predicted, in classes order [negative, positive]: [[tn, fp], [fn, tp]]. */
  matrix: [[number, number], [number, number]];
}

export interface RecallTarget {
  target: number;
  /** The confusion at the strictest threshold reaching the target; null when none can. */
  confusion: BinaryConfusion | null;
  sentence: string;
}

/** Checks the held-out scores once, so every failure names the row it is at. */
function checkScores(scores: HeldOutScores, where: string): Int32Array {
  const { y, score } = scores;
  if (typeof y?.length !== 'number' || typeof score?.length !== 'number') throw new ApiError('bad-input', `${where}: the held-out scores need arrays y and score.`);
  if (y.length !== score.length) {
    throw new ApiError('bad-input', `${where}: the held-out scores have ${y.length} classes but ${score.length} scores; they must be the same length.`);
  }
  const out = new Int32Array(y.length);
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 0 && y[i] !== 1) throw new ApiError('bad-input', `${where}: the class at row ${i + 1} is ${String(y[i])}; it must be 0 (negative) or 1 (positive).`);
    const s = score[i];
    if (typeof s !== 'number' || !(s >= 0 && s <= 1)) {
      throw new ApiError('bad-input', `${where}: the score at row ${i + 1} is ${String(s)}; scores are probabilities from 0 to 1.`);
    }
    out[i] = y[i];
  }
  return out;
}

function checkUnit(value: number, what: string, where: string): void {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new ApiError('bad-input', `${where}: the ${what} is ${String(value)}; it must be a number from 0 to 1.`);
  }
}

/** The confusion when a row is predicted positive for score ≥ threshold, and the same counts as a 2×2 matrix. */
export function thresholdMetrics(scores: HeldOutScores, threshold: number): ThresholdMetrics {
  const y = checkScores(scores, 'thresholdMetrics');
  checkUnit(threshold, 'threshold', 'thresholdMetrics');
  const c = confusionAtThreshold(y, scores.score, threshold);
  return { ...c, matrix: [[c.tn, c.fp], [c.fn, c.tp]] };
}

function nouns(classes: readonly string[], what?: ClassNouns): [Noun, Noun] {
  // Only the plural is used below, so a caller's plural phrase needs no singular.
  if (what) return [{ one: what.negative, many: what.negative }, { one: what.positive, many: what.positive }];
  return [nounOf(classes[0] ?? 'negative'), nounOf(classes[1] ?? 'positive')];
}

/**
 * The strictest threshold whose recall reaches `targetRecall` (exactly
 * `strictestThresholdForRecall`'s, so the slider lands on the cut the curves
 * mark), with a sentence saying what it catches and what it costs.
 */
export function recallTarget(
  scores: HeldOutScores,
  targetRecall: number,
  classes: readonly [string, string] | readonly string[] = ['negative', 'positive'],
  what?: ClassNouns,
): RecallTarget {
  const y = checkScores(scores, 'recallTarget');
  checkUnit(targetRecall, 'recall target', 'recallTarget');
  const [neg, pos] = nouns(classes, what);
  const target = formatTarget(targetRecall);
  const positives = y.reduce((s, v) => s + v, 0);
  if (positives === 0) {
    return {
      target: targetRecall,
      confusion: null,
      sentence: `There are no ${pos.many} among these rows, so no threshold has a recall and none can reach ≥ ${target}.`,
    };
  }
  const hit = strictestThresholdForRecall(y, scores.score, targetRecall);
  if (!hit) {
    return { target: targetRecall, confusion: null, sentence: `No threshold reaches recall ≥ ${target}.` };
  }
  const negatives = y.length - positives;
  const flagged = negatives === 0 ? `there are no ${neg.many} to flag` : `flags ${formatCount(hit.fp)} of ${formatCount(negatives)} ${neg.many}`;
  return {
    target: targetRecall,
    confusion: hit,
    sentence:
      `The strictest threshold reaching recall ≥ ${target} is ${formatThreshold(hit.threshold)}: ` +
      `it catches ${formatCount(hit.tp)} of ${formatCount(positives)} ${pos.many} (recall ${formatMetric(hit.recall)}) and ${flagged}.`,
  };
}

/** scikit-learn's classification_report of the predictions at a threshold (score ≥ threshold is positive). */
export function reportAtThreshold(scores: HeldOutScores, threshold: number): ClassificationReport {
  const y = checkScores(scores, 'reportAtThreshold');
  checkUnit(threshold, 'threshold', 'reportAtThreshold');
  const pred = Int32Array.from(scores.score, (v) => (v >= threshold ? 1 : 0));
  return classificationReport(y, pred, 2);
}
