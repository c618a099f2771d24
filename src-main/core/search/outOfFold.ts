/**
 * Out-of-fold predictions, as scikit-learn's `cross_val_predict(method=
 * 'predict_proba')` gives them: each training row scored by the one fold
 * model that did not see it. A grid search already fits those models for
 * every candidate, so collecting their held-out scores costs no fit.
 */
import type { HeldOutScores } from './runRecord';

export class OutOfFoldScores {
  private readonly byCandidate = new Map<number, Float64Array>();

  constructor(private readonly rows: number) {}

  /** p(positive) of the held-out rows `rows` of one fold, for one candidate. */
  add(candidate: number, rows: ArrayLike<number>, scores: ArrayLike<number>): void {
    let out = this.byCandidate.get(candidate);
    if (!out) {
      out = new Float64Array(this.rows).fill(NaN);
      this.byCandidate.set(candidate, out);
    }
    for (let i = 0; i < rows.length; i++) out[rows[i]] = scores[i];
  }

  /** The candidate's out-of-fold scores with the true classes, or null when a fold is missing (it failed). */
  scores(candidate: number, y: ArrayLike<number>): HeldOutScores | null {
    const s = this.byCandidate.get(candidate);
    if (!s || s.some((v) => Number.isNaN(v))) return null;
    return { y: Array.from(y), score: Array.from(s) };
  }
}
