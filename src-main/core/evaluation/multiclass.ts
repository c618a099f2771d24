/**
 * The Run view's numbers for a target of more than two classes: the k×k
 * confusion matrix of the model's own predictions (argmax of the class
 * probabilities), its cells as counts, row shares or column shares, and the
 * per-class decision view "flag as banned when p(banned) ≥ t".
 * Held-out scores of a k-class run carry `proba` (row-major n×k) and class
 * indices in `y`; binary runs have no `proba` and keep their own views.
 */
import { ApiError } from '../api/errors';
import { confusionMatrix } from '../metrics/confusionMatrix';
import { classificationReport, type ClassificationReport } from '../metrics/classificationReport';
import { predictFromProba } from '../metrics/thresholds';
import type { HeldOutScores } from '../search/runRecord';
import { formatCount, formatShare, formatThreshold } from './format';

/** Held-out rows of a k-class run, checked: y[i] in 0..k−1, proba row-major n×k. */
export interface ClassScores {
  k: number;
  y: Int32Array;
  proba: Float64Array;
}

/** True for the held-out scores of a run with more than two classes. */
export function hasClassProbabilities(scores: HeldOutScores | null | undefined): scores is HeldOutScores & { proba: number[] } {
  return !!scores && Array.isArray((scores as { proba?: unknown }).proba);
}

/** Checks the stored k-class scores once, so a damaged record names the row that is wrong. */
export function classScores(scores: HeldOutScores, k: number, where: string): ClassScores {
  const proba = (scores as { proba?: unknown }).proba;
  if (!Number.isInteger(k) || k < 2) throw new ApiError('bad-input', `${where}: a target needs at least two classes, not ${String(k)}.`);
  if (!Array.isArray(scores?.y) || !Array.isArray(proba)) {
    throw new ApiError('bad-input', `${where}: the held-out scores need the classes y and the class probabilities proba.`);
  }
  const n = scores.y.length;
  if (proba.length !== n * k) {
    throw new ApiError('bad-input', `${where}: ${formatCount(n)} rows of ${k} classes need ${formatCount(n * k)} probabilities, but there are ${formatCount(proba.length)}.`);
  }
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = scores.y[i];
    if (!Number.isInteger(v) || v < 0 || v >= k) throw new ApiError('bad-input', `${where}: the class at row ${i + 1} is ${String(v)}; it must be a class index from 0 to ${k - 1}.`);
    y[i] = v;
  }
  const p = new Float64Array(n * k);
  for (let j = 0; j < proba.length; j++) {
    const v = proba[j];
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) {
      throw new ApiError('bad-input', `${where}: the probability at row ${Math.floor(j / k) + 1}, class ${(j % k) + 1} is ${String(v)}; probabilities run from 0 to 1.`);
    }
    p[j] = v;
  }
  return { k, y, proba: p };
}

/** The model's own predictions: the most probable class, a tie going to the lower class index (NumPy's argmax). */
export function predictedClasses(s: ClassScores): Int32Array {
  return predictFromProba({ rows: s.y.length, classes: s.k, data: s.proba });
}

/** Rows = actual class, columns = predicted, in `classes` order, as `confusion_matrix`. */
export function classConfusion(s: ClassScores): number[][] {
  return confusionMatrix(s.y, predictedClasses(s), s.k);
}

/** scikit-learn's classification_report of the model's own predictions. */
export function classReport(s: ClassScores): ClassificationReport {
  return classificationReport(s.y, predictedClasses(s), s.k);
}

/** What a matrix cell shows: the count, or its share of the actual class (row) or of the predicted class (column). */
export type MatrixShares = 'count' | 'row' | 'column';

export interface MatrixCell {
  count: number;
  /** Share of all rows. */
  share: number;
  /** Share of the row's actual class (recall on the diagonal). */
  rowShare: number;
  /** Share of the column's predicted class (precision on the diagonal). */
  columnShare: number;
  /** The number shown, by the chosen shares. */
  shown: number;
  /** Background shade 0–1 from the shown value. */
  shade: number;
  /** Actual = predicted. */
  correct: boolean;
}

/**
 * A k×k matrix as the view draws it. A class that never occurs (or is never
 * predicted) has shares of 0, as NumPy's `nan_to_num` of the normalized matrix.
 * Shades run to `scaleMax` when several matrices share a scale.
 */
export function matrixCells(matrix: readonly (readonly number[])[], shares: MatrixShares, scaleMax?: number): MatrixCell[][] {
  const k = matrix.length;
  if (k < 2 || matrix.some((r) => r.length !== k)) throw new ApiError('bad-input', `A confusion matrix must be square with at least two classes; this one is ${k}×${matrix[0]?.length ?? 0}.`);
  if (matrix.some((r) => r.some((v) => !Number.isFinite(v) || v < 0))) throw new ApiError('bad-input', 'Confusion matrix counts must be finite numbers ≥ 0.');
  const total = matrix.flat().reduce((a, b) => a + b, 0);
  const rowTotals = matrix.map((r) => r.reduce((a, b) => a + b, 0));
  const columnTotals = matrix[0].map((_, j) => matrix.reduce((a, r) => a + r[j], 0));
  const raw = matrix.map((r, i) =>
    r.map((count, j) => {
      const rowShare = rowTotals[i] ? count / rowTotals[i] : 0;
      const columnShare = columnTotals[j] ? count / columnTotals[j] : 0;
      return { count, share: total ? count / total : 0, rowShare, columnShare, shown: shares === 'row' ? rowShare : shares === 'column' ? columnShare : count, correct: i === j };
    }),
  );
  const max = scaleMax ?? Math.max(...raw.flat().map((c) => c.shown), 1e-12);
  return raw.map((r) => r.map((c) => ({ ...c, shade: max > 0 ? c.shown / max : 0 })));
}

/** One class against the rest as a binary problem: y = 1 for the class, score = p(class). */
export function oneVsRest(s: ClassScores, classIndex: number): { y: Int32Array; score: Float64Array } {
  checkClass(s.k, classIndex, 'oneVsRest');
  const n = s.y.length;
  const y = new Int32Array(n);
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = s.y[i] === classIndex ? 1 : 0;
    score[i] = s.proba[i * s.k + classIndex];
  }
  return { y, score };
}

function checkClass(k: number, classIndex: number, where: string): void {
  if (!Number.isInteger(classIndex) || classIndex < 0 || classIndex >= k) {
    throw new ApiError('bad-input', `${where}: class ${String(classIndex)} is not one of the ${k} classes (0 to ${k - 1}).`);
  }
}

/** The class with the fewest rows among these (the first on a tie): where the per-class view starts, as rare classes are the usual concern. */
export function rarestClass(s: ClassScores): number {
  const counts = new Array<number>(s.k).fill(0);
  for (const v of s.y) counts[v]++;
  let best = 0;
  for (let c = 1; c < s.k; c++) if (counts[c] < counts[best]) best = c;
  return best;
}

/** "Flag as “banned” when p(banned) ≥ 0.500." */
export function classRuleText(classes: readonly string[], classIndex: number, threshold: number): string {
  const name = classes[classIndex] ?? `class ${classIndex + 1}`;
  return `Flag as “${name}” when p(${name}) ≥ ${formatThreshold(threshold)}.`;
}

/** One class at a threshold of its own probability: what "flag as X when p(X) ≥ t" catches. */
export interface ClassCut {
  classIndex: number;
  threshold: number;
  rows: number;
  /** Rows of the class. */
  members: number;
  /** Rows with p(class) ≥ threshold. */
  flagged: number;
  /** Flagged rows of the class. */
  caught: number;
  /** caught / flagged; 0 when nothing is flagged (scikit-learn's zero-division value). */
  precision: number;
  /** caught / members; 0 when the class has no row. */
  recall: number;
  /** What the flagged rows are, by actual class (the column of this cut in a one-class matrix). */
  flaggedByClass: number[];
  sentence: string;
}

/**
 * "Flag as banned when p(banned) ≥ t": rows flagged, and that class's
 * precision and recall among them. Each class is judged on its own
 * probability, so a row can be flagged for two classes at a low t, and the
 * counts at t are not the argmax matrix's (which the matrix above shows).
 */
export function classAtThreshold(s: ClassScores, classes: readonly string[], classIndex: number, threshold: number): ClassCut {
  checkClass(s.k, classIndex, 'classAtThreshold');
  if (typeof threshold !== 'number' || !(threshold >= 0 && threshold <= 1)) {
    throw new ApiError('bad-input', `classAtThreshold: the threshold is ${String(threshold)}; it must be a number from 0 to 1.`);
  }
  const n = s.y.length;
  const flaggedByClass = new Array<number>(s.k).fill(0);
  let members = 0;
  let flagged = 0;
  for (let i = 0; i < n; i++) {
    if (s.y[i] === classIndex) members++;
    if (s.proba[i * s.k + classIndex] >= threshold) {
      flagged++;
      flaggedByClass[s.y[i]]++;
    }
  }
  const caught = flaggedByClass[classIndex];
  const name = classes[classIndex] ?? `class ${classIndex + 1}`;
  const others = flagged - caught;
  const sentence =
    flagged === 0
      ? `At p(${name}) ≥ ${formatThreshold(threshold)} no row is flagged as “${name}”.`
      : `At p(${name}) ≥ ${formatThreshold(threshold)}, ${formatCount(flagged)} of ${formatCount(n)} rows are flagged as “${name}”: ` +
        `${members === 0 ? 'there is no actual “' + name + '” row among them' : `${formatCount(caught)} of the ${formatCount(members)} actual “${name}” rows (${formatShare(caught, members)})`}` +
        `${others > 0 ? ` and ${formatCount(others)} ${others === 1 ? 'row' : 'rows'} of other classes` : ''}.`;
  return {
    classIndex,
    threshold,
    rows: n,
    members,
    flagged,
    caught,
    precision: flagged ? caught / flagged : 0,
    recall: members ? caught / members : 0,
    flaggedByClass,
    sentence,
  };
}
