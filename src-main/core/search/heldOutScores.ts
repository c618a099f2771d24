import type { ProbabilityMatrix } from '../ml/types';
import type { HeldOutScores } from './runRecord';

/** Held-out rows as the record keeps them: p(positive) for two classes, the whole matrix for more (see HeldOutScores). */
export function heldOutScores(y: Int32Array, proba: ProbabilityMatrix): HeldOutScores {
  if (proba.classes > 2) return { y: Array.from(y), score: [], proba: Array.from(proba.data) };
  const score = new Array<number>(proba.rows);
  for (let i = 0; i < proba.rows; i++) score[i] = proba.data[i * proba.classes + 1];
  return { y: Array.from(y), score };
}
