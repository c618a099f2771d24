import type { FoldScore } from './cvResults';
import type { ModelResult } from './runRecord';

export type FailedFit = ModelResult['failedFits'][number];

/** Failed fits as fold scores of NaN on every metric, as scikit-learn's error_score=nan: they rank last. */
export function failedFitScores(failed: FailedFit[], metrics: string[]): FoldScore[] {
  return failed.map((f) => ({ candidate: f.candidate, fold: f.fold, scores: Object.fromEntries(metrics.map((m) => [m, NaN])), fitSeconds: 0, scoreSeconds: 0 }));
}
