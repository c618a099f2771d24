/**
 * The decision threshold of a scoring: the one asked for, else the model
 * file's (the Runs view's choice when the model was saved), else the argmax
 * rule's 0.5. A row is positive iff p(positive) > threshold (`predictsPositive`).
 */
import { ApiError } from '../api/errors';
import { DEFAULT_THRESHOLD } from '../metrics/thresholds';

export function checkThreshold(t: number, what = 'The threshold'): void {
  if (!(Number.isFinite(t) && t >= 0 && t <= 1)) {
    throw new ApiError('bad-input', `${what} must be a probability between 0 and 1, not ${Number.isNaN(t) ? 'NaN' : String(t)}.`);
  }
}

export function effectiveThreshold(model: { threshold: number | null }, asked?: number | null): number {
  const t = asked ?? model.threshold ?? DEFAULT_THRESHOLD;
  checkThreshold(t);
  return t;
}

/**
 * The threshold a scoring uses: as `effectiveThreshold` for a model of two
 * classes; null for more, which always predict the most probable class — a
 * threshold asked of such a model is refused, naming its classes.
 */
export function scoringThreshold(model: { threshold: number | null; classes: readonly string[] }, asked?: number | null, what = 'A threshold'): number | null {
  if (model.classes.length === 2) return effectiveThreshold(model, asked);
  if (asked !== undefined && asked !== null) {
    throw new ApiError(
      'bad-input',
      `${what} applies to a model of two classes, but this one predicts ${model.classes.length} (${model.classes.join(', ')}) and takes the most probable class for each row; score without a threshold.`,
    );
  }
  return null;
}
