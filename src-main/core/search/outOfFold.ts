/**
 * Out-of-fold predictions, as scikit-learn's `cross_val_predict(method=
 * 'predict_proba')` gives them: each training row scored by the one fold
 * model that did not see it. A grid search already fits those models for
 * every candidate, so collecting their held-out scores costs no fit.
 */
import type { HeldOutScores } from './runRecord';

export class OutOfFoldScores {
  private readonly byCandidate = new Map<number, Float64Array>();
  /** Values kept per row: p(positive) alone for two classes, every class's probability for more. */
  private readonly width: number;

  constructor(
    private readonly rows: number,
    classes = 2,
  ) {
    this.width = classes > 2 ? classes : 1;
  }

  /** The held-out rows `rows` of one fold, for one candidate: p(positive) per row, or k probabilities per row (row-major). */
  add(candidate: number, rows: ArrayLike<number>, scores: ArrayLike<number>): void {
    let out = this.byCandidate.get(candidate);
    if (!out) {
      out = new Float64Array(this.rows * this.width).fill(NaN);
      this.byCandidate.set(candidate, out);
    }
    const w = this.width;
    for (let i = 0; i < rows.length; i++) for (let c = 0; c < w; c++) out[rows[i] * w + c] = scores[i * w + c];
  }

  /** The candidate's out-of-fold scores with the true classes, or null when a fold is missing (it failed). */
  scores(candidate: number, y: ArrayLike<number>): HeldOutScores | null {
    const s = this.byCandidate.get(candidate);
    if (!s || s.some((v) => Number.isNaN(v))) return null;
    if (this.width === 1) return { y: Array.from(y), score: Array.from(s) };
    return { y: Array.from(y), score: [], proba: Array.from(s) };
  }
}
