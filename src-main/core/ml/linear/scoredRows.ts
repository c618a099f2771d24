/** The checks both logistic regressions make on the rows they are asked to score. */
import { ApiError } from '../../api/errors';
import type { FeatureMatrix } from '../types';
import { quote } from './logisticErrors';

/** Refuses features of another width than the fit's. */
export function checkFeatureCount(X: FeatureMatrix, fitted: number): void {
  if (X.columns.length !== fitted) throw new ApiError('bad-input', `The model was fitted on ${fitted} features but got ${X.columns.length}.`);
}

/**
 * Refuses a row whose decision value (the first of each `stride` in
 * `decision`) is NaN, naming the missing feature and the row.
 */
export function checkCompleteRows(X: FeatureMatrix, decision: Float64Array, stride: number): void {
  for (let i = 0; i < X.rows; i++)
    if (Number.isNaN(decision[i * stride])) {
      const j = X.columns.findIndex((c) => Number.isNaN(c[i]));
      throw new ApiError('bad-input', `Feature ${quote(X.names[j] ?? `#${j}`)} is missing at row ${i + 1}; logistic regression cannot score incomplete rows.`);
    }
}
