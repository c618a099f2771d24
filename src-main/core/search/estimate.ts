import type { ColumnInfo } from '../data/columns';
import type { ModelKind, ParamValue } from '../ml/params';
import type { Recipe } from '../recipe/schema';
import { planModel, planModels, type ModelPlan } from './plan';
import { assayFits, explainModelFits, explainRunFits, sklearnFits } from './fitCount';
import type { RunRecord } from './runRecord';
import type { RunEstimate } from './runSummary';

/**
 * A cost model of a search: every fit gets a number of work units from the
 * things its time grows with (rows, features tried, trees, levels, solver
 * iterations), and a model type's seconds per unit turn units into time.
 *
 * Trees are histogram based: each tree first passes over all its rows
 * (drawing, gradients, binning lookups, the root partition), which
 * measured here as much as about TREE_ROW_BASE feature-levels of histogram
 * work, and then a level costs about one pass of its rows over the features
 * it tries. Nodes turn pure quickly on data like the seed's, so an unlimited
 * tree does the work of about half of log2(rows / leaf size) full levels.
 * Logistic regression is Newton's method: rows × (features + 1)² per
 * iteration, and it converges in about ten on standardized features.
 */

/** A tree's per-row cost that does not grow with depth or features, in feature-levels (see bench/calibrateEstimate.ts). */
export const TREE_ROW_BASE = 150;

/** Levels a tree grows: its max_depth, or until leaves of min_samples_leaf rows. */
export function treeLevels(maxDepth: ParamValue, rows: number, minLeaf: ParamValue): number {
  const leaf = typeof minLeaf === 'number' && minLeaf > 0 ? minLeaf : 1;
  const natural = Math.max(1, Math.log2(Math.max(2, rows / leaf)) / 2);
  return typeof maxDepth === 'number' ? Math.min(maxDepth, natural) : natural;
}

/** scikit-learn's max_features as a count (see tree/treeClassifier's resolveMaxFeatures). */
export function featuresTried(maxFeatures: ParamValue, features: number): number {
  if (maxFeatures === null || maxFeatures === undefined) return features;
  if (maxFeatures === 'sqrt') return Math.max(1, Math.floor(Math.sqrt(features)));
  if (maxFeatures === 'log2') return Math.max(1, Math.floor(Math.log2(features)));
  if (typeof maxFeatures === 'number') return maxFeatures <= 1 ? Math.max(1, Math.floor(maxFeatures * features)) : Math.min(features, maxFeatures);
  return features;
}

/** Newton iterations a logistic regression typically takes here (it stops sooner than max_iter). */
const NEWTON_ITERATIONS = 10;

/**
 * Work units of one fit of `type` with resolved (camelCase) params on `rows`
 * rows of `features` features, for a target of `classes` classes (boosting
 * grows one tree per class per round beyond two).
 */
export function fitWork(type: ModelKind, params: Record<string, ParamValue>, rows: number, features: number, classes = 2): number {
  const p = params;
  switch (type) {
    case 'logisticRegression': {
      const iterations = Math.min(typeof p.maxIter === 'number' ? p.maxIter : 100, NEWTON_ITERATIONS);
      return rows * (features + 1) ** 2 * iterations;
    }
    case 'decisionTree':
      return rows * (TREE_ROW_BASE + featuresTried(p.maxFeatures, features) * treeLevels(p.maxDepth, rows, p.minSamplesLeaf));
    case 'randomForest': {
      const drawn = typeof p.maxSamples === 'number' ? Math.max(1, Math.round(rows * p.maxSamples)) : rows;
      const trees = typeof p.nEstimators === 'number' ? p.nEstimators : 100;
      return trees * drawn * (TREE_ROW_BASE + featuresTried(p.maxFeatures, features) * treeLevels(p.maxDepth, drawn, p.minSamplesLeaf));
    }
    case 'gradientBoosting': {
      const sampled = rows * (typeof p.subsample === 'number' ? p.subsample : 1);
      const tried = Math.max(1, Math.round(features * (typeof p.colsampleBytree === 'number' ? p.colsampleBytree : 1)));
      const trees = (typeof p.nEstimators === 'number' ? p.nEstimators : 100) * (classes > 2 ? classes : 1);
      // A hessian sum of min_child_weight needs about 4× as many rows of a log-loss (hessian ≤ 1/4 per row).
      const leafRows = 4 * (typeof p.minChildWeight === 'number' ? Math.max(1, p.minChildWeight) : 1);
      return trees * sampled * (TREE_ROW_BASE + tried * treeLevels(typeof p.maxDepth === 'number' ? p.maxDepth : 6, sampled, leafRows));
    }
  }
}

/**
 * Seconds per work unit on one core, measured with `bench/calibrateEstimate.ts`
 * on one cross-validation fold of the bundled sample through Course 6
 * (9,160 rows, 25 features) on a 2-core AMD EPYC with 23.5 GB (Node 20,
 * cores shared with other work), the fastest of three fits, the median over
 * the cases there (forests 0.8–2.5e-9, boosting 1.0–1.6e-9, logistic
 * regression 1.9–2.9e-9, single trees 5–8e-9); used until the project has
 * finished runs of its own to learn from.
 */
export const BUILT_IN_SECONDS_PER_UNIT: Record<ModelKind, number> = {
  logisticRegression: 2.5e-9,
  decisionTree: 6e-9,
  randomForest: 1.5e-9,
  gradientBoosting: 1.25e-9,
};

/** Seconds on one worker to start and receive the prepared data (each worker pool pays it once). */
export const POOL_START_SECONDS = 0.6;

/** Permutation importance: scikit-learn's 5 repeats of every feature, each a prediction of the held-out rows. */
const PERMUTATION_REPEATS = 5;

/** How many times slower or faster than the estimate a run may turn out, before any fit of it has finished. */
export const PRIOR_SPREAD = { builtIn: 2, learned: 1.5 };

/** The shape a search runs on. */
export interface SearchShape {
  trainRows: number;
  /** Rows of the set permutation importance is scored on (validation, or test when there is none). */
  heldOutRows: number;
  features: number;
  /** The target's classes (two when absent). */
  classes?: number;
}

/** Predicting `rows` rows costs about this share of fitting on them (a tree walk per row instead of a pass per level). */
const PREDICT_SHARE = 0.05;

/** One fit's prior time on one worker: its work at the rate, and its own scoring (staged scoring included). */
export interface JobCost {
  modelId: string;
  type: ModelKind;
  work: number;
  seconds: number;
}

/** The CV jobs (one per fit group and fold) and refit jobs of a search, each with its prior time. */
export interface SearchCosts {
  cv: JobCost[];
  /** One per model: the refit on all training rows of its costliest candidate (the best is not known yet), and its scoring. */
  refit: (JobCost & { scoreSeconds: number })[];
}

export function searchCosts(plans: ModelPlan[], folds: number, shape: SearchShape, rates: Partial<Record<ModelKind, number>>): SearchCosts {
  const foldRows = (shape.trainRows * (folds - 1)) / folds;
  const cv: JobCost[] = [];
  const refit: SearchCosts['refit'] = [];
  for (const p of plans) {
    const rate = rates[p.type] ?? BUILT_IN_SECONDS_PER_UNIT[p.type];
    for (const g of p.groups) {
      const work = fitWork(p.type, g.params, foldRows, shape.features, shape.classes);
      for (let f = 0; f < folds; f++) cv.push({ modelId: p.modelId, type: p.type, work, seconds: work * rate * (1 + PREDICT_SHARE / (folds - 1)) });
    }
    // A loop, not Math.max(...): a grid of millions of candidates would overflow the call stack.
    let refitWork = 0;
    for (const g of p.groups) refitWork = Math.max(refitWork, fitWork(p.type, g.params, shape.trainRows, shape.features, shape.classes));
    // Permutation importance predicts the held-out rows once per feature and repeat.
    const scoring = p.type === 'logisticRegression' ? 0 : refitWork * PREDICT_SHARE * (shape.heldOutRows / Math.max(1, shape.trainRows)) * shape.features * PERMUTATION_REPEATS;
    refit.push({ modelId: p.modelId, type: p.type, work: refitWork, seconds: refitWork * rate, scoreSeconds: scoring * rate });
  }
  return { cv, refit };
}

/**
 * Wall time of jobs on `workers` workers, started longest first onto the
 * worker free soonest (as the pool does), after each worker is busy for
 * `busy[i]` seconds.
 */
export function scheduleSeconds(seconds: number[], workers: number, busy: number[] = []): number {
  const free = Array.from({ length: Math.max(1, workers) }, (_, i) => busy[i] ?? 0);
  for (const s of [...seconds].sort((a, b) => b - a)) {
    let k = 0;
    for (let i = 1; i < free.length; i++) if (free[i] < free[k]) k = i;
    free[k] += s;
  }
  return Math.max(...free);
}

/** Wall seconds of a whole search: the cross-validation pool, then the refit pool, each with its start. */
export function searchSeconds(costs: SearchCosts, workers: number): { cv: number; refit: number } {
  const cvWorkers = Math.max(1, Math.min(workers, costs.cv.length));
  const refitWorkers = Math.max(1, Math.min(workers, costs.refit.length));
  return {
    cv: POOL_START_SECONDS + scheduleSeconds(costs.cv.map((j) => j.seconds), cvWorkers),
    refit: POOL_START_SECONDS + scheduleSeconds(costs.refit.map((j) => j.seconds + j.scoreSeconds), refitWorkers),
  };
}

/** Fit seconds and work units a run spent per model type: small enough to keep with every run for later estimates. */
export type FitStats = Partial<Record<ModelKind, { seconds: number; work: number }>>;

/** What a complete run teaches: each model's summed CV fit seconds against the work of its fits. */
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
    const work = planModel(config, '$').groups.reduce((s, g) => s + fitWork(type, g.params, foldRows, run.features.length, run.classes.length) * folds, 0);
    const prev = stats[type] ?? { seconds: 0, work: 0 };
    stats[type] = { seconds: prev.seconds + m.seconds.fits, work: prev.work + work };
  }
  return stats;
}

/** Seconds per unit by model type over past runs' stats (stats kept by older versions, in other units, are skipped). */
export function learnedRates(history: FitStats[]): Partial<Record<ModelKind, number>> {
  const total: FitStats = {};
  for (const h of history) {
    for (const [k, v] of Object.entries(h ?? {}) as [ModelKind, { seconds: number; work?: number }][]) {
      if (typeof v?.work !== 'number' || !(v.work > 0) || !(v.seconds >= 0)) continue;
      const prev = total[k] ?? { seconds: 0, work: 0 };
      total[k] = { seconds: prev.seconds + v.seconds, work: prev.work + v.work };
    }
  }
  const rates: Partial<Record<ModelKind, number>> = {};
  for (const [k, v] of Object.entries(total) as [ModelKind, { seconds: number; work: number }][]) if (v.work > 0) rates[k] = v.seconds / v.work;
  return rates;
}

/** Training rows a recipe will have, from the dataset's rows and the split shares (filters are not run for an estimate). */
export function approxTrainRows(recipe: Recipe, datasetRows: number): number {
  const split = recipe.steps.find((s) => s.op === 'split');
  if (!split || split.op !== 'split') return datasetRows;
  return Math.round(datasetRows * (1 - split.test) * (1 - split.validation));
}

/** Rows of the set permutation importance is scored on: validation, or test when the split has none. */
export function approxHeldOutRows(recipe: Recipe, datasetRows: number): number {
  const split = recipe.steps.find((s) => s.op === 'split');
  if (!split || split.op !== 'split') return 0;
  return Math.round(datasetRows * (split.validation > 0 ? (1 - split.test) * split.validation : split.test));
}

/**
 * The feature count the recipe's steps will give, followed on the column
 * list without reading data: one-hot columns add their distinct values
 * (less one with drop-first), a count vectorizer its max_features.
 */
export function approxFeatureCount(recipe: Recipe, columns: Pick<ColumnInfo, 'name' | 'kind' | 'distinct'>[]): number {
  if (recipe.features) return recipe.features.length;
  const widths = new Map<string, number>(columns.map((c) => [c.name, 1]));
  const distinct = new Map(columns.map((c) => [c.name, c.distinct]));
  for (const s of recipe.steps) {
    if (s.op === 'dropColumns') for (const c of s.columns) widths.delete(c);
    else if (s.op === 'selectColumns') {
      for (const c of [...widths.keys()]) if (!s.columns.includes(c) && c !== recipe.target.column) widths.delete(c);
    } else if (s.op === 'textLength') widths.set(s.output, 1);
    else if (s.op === 'oneHot') for (const c of s.columns) widths.set(c, Math.max(0, (distinct.get(c) ?? 2) - (s.dropFirst ? 1 : 0)));
    else if (s.op === 'countVectorizer') {
      if (s.dropSource) widths.delete(s.column);
      widths.set(`${s.column} counts`, s.maxFeatures ?? 1000);
    }
  }
  widths.delete(recipe.target.column);
  let n = 0;
  for (const w of widths.values()) n += w;
  return Math.max(1, n);
}

/**
 * The size of a recipe's search and its wall time before it starts: every
 * fit's work at the learned (or built-in) rate, scheduled on the workers as
 * the pool runs them, then the refits; with the range it may fall in.
 */
export function estimateRun(recipe: Recipe, shape: SearchShape, workers: number, history: FitStats[]): RunEstimate {
  const plans = planModels(recipe);
  const folds = recipe.cv.folds;
  const learned = learnedRates(history);
  const usedHistory = plans.some((p) => learned[p.type] !== undefined);
  const costs = searchCosts(plans, folds, shape, learned);
  const wall = searchSeconds(costs, workers);
  const seconds = wall.cv + wall.refit;
  const spread = usedHistory ? PRIOR_SPREAD.learned : PRIOR_SPREAD.builtIn;
  const candidates = plans.reduce((s, p) => s + p.candidates.length, 0);
  return {
    models: plans.map((p) => ({ modelId: p.modelId, type: p.type, candidates: p.candidates.length, fits: assayFits(p, folds), explanation: explainModelFits(p, folds) })),
    candidates,
    fits: plans.reduce((s, p) => s + assayFits(p, folds), 0),
    sklearnFits: plans.reduce((s, p) => s + sklearnFits(p.candidates.length, folds), 0),
    fitsNote: explainRunFits(plans, folds),
    folds,
    seconds: shape.trainRows > 0 ? seconds : null,
    range: shape.trainRows > 0 ? { low: seconds / spread, high: seconds * spread } : null,
    basis: usedHistory
      ? `From the fit times of earlier runs in this project and the size of each fit (rows, features, trees, depth), on ${workers} worker${workers === 1 ? '' : 's'}.`
      : `From the size of each fit (rows, features, trees, depth) at built-in rates measured on a 2-core machine, on ${workers} worker${workers === 1 ? '' : 's'}; it is corrected from the first finished fits, and runs in this project refine it.`,
  };
}
