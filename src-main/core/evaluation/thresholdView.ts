/**
 * What the Run view's threshold slider shows: the decision rule in words, the
 * confusion at a chosen cut, and the strictest cut that reaches a recall
 * target (in words). Every count here follows `predictsPositive`, the rule
 * of the stored matrices, so at 0.5 the slider shows the stored run.
 */
import { ApiError } from '../api/errors';
import { confusionAtThreshold, predictsPositive, strictestThresholdForRecall, type RecallCut } from '../metrics/thresholds';
import type { HeldOutScores } from '../search/runRecord';
import { formatCount, formatMetric, formatShare, formatTarget, formatThreshold } from './format';
import { nounOf, type ClassNouns, type Noun } from './quadrants';
import { classificationReport, type ClassificationReport } from '../metrics/classificationReport';
import type { BinaryConfusion } from '../metrics/thresholds';

export interface ThresholdMetrics extends BinaryConfusion {
  /** Rows actual, columns predicted, in classes order [negative, positive]: [[tn, fp], [fn, tp]]. */
  matrix: [[number, number], [number, number]];
}

/** A cut flagging at least this share of the negative rows flags "nearly every row". */
export const NEARLY_EVERY_ROW = 0.95;

export interface RecallTarget {
  target: number;
  /** The confusion at the strictest threshold reaching the target; null when none can. */
  confusion: RecallCut | null;
  /**
   * Where the slider goes; null when it stays: no cut reaches the target, or
   * the cut flags (nearly) every row, which is said instead of shown.
   */
  moveTo: number | null;
  /** The cut flags every row, or at least NEARLY_EVERY_ROW of the negatives. */
  degenerate: 'everyRow' | 'nearlyEveryRow' | null;
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

/** The confusion when a row is predicted positive for score > threshold, and the same counts as a 2×2 matrix. */
export function thresholdMetrics(scores: HeldOutScores, threshold: number): ThresholdMetrics {
  const y = checkScores(scores, 'thresholdMetrics');
  checkUnit(threshold, 'threshold', 'thresholdMetrics');
  const c = confusionAtThreshold(y, scores.score, threshold);
  return { ...c, matrix: [[c.tn, c.fp], [c.fn, c.tp]] };
}

/** "Predict “claim” when p(claim) > 0.500; a tie at exactly 0.500 goes to “opinion”." */
export function decisionRuleText(classes: readonly [string, string] | readonly string[], threshold: number): string {
  const neg = classes[0] ?? 'negative';
  const pos = classes[1] ?? 'positive';
  const t = formatThreshold(threshold);
  return `Predict “${pos}” when p(${pos}) > ${t}; a tie at exactly ${t} goes to “${neg}”.`;
}

function nouns(classes: readonly string[], what?: ClassNouns): [Noun, Noun] {
  // Only the plural is used below, so a caller's plural phrase needs no singular.
  if (what) return [{ one: what.negative, many: what.negative }, { one: what.positive, many: what.positive }];
  return [nounOf(classes[0] ?? 'negative'), nounOf(classes[1] ?? 'positive')];
}

/**
 * The strictest threshold whose recall reaches `targetRecall` (exactly
 * `strictestThresholdForRecall`'s, so the slider lands on the cut the curves
 * mark), with a sentence saying what it catches and what it costs. A cut
 * that flags every row, or nearly every negative, answers the question only
 * formally: it is said plainly and `moveTo` is null, so the slider stays.
 * `on` names the rows the threshold is tuned on ("the validation set").
 */
export function recallTarget(
  scores: HeldOutScores,
  targetRecall: number,
  classes: readonly [string, string] | readonly string[] = ['negative', 'positive'],
  what?: ClassNouns,
  on?: string,
): RecallTarget {
  const y = checkScores(scores, 'recallTarget');
  checkUnit(targetRecall, 'recall target', 'recallTarget');
  const [neg, pos] = nouns(classes, what);
  const target = formatTarget(targetRecall);
  const where = on ? `On ${on}, ` : '';
  const cap = (t: string) => (where ? t : t[0].toUpperCase() + t.slice(1));
  const none = (sentence: string): RecallTarget => ({ target: targetRecall, confusion: null, moveTo: null, degenerate: null, sentence });
  const positives = y.reduce((s, v) => s + v, 0);
  if (positives === 0) return none(`${where}${cap(`there are no ${pos.many} among these rows, so no threshold has a recall and none can reach ≥ ${target}.`)}`);
  const hit = strictestThresholdForRecall(y, scores.score, targetRecall);
  if (!hit) return none(`${where}${cap(`no threshold reaches recall ≥ ${target}.`)}`);
  const negatives = y.length - positives;
  const result = (moveTo: number | null, degenerate: RecallTarget['degenerate'], sentence: string): RecallTarget => ({ target: targetRecall, confusion: hit, moveTo, degenerate, sentence: `${where}${cap(sentence)}` });
  if (hit.flagsEveryRow) {
    const all = `reaching recall ≥ ${target} needs flagging every row${negatives === 0 ? '' : negatives === 1 ? `, the one ${neg.one} included` : `, all ${formatCount(negatives)} ${neg.many} included`}`;
    const why =
      hit.threshold === null
        ? `, and some ${pos.many} score 0, which no threshold from 0 to 1 flags`
        : ` (any threshold below ${formatThreshold(minScore(scores.score))}): the same as flagging everything without a model`;
    return result(null, 'everyRow', `${all}${why}. The slider stays where it was.`);
  }
  const threshold = hit.threshold!;
  if (negatives > 0 && hit.fp >= NEARLY_EVERY_ROW * negatives) {
    return result(
      null,
      'nearlyEveryRow',
      `reaching recall ≥ ${target} needs a threshold of ${formatThreshold(threshold)}, which flags ${formatCount(hit.fp)} of ${formatCount(negatives)} ${neg.many} (${formatShare(hit.fp, negatives)}): nearly every row. The slider stays where it was.`,
    );
  }
  const flagged = negatives === 0 ? `there are no ${neg.many} to flag` : `flags ${formatCount(hit.fp)} of ${formatCount(negatives)} ${neg.many}`;
  return result(
    threshold,
    null,
    `the strictest threshold reaching recall ≥ ${target} is ${formatThreshold(threshold)}: ` +
      `it catches ${formatCount(hit.tp)} of ${formatCount(positives)} ${pos.many} (recall ${formatMetric(hit.recall)}) and ${flagged}.`,
  );
}

function minScore(score: ArrayLike<number>): number {
  let m = Infinity;
  for (let i = 0; i < score.length; i++) if (score[i] < m) m = score[i];
  return m;
}

/** scikit-learn's classification_report of the predictions at a threshold (score > threshold is positive). */
export function reportAtThreshold(scores: HeldOutScores, threshold: number): ClassificationReport {
  const y = checkScores(scores, 'reportAtThreshold');
  checkUnit(threshold, 'threshold', 'reportAtThreshold');
  const pred = Int32Array.from(scores.score, (v) => (predictsPositive(v, threshold) ? 1 : 0));
  return classificationReport(y, pred, 2);
}
