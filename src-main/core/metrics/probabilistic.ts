/**
 * Scores of predicted probabilities: log loss (cross-entropy) and the Brier
 * score, as scikit-learn 1.2 computes them.
 */
import { ApiError } from '../api/errors';
import type { ProbabilityMatrix } from '../ml/types';
import { checkFinite, checkLabels, checkSameLength, numpyMean } from './numeric';

export interface LogLossOptions {
  /**
   * Probabilities are clipped to [eps, 1 − eps] before the log. 'auto' (the
   * default) is scikit-learn 1.2's default: the float64 machine epsilon
   * 2⁻⁵² ≈ 2.22e-16 (scikit-learn ≤ 1.1 used 1e-15; pass it to match those).
   */
  eps?: number | 'auto';
}

function resolveEps(eps: number | 'auto' | undefined): number {
  return eps === undefined || eps === 'auto' ? Number.EPSILON : eps;
}

/** np.clip(p, eps, 1 − eps). */
function clip(p: number, eps: number): number {
  return Math.min(Math.max(p, eps), 1 - eps);
}

/**
 * Mean cross-entropy −(1/n) Σ_i log p̂_{i, y_i} (`log_loss(y_true, proba,
 * labels=range(k))`), where each row is clipped to [eps, 1 − eps] and then
 * renormalised to sum to 1, as scikit-learn does.
 */
export function logLoss(yTrue: Int32Array, proba: ProbabilityMatrix, opts: LogLossOptions = {}): number {
  const { rows, classes: k, data } = proba;
  checkSameLength('logLoss', yTrue, { length: rows });
  checkLabels('logLoss', yTrue, k);
  checkFinite('logLoss', data);
  if (k < 2) throw new ApiError('bad-input', 'Log loss needs at least two classes.');
  if (rows === 0) throw new ApiError('bad-input', 'logLoss: there are no rows to score.');
  const eps = resolveEps(opts.eps);
  const loss = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let sum = 0;
    for (let j = 0; j < k; j++) sum += clip(data[i * k + j], eps);
    loss[i] = -Math.log(clip(data[i * k + yTrue[i]], eps) / sum);
  }
  return numpyMean(loss);
}

/**
 * Binary log loss from the probability of the positive class only, the way
 * scikit-learn's `neg_log_loss` scorer calls `log_loss(y, p)` on a binary
 * problem: p is clipped, the pair (1 − p, p) renormalised, and the loss is
 * −(1/n) Σ log of the true class's share. Rows with yTrue === posLabel are
 * positive. May differ from `logLoss` on the full matrix in the last bit.
 */
export function binaryLogLoss(
  yTrue: Int32Array,
  pPositive: ArrayLike<number>,
  opts: LogLossOptions & { posLabel?: number } = {},
): number {
  checkSameLength('binaryLogLoss', yTrue, pPositive);
  checkFinite('binaryLogLoss', pPositive);
  if (yTrue.length === 0) throw new ApiError('bad-input', 'binaryLogLoss: there are no rows to score.');
  const eps = resolveEps(opts.eps);
  const pos = opts.posLabel ?? 1;
  const loss = new Float64Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) {
    const p = clip(pPositive[i], eps);
    const q = 1 - p;
    const sum = q + p;
    loss[i] = -Math.log((yTrue[i] === pos ? p : q) / sum);
  }
  return numpyMean(loss);
}

/**
 * Brier score (1/n) Σ (o_i − p_i)², with o_i = 1 when yTrue[i] === posLabel
 * (default 1) and p_i the predicted probability of that class
 * (`brier_score_loss`). Lower is better.
 */
export function brierScore(yTrue: Int32Array, pPositive: ArrayLike<number>, posLabel = 1): number {
  checkSameLength('brierScore', yTrue, pPositive);
  checkFinite('brierScore', pPositive);
  if (yTrue.length === 0) throw new ApiError('bad-input', 'brierScore: there are no rows to score.');
  const sq = new Float64Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) {
    const p = pPositive[i];
    if (p < 0 || p > 1) throw new ApiError('bad-input', `brierScore: probability ${p} at row ${i} is outside [0, 1].`);
    const d = (yTrue[i] === posLabel ? 1 : 0) - p;
    sq[i] = d * d;
  }
  return numpyMean(sq);
}

/** Column `c` of a probability matrix (e.g. the positive class's probabilities). */
export function probabilityColumn(proba: ProbabilityMatrix, c: number): Float64Array {
  if (c < 0 || c >= proba.classes) throw new ApiError('bad-input', `There is no class ${c} among ${proba.classes} probability columns.`);
  const out = new Float64Array(proba.rows);
  for (let i = 0; i < proba.rows; i++) out[i] = proba.data[i * proba.classes + c];
  return out;
}
