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
