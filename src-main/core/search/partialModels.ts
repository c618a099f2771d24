import { aggregateCv, type FoldScore } from './cvResults';
import type { ModelPlan } from './plan';
import type { ModelResult } from './runRecord';

/** What a cancelled search completed: the candidates with every fold scored, per model, not refitted (a model with none is left out). */
export function partialModels(plans: ModelPlan[], scores: Map<string, FoldScore[]>, metrics: string[], refit: string, folds: number): ModelResult[] {
  const out: ModelResult[] = [];
  for (const p of plans) {
    const mine = scores.get(p.modelId)!;
    const complete = p.candidates.filter((c) => mine.filter((s) => s.candidate === c.index).length === folds);
    if (complete.length === 0) continue;
    const cv = aggregateCv(complete, mine.filter((s) => complete.some((c) => c.index === s.candidate)), metrics, refit, folds);
    const best = cv.rows.find((r) => r.candidate === cv.best)!;
    out.push({
      modelId: p.modelId,
      type: p.type,
      candidates: p.candidates.length,
      fits: p.groups.length * folds,
      bestParams: best.params,
      bestCv: best.mean,
      cv,
      validation: null,
      featureImportances: null,
      model: null,
      seconds: { search: 0, refit: 0 },
      failedFits: [],
      heldOut: { validation: null, test: null },
      importances: [],
      partial: true,
    });
  }
  return out;
}
