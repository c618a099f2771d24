import { checkParam, expandGrid, resolveParams, STAGED_PARAM, type ModelKind, type ParamValue } from '../ml/params';
import { ApiError } from '../api/errors';
import { nameLeadingPath } from '../recipe/recipePaths';
import type { ModelConfig, Recipe } from '../recipe/schema';

/** One grid point of one model, as `cv_results_['params']` lists it. */
export interface Candidate {
  modelId: string;
  index: number;
  /** Recipe (scikit-learn) names → values, only the searched ones plus fixed ones. */
  params: Record<string, ParamValue>;
}

/**
 * One fit: candidates that differ only in the staged parameter (n_estimators)
 * share it, and are scored at each prefix of the fitted ensemble.
 */
export interface FitGroup {
  modelId: string;
  type: ModelKind;
  /** Model keys → values, with the staged parameter at its largest value. */
  params: Record<string, ParamValue>;
  /** Ascending member counts to score, or null for an unstaged model. */
  stages: number[] | null;
  /** candidates[i] is scored at stages[i] (or the only stage). */
  candidates: number[];
}

export interface ModelPlan {
  modelId: string;
  type: ModelKind;
  candidates: Candidate[];
  groups: FitGroup[];
}

/**
 * The most grid points one model may have. Every candidate is kept with its
 * cross-validation rows; millions of them exhaust memory long before the
 * fits could finish, so such a grid is refused up front with its size.
 */
export const MAX_GRID_CANDIDATES = 10_000;

export function planModel(model: ModelConfig, where: string): ModelPlan {
  const type = model.type as ModelKind;
  const size = Object.values(model.grid).reduce((n, values) => n * Math.max(1, values.length), 1);
  if (size > MAX_GRID_CANDIDATES) {
    const lengths = Object.entries(model.grid).map(([name, values]) => `${name} ${values.length}`).join(' × ');
    throw new ApiError(
      'bad-input',
      `${where}.grid: ${size.toLocaleString('en-US')} candidates (${lengths}); at most ${MAX_GRID_CANDIDATES.toLocaleString('en-US')} can be searched. Use fewer values per parameter.`,
    );
  }
  // Fixed parameters and each grid value are checked where the recipe holds
  // them, so an error names params.x or grid.x[i], not the merged candidate.
  resolveParams(type, model.params, `${where}.params`);
  for (const [name, values] of Object.entries(model.grid)) {
    values.forEach((v, i) => checkParam(type, name, v, values.length === 1 ? `${where}.grid.${name}` : `${where}.grid.${name}[${i}]`));
  }
  const points = expandGrid(model.grid);
  const staged = STAGED_PARAM[type];
  const candidates: Candidate[] = points.map((p, index) => ({ modelId: model.id, index, params: { ...model.params, ...p } }));
  const groups = new Map<string, FitGroup>();
  for (const c of candidates) {
    const resolved = resolveParams(type, c.params, `${where}.grid`);
    let key: string;
    let stage: number | null = null;
    if (staged) {
      const stagedKey = 'nEstimators';
      stage = resolved[stagedKey] as number;
      key = JSON.stringify({ ...resolved, [stagedKey]: null });
    } else {
      key = JSON.stringify(resolved);
    }
    let g = groups.get(key);
    if (!g) {
      g = { modelId: model.id, type, params: resolved, stages: staged ? [] : null, candidates: [] };
      groups.set(key, g);
    }
    g.candidates.push(c.index);
    if (stage !== null) g.stages!.push(stage);
  }
  for (const g of groups.values()) {
    if (!g.stages) continue;
    // Order by stage so the ensemble is scored at ascending prefixes.
    const order = g.stages.map((s, i) => i).sort((a, b) => g.stages![a] - g.stages![b]);
    g.stages = order.map((i) => g.stages![i]);
    g.candidates = order.map((i) => g.candidates[i]);
    g.params = { ...g.params, nEstimators: g.stages[g.stages.length - 1] };
  }
  return { modelId: model.id, type, candidates, groups: [...groups.values()] };
}

/**
 * Every model's plan. A parameter the grid gets wrong is named as the Train
 * view shows it ("model 1 (random forest) · max_depth, value 2: …"), with its
 * JSON path after it.
 */
export function planModels(recipe: Recipe): ModelPlan[] {
  return recipe.models.map((m, i) => {
    try {
      return planModel(m, `$.models[${i}]`);
    } catch (e) {
      if (e instanceof ApiError) throw new ApiError(e.code, nameLeadingPath(e.message, recipe));
      throw e;
    }
  });
}

export function countFits(plans: ModelPlan[], folds: number): { candidates: number; fits: number; sklearnFits: number } {
  const candidates = plans.reduce((s, p) => s + p.candidates.length, 0);
  const groups = plans.reduce((s, p) => s + p.groups.length, 0);
  return { candidates, fits: groups * folds, sklearnFits: candidates * folds };
}
