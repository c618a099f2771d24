import type { PreparedData } from '../recipe/pipeline';
import { bestCvRow } from './champion';
import type { CvResults } from './cvResults';
import type { FailedFit } from './failedFits';
import { heldOutScores } from './heldOutScores';
import { evaluate, type FinalJobResult } from './jobs';
import type { ModelPlan } from './plan';
import type { HeldOutScores, ModelResult } from './runRecord';

/** What a model's result is assembled from besides its plan, cross-validation and refit. */
export interface ModelResultContext {
  prepared: Pick<PreparedData, 'validation' | 'classes' | 'features'>;
  metrics: string[];
  folds: number;
  searchSeconds: number;
  /** This model's cross-validation fit seconds summed over its jobs. */
  fitSeconds: number;
  failedFits: FailedFit[];
  outOfFold: HeldOutScores | null;
}

/**
 * A refitted model's result: its best candidate's cross-validation, its
 * validation evaluation and held-out scores (when there are validation
 * rows), its importances and the model itself. The test rows are the
 * champion's, added once it is known.
 */
export function modelResult(p: ModelPlan, cv: CvResults, r: FinalJobResult, c: ModelResultContext): ModelResult {
  const best = bestCvRow(cv);
  const validation = r.validationProba && c.prepared.validation ? { y: c.prepared.validation.y, proba: r.validationProba } : null;
  return {
    modelId: p.modelId,
    type: p.type,
    candidates: p.candidates.length,
    fits: p.groups.length * c.folds,
    bestParams: best.params,
    bestCv: best.mean,
    cv,
    validation: validation ? evaluate(c.metrics, validation.y, validation.proba, c.prepared.classes) : null,
    featureImportances: r.importances ? c.prepared.features.map((feature, j) => ({ feature, importance: r.importances![j] })) : null,
    model: r.model,
    seconds: { search: c.searchSeconds, refit: r.seconds, fits: c.fitSeconds },
    failedFits: c.failedFits,
    heldOut: {
      validation: validation ? heldOutScores(validation.y, validation.proba) : null,
      test: null,
      outOfFold: c.outOfFold,
    },
    importances: r.importanceSets,
    partial: false,
  };
}
