import type { ModelKind } from '../ml/params';
import type { Recipe } from '../recipe/schema';
import { countFits, planModel, type FitGroup } from './plan';
import type { RunRecord } from './runRecord';
import type { RunEstimate } from './runSummary';

/**
 * Seconds per work unit (one training row through one tree, or one row of a
 * linear fit) on one core, measured with the bundled sample on a 2-core AMD
 * EPYC; used until the project has runs of its own to learn from.
 */
export const BUILT_IN_SECONDS_PER_UNIT: Record<ModelKind, number> = {
  logisticRegression: 2e-5,
  decisionTree: 3e-6,
  randomForest: 3e-7,
  gradientBoosting: 4e-7,
};

/** Rows × members: what a fit's cost grows with. */
function fitUnits(group: Pick<FitGroup, 'params'>, rows: number): number {
  const members = typeof group.params.nEstimators === 'number' ? group.params.nEstimators : 1;
  return rows * members;
}

/** Fit seconds and units a run spent per model type: small enough to keep with every run for later estimates. */
export type FitStats = Partial<Record<ModelKind, { seconds: number; units: number }>>;

export function fitStats(run: RunRecord): FitStats {
  const stats: FitStats = {};
  if (run.status !== 'complete') return stats;
  const recipe = run.recipe as Recipe;
  const folds = recipe.cv.folds;
  const foldRows = (run.rows.train * (folds - 1)) / folds;
  for (const m of run.models) {
    const config = recipe.models.find((c) => c.id === m.modelId);
    if (!config || m.seconds.fits === undefined) continue;
    const type = m.type as ModelKind;
    const units = planModel(config, '$').groups.reduce((s, g) => s + fitUnits(g, foldRows) * folds, 0);
    const prev = stats[type] ?? { seconds: 0, units: 0 };
    stats[type] = { seconds: prev.seconds + m.seconds.fits, units: prev.units + units };
  }
  return stats;
}

/** Seconds per unit by model type over past runs' stats. */
export function learnedRates(history: FitStats[]): Partial<Record<ModelKind, number>> {
  const total: FitStats = {};
  for (const h of history) {
    for (const [k, v] of Object.entries(h) as [ModelKind, { seconds: number; units: number }][]) {
      const prev = total[k] ?? { seconds: 0, units: 0 };
      total[k] = { seconds: prev.seconds + v.seconds, units: prev.units + v.units };
    }
  }
  const rates: Partial<Record<ModelKind, number>> = {};
  for (const [k, v] of Object.entries(total) as [ModelKind, { seconds: number; units: number }][]) if (v.units > 0) rates[k] = v.seconds / v.units;
  return rates;
}

/** Training rows a recipe will have, from the dataset's rows and the split shares (filters are not run for an estimate). */
export function approxTrainRows(recipe: Recipe, datasetRows: number): number {
  const split = recipe.steps.find((s) => s.op === 'split');
  if (!split || split.op !== 'split') return datasetRows;
  return Math.round(datasetRows * (1 - split.test) * (1 - split.validation));
}

/**
 * The size of a recipe's search and a guess at its wall time: every fit's
 * units at the learned (or built-in) rate, spread over the workers, plus one
 * refit per model on all training rows.
 */
export function estimateRun(recipe: Recipe, trainRows: number, workers: number, history: FitStats[]): RunEstimate {
  const plans = recipe.models.map((m, i) => planModel(m, `$.models[${i}]`));
  const folds = recipe.cv.folds;
  const learned = learnedRates(history);
  const foldRows = (trainRows * (folds - 1)) / folds;
  let seconds = 0;
  let usedHistory = false;
  for (const p of plans) {
    const rate = learned[p.type] ?? BUILT_IN_SECONDS_PER_UNIT[p.type];
    if (learned[p.type] !== undefined) usedHistory = true;
    for (const g of p.groups) seconds += (fitUnits(g, foldRows) * folds * rate) / Math.max(1, workers);
    const biggest = Math.max(...p.groups.map((g) => fitUnits(g, trainRows)));
    seconds += biggest * rate;
  }
  const { candidates, fits } = countFits(plans, folds);
  return {
    models: plans.map((p) => ({ modelId: p.modelId, type: p.type, candidates: p.candidates.length, fits: p.groups.length * folds + 1 })),
    candidates,
    fits: fits + plans.length,
    folds,
    seconds: trainRows > 0 ? seconds : null,
    basis: usedHistory
      ? `From the fit times of earlier runs in this project, on ${workers} worker${workers === 1 ? '' : 's'}.`
      : `A built-in rate measured on a 2-core machine, on ${workers} worker${workers === 1 ? '' : 's'}; runs in this project will refine it.`,
  };
}
