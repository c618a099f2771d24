import { ApiError } from '../api/errors';
import { aggregateCv, type CvResults, type FoldScore } from './cvResults';
import type { FailedFit } from './failedFits';
import type { ModelPlan } from './plan';

/**
 * One model's cross-validation table from its fold scores (failed fits
 * already among them as NaN, see failedFits); a model none of whose fits
 * succeeded has no table and fails the run with the first error.
 */
export function modelCv(plan: ModelPlan, scores: FoldScore[], failed: FailedFit[], metrics: string[], refit: string, folds: number): CvResults {
  if (failed.length === plan.candidates.length * folds) {
    throw new ApiError('internal', `Every fit of model "${plan.modelId}" failed: ${failed[0].error}`);
  }
  return aggregateCv(plan.candidates, scores, metrics, refit, folds);
}
