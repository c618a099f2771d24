import { availableParallelism } from 'node:os';
import { ApiError } from '../../core/api/errors';
import type { Progress } from '../../core/api/contract';
import { checkClassCounts, kFold, stratifiedKFold } from '../../core/modelSelection/kFold';
import { resolveParams, type ModelKind } from '../../core/ml/params';
import type { Frame } from '../../core/recipe/frame';
import { prepare } from '../../core/recipe/pipeline';
import type { Recipe } from '../../core/recipe/schema';
import { aggregateCv, type FoldScore } from '../../core/search/cvResults';
import { evaluate, type CvJobResult, type FinalJobResult, type SearchData, type SearchJob } from '../../core/search/jobs';
import { countFits, planModel, type ModelPlan } from '../../core/search/plan';
import type { ModelResult, RunRecord } from '../../core/search/runRecord';
import { ASSAY_VERSION } from '../../core/version';
import { runJobs } from '../pool/workerPool';
import { forkWorker, type WorkerFactory } from '../pool/workerPort';

export interface RunOptions {
  factory?: WorkerFactory;
  workers?: number;
  signal?: AbortSignal;
  onProgress?(p: Progress): void;
  dataset: { name: string; contentHash: string | null };
}

const seconds = (t0: number) => (performance.now() - t0) / 1000;

function makeFolds(recipe: Recipe, y: Int32Array, classes: string[]): SearchData['folds'] {
  if (recipe.cv.stratified) {
    checkClassCounts(y, recipe.cv.folds, classes);
    return stratifiedKFold(y, recipe.cv.folds);
  }
  return kFold(y.length, recipe.cv.folds);
}

/** Relative cost of a job, so the longest start first and the workers finish together. */
function jobCost(job: SearchJob): number {
  const p = job.kind === 'cv' ? job.group.params : job.params;
  const trees = typeof p.nEstimators === 'number' ? p.nEstimators : 1;
  const depth = typeof p.maxDepth === 'number' ? p.maxDepth : 16;
  return trees * depth * (job.kind === 'final' ? 1.25 : 1);
}

/**
 * Runs a recipe end to end: prepares the data, cross-validates every
 * candidate in the worker pool, refits each model's best candidate on all
 * training rows, picks the champion on the validation set and evaluates it
 * once on the test set. A cancel rejects; nothing partial is returned.
 */
export async function runRecipe(recipe: Recipe, frame: Frame, o: RunOptions): Promise<RunRecord> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const prepared = prepare(recipe, frame);
  const prepareSeconds = seconds(started);
  const folds = makeFolds(recipe, prepared.train.y, prepared.classes);
  const metrics = [...recipe.scoring];
  for (const m of [recipe.champion.metric]) if (!metrics.includes(m)) metrics.push(m);
  const plans: ModelPlan[] = recipe.models.map((m, i) => planModel(m, `$.models[${i}]`));
  const data: SearchData = {
    train: prepared.train,
    validation: prepared.validation,
    test: prepared.test,
    folds,
    nClasses: 2,
    classes: prepared.classes,
    metrics,
  };
  const cvJobs: SearchJob[] = plans.flatMap((p) => p.groups.flatMap((group) => folds.map((_, fold) => ({ kind: 'cv' as const, group, fold }))));
  const { fits } = countFits(plans, folds.length);
  const workers = Math.max(1, Math.min(o.workers ?? availableParallelism(), cvJobs.length));
  const factory = o.factory ?? forkWorker;

  // Progress: whole fits done plus the share of trees done in running fits.
  const partial = new Map<number, number>();
  let done = 0;
  const searchStart = performance.now();
  const report = (message: string) => {
    const fractional = [...partial.values()].reduce((a, b) => a + b, 0);
    const progressDone = Math.min(fits, done + fractional);
    const elapsed = seconds(searchStart);
    const eta = progressDone > 0 ? (elapsed * (fits - progressDone)) / progressDone : undefined;
    o.onProgress?.({ done: Math.floor(progressDone), total: fits, unit: 'fits', message, etaSeconds: eta });
  };
  report(`Cross-validating ${plans.length} model${plans.length > 1 ? 's' : ''}: ${fits} fits`);
  const scores = new Map<string, FoldScore[]>(plans.map((p) => [p.modelId, []]));
  const failed = new Map<string, ModelResult['failedFits']>(plans.map((p) => [p.modelId, []]));
  const outcomes = await runJobs<SearchJob, CvJobResult>({
    factory,
    size: workers,
    data,
    jobs: cvJobs,
    cost: jobCost,
    signal: o.signal,
    onUnits: (jobId, d, t) => {
      partial.set(jobId, t > 0 ? d / t : 0);
      report('Cross-validating');
    },
    onJobDone: (outcome, job) => {
      partial.delete(outcome.jobId);
      done++;
      if (job.kind !== 'cv') return;
      if (outcome.ok) scores.get(job.group.modelId)!.push(...outcome.result!.scores);
      else for (const c of job.group.candidates) failed.get(job.group.modelId)!.push({ candidate: c, fold: job.fold, error: outcome.error! });
      report('Cross-validating');
    },
  });
  void outcomes;
  const searchSeconds = seconds(searchStart);

  // Failed fits score NaN, as scikit-learn's error_score=nan: they rank last.
  const cvByModel = plans.map((p) => {
    const s = scores.get(p.modelId)!;
    for (const f of failed.get(p.modelId)!) s.push({ candidate: f.candidate, fold: f.fold, scores: Object.fromEntries(metrics.map((m) => [m, NaN])), fitSeconds: 0, scoreSeconds: 0 });
    if (failed.get(p.modelId)!.length === p.candidates.length * folds.length) {
      throw new ApiError('internal', `Every fit of model "${p.modelId}" failed: ${failed.get(p.modelId)![0].error}`);
    }
    return aggregateCv(p.candidates, s, metrics, recipe.refit, folds.length);
  });

  report('Refitting the best candidates on all training rows');
  const finalJobs: SearchJob[] = plans.map((p, i) => ({
    kind: 'final',
    modelId: p.modelId,
    type: p.type,
    params: resolveParams(p.type as ModelKind, p.candidates[cvByModel[i].best].params, `$.models[${i}]`),
  }));
  const refitStart = performance.now();
  const finals = await runJobs<SearchJob, FinalJobResult>({ factory, size: Math.min(workers, finalJobs.length), data, jobs: finalJobs, cost: jobCost, signal: o.signal });
  const refitSeconds = seconds(refitStart);

  const models: ModelResult[] = plans.map((p, i) => {
    const out = finals[i];
    if (!out.ok) throw new ApiError('internal', `Refitting model "${p.modelId}" failed: ${out.error}`);
    const r = out.result!;
    const cv = cvByModel[i];
    const best = cv.rows.find((row) => row.candidate === cv.best)!;
    return {
      modelId: p.modelId,
      type: p.type,
      candidates: p.candidates.length,
      fits: p.groups.length * folds.length,
      bestParams: best.params,
      bestCv: best.mean,
      cv,
      validation: r.validationProba && prepared.validation ? evaluate(metrics, prepared.validation.y, r.validationProba, prepared.classes) : null,
      featureImportances: r.importances ? prepared.features.map((feature, j) => ({ feature, importance: r.importances![j] })) : null,
      model: r.model,
      seconds: { search: searchSeconds, refit: r.seconds },
      failedFits: failed.get(p.modelId)!,
    };
  });

  // The champion is chosen without looking at the test set, then tested once.
  const rule = recipe.champion.on === 'validation' && prepared.validation ? 'validation' : 'cv';
  const score = (m: ModelResult) => {
    const v = rule === 'validation' ? m.validation!.metrics[recipe.champion.metric] : m.bestCv[recipe.champion.metric];
    return Number.isNaN(v) ? -Infinity : v;
  };
  let champion = 0;
  models.forEach((m, i) => {
    if (score(m) > score(models[champion])) champion = i;
  });
  const championTest = evaluate(metrics, prepared.test.y, finals[champion].result!.testProba, prepared.classes);
  void refitSeconds;

  return {
    recipeName: recipe.name,
    recipe,
    assayVersion: ASSAY_VERSION,
    startedAt,
    dataset: { name: o.dataset.name, rows: frame.rows, contentHash: o.dataset.contentHash, expectedHash: recipe.dataset.contentHash },
    classes: prepared.classes,
    features: prepared.features,
    rows: { train: prepared.train.y.length, validation: prepared.validation?.y.length ?? 0, test: prepared.test.y.length },
    leakage: prepared.leakage,
    notes: prepared.notes,
    models,
    champion: { modelId: models[champion].modelId, rule: `highest ${rule} ${recipe.champion.metric}`, test: championTest },
    seconds: { prepare: prepareSeconds, search: searchSeconds, total: seconds(started) },
    status: 'complete',
  };
}
