import { availableParallelism } from 'node:os';
import { ApiError } from '../../core/api/errors';
import type { Progress } from '../../core/api/contract';
import { checkClassCounts, kFold, stratifiedKFold } from '../../core/modelSelection/kFold';
import { resolveParams, type ModelKind } from '../../core/ml/params';
import type { Frame } from '../../core/recipe/frame';
import { prepare, type PreparedData } from '../../core/recipe/pipeline';
import type { Recipe } from '../../core/recipe/schema';
import { aggregateCv, type FoldScore } from '../../core/search/cvResults';
import { evaluate, type CvJobResult, type FinalJobResult, type SearchData, type SearchJob } from '../../core/search/jobs';
import { countFits, planModel, type ModelPlan } from '../../core/search/plan';
import type { HeldOutScores, ModelResult, RunRecord } from '../../core/search/runRecord';
import type { RunProgress } from '../../core/search/runSummary';
import type { ProbabilityMatrix } from '../../core/ml/types';
import { ASSAY_VERSION } from '../../core/version';
import { runJobs } from '../pool/workerPool';
import { forkWorker, type WorkerFactory } from '../pool/workerPort';

export interface RunOptions {
  factory?: WorkerFactory;
  workers?: number;
  signal?: AbortSignal;
  /** The CLI's progress line. */
  onProgress?(p: Progress): void;
  /** Per-model progress for the run queue. */
  onRunProgress?(p: RunProgress): void;
  /** On cancel, resolve with what was completed (status 'cancelled') instead of rejecting. */
  partialOnCancel?: boolean;
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

function heldOut(y: Int32Array, proba: ProbabilityMatrix): HeldOutScores {
  const score = new Array<number>(proba.rows);
  for (let i = 0; i < proba.rows; i++) score[i] = proba.data[i * proba.classes + 1];
  return { y: Array.from(y), score };
}

/** Tracks fits done per model and reports them with an ETA from the pace so far. */
class SearchProgress {
  private readonly done: number[];
  private readonly partial = new Map<number, { model: number; share: number }>();
  private readonly start = performance.now();
  private readonly modelStart: (number | null)[];
  private lastMessage = '';

  constructor(
    private readonly plans: ModelPlan[],
    private readonly totals: number[],
    private readonly o: RunOptions,
  ) {
    this.done = plans.map(() => 0);
    this.modelStart = plans.map(() => null);
  }

  get total(): number {
    return this.totals.reduce((a, b) => a + b, 0);
  }

  running(jobId: number, model: number, share: number): void {
    this.modelStart[model] ??= performance.now();
    this.partial.set(jobId, { model, share });
    this.report(this.lastMessage);
  }

  finished(jobId: number, model: number): void {
    this.modelStart[model] ??= performance.now();
    this.partial.delete(jobId);
    this.done[model]++;
    this.report(this.lastMessage);
  }

  report(message: string): void {
    this.lastMessage = message;
    const perModel = this.done.map((d) => d);
    for (const p of this.partial.values()) perModel[p.model] += p.share;
    const total = this.total;
    const fitsDone = Math.min(total, perModel.reduce((a, b) => a + b, 0));
    const elapsed = seconds(this.start);
    const eta = fitsDone > 0 ? (elapsed * (total - fitsDone)) / fitsDone : null;
    this.o.onProgress?.({ done: Math.floor(fitsDone), total, unit: 'fits', message, etaSeconds: eta ?? undefined });
    this.o.onRunProgress?.(this.snapshot(message, perModel, fitsDone, elapsed, eta));
  }

  private snapshot(message: string, perModel: number[], fitsDone: number, elapsed: number, eta: number | null): RunProgress {
    return {
      fitsDone,
      fitsTotal: this.total,
      elapsedSeconds: elapsed,
      etaSeconds: eta,
      message,
      models: this.plans.map((p, i) => {
        const done = Math.min(this.totals[i], perModel[i]);
        const since = this.modelStart[i];
        const spent = since === null ? 0 : seconds(since);
        return {
          modelId: p.modelId,
          type: p.type,
          fitsDone: done,
          fitsTotal: this.totals[i],
          elapsedSeconds: spent,
          etaSeconds: done > 0 ? (spent * (this.totals[i] - done)) / done : null,
        };
      }),
    };
  }
}

/** What a cancelled search completed: the candidates with every fold scored, per model, not refitted. */
function partialModels(plans: ModelPlan[], scores: Map<string, FoldScore[]>, metrics: string[], refit: string, folds: number): ModelResult[] {
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

/**
 * Runs a recipe end to end: prepares the data, cross-validates every
 * candidate in the worker pool, refits each model's best candidate on all
 * training rows, picks the champion on the validation set and evaluates it
 * once on the test set. A cancel rejects, or with `partialOnCancel` resolves
 * with the cross-validation rows finished so far.
 */
export async function runRecipe(recipe: Recipe, frame: Frame, o: RunOptions): Promise<RunRecord> {
  const started = performance.now();
  const prepared = prepare(recipe, frame);
  return runPrepared(recipe, { prepared, rows: frame.rows, seconds: seconds(started) }, o);
}

/** The recipe's data already prepared (elsewhere, e.g. on the analysis thread), with the dataset's row count and how long preparing took. */
export interface PreparedInput {
  prepared: PreparedData;
  rows: number;
  seconds: number;
}

/** `runRecipe` from prepared data: the search, the refits and the champion's test. */
export async function runPrepared(recipe: Recipe, input: PreparedInput, o: RunOptions): Promise<RunRecord> {
  const started = performance.now() - input.seconds * 1000;
  const startedAt = new Date(Date.now() - input.seconds * 1000).toISOString();
  const { prepared } = input;
  const prepareSeconds = input.seconds;
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
    refit: recipe.refit,
  };
  const cvJobs: Extract<SearchJob, { kind: 'cv' }>[] = plans.flatMap((p) => p.groups.flatMap((group) => folds.map((_, fold) => ({ kind: 'cv' as const, group, fold }))));
  const { fits } = countFits(plans, folds.length);
  const workers = Math.max(1, Math.min(o.workers ?? availableParallelism(), cvJobs.length));
  const factory = o.factory ?? forkWorker;
  const modelIndex = new Map(plans.map((p, i) => [p.modelId, i]));
  // One refit per model counts as a fit, so the bar reaches its end only when the run does.
  const progress = new SearchProgress(plans, plans.map((p) => p.groups.length * folds.length + 1), o);
  const base = {
    recipeName: recipe.name,
    recipe,
    assayVersion: ASSAY_VERSION,
    startedAt,
    dataset: { name: o.dataset.name, rows: input.rows, contentHash: o.dataset.contentHash, expectedHash: recipe.dataset.contentHash },
    classes: prepared.classes,
    features: prepared.features,
    rows: { train: prepared.train.y.length, validation: prepared.validation?.y.length ?? 0, test: prepared.test.y.length },
    leakage: prepared.leakage,
    notes: prepared.notes,
  };

  progress.report(`Cross-validating ${plans.length} model${plans.length > 1 ? 's' : ''}: ${fits} fits, then ${plans.length} refit${plans.length > 1 ? 's' : ''}`);
  const scores = new Map<string, FoldScore[]>(plans.map((p) => [p.modelId, []]));
  const failed = new Map<string, ModelResult['failedFits']>(plans.map((p) => [p.modelId, []]));
  const fitSeconds = new Map<string, number>(plans.map((p) => [p.modelId, 0]));
  const searchStart = performance.now();
  const cancelled = (e: unknown) => o.partialOnCancel && e instanceof ApiError && e.code === 'cancelled';
  const partialRecord = (phase: string): RunRecord => ({
    ...base,
    notes: [...base.notes, `Cancelled during ${phase}; models show the cross-validation candidates they finished and were not refitted.`],
    models: partialModels(plans, scores, metrics, recipe.refit, folds.length),
    champion: null,
    seconds: { prepare: prepareSeconds, search: seconds(searchStart), total: seconds(started) },
    status: 'cancelled',
  });
  try {
    await runJobs<SearchJob, CvJobResult>({
      factory,
      size: workers,
      data,
      jobs: cvJobs,
      cost: jobCost,
      signal: o.signal,
      onUnits: (jobId, d, t) => progress.running(jobId, modelIndex.get(cvJobs[jobId].group.modelId)!, t > 0 ? d / t : 0),
      onJobDone: (outcome, job) => {
        if (job.kind !== 'cv') return;
        if (outcome.ok) {
          scores.get(job.group.modelId)!.push(...outcome.result!.scores);
          fitSeconds.set(job.group.modelId, fitSeconds.get(job.group.modelId)! + outcome.result!.scores[0].fitSeconds);
        }
        else for (const c of job.group.candidates) failed.get(job.group.modelId)!.push({ candidate: c, fold: job.fold, error: outcome.error! });
        progress.finished(outcome.jobId, modelIndex.get(job.group.modelId)!);
      },
    });
  } catch (e) {
    if (cancelled(e)) return partialRecord('cross-validation');
    throw e;
  }
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

  progress.report('Refitting the best candidates on all training rows');
  const finalJobs: Extract<SearchJob, { kind: 'final' }>[] = plans.map((p, i) => ({
    kind: 'final',
    modelId: p.modelId,
    type: p.type,
    params: resolveParams(p.type as ModelKind, p.candidates[cvByModel[i].best].params, `$.models[${i}]`),
  }));
  const refitJobOffset = 1_000_000;
  let finals;
  try {
    finals = await runJobs<SearchJob, FinalJobResult>({
      factory,
      size: Math.min(workers, finalJobs.length),
      data,
      jobs: finalJobs,
      cost: jobCost,
      signal: o.signal,
      onUnits: (jobId, d, t) => progress.running(refitJobOffset + jobId, jobId, t > 0 ? d / t : 0),
      onJobDone: (outcome) => progress.finished(refitJobOffset + outcome.jobId, outcome.jobId),
    });
  } catch (e) {
    if (cancelled(e)) return partialRecord('refitting');
    throw e;
  }

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
      seconds: { search: searchSeconds, refit: r.seconds, fits: fitSeconds.get(p.modelId)! },
      failedFits: failed.get(p.modelId)!,
      heldOut: { validation: r.validationProba && prepared.validation ? heldOut(prepared.validation.y, r.validationProba) : null, test: null },
      importances: r.importanceSets,
      partial: false,
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
  const testProba = finals[champion].result!.testProba;
  const championTest = evaluate(metrics, prepared.test.y, testProba, prepared.classes);
  models[champion].heldOut.test = heldOut(prepared.test.y, testProba);
  progress.report('Done');

  return {
    ...base,
    models,
    champion: { modelId: models[champion].modelId, rule: `highest ${rule} ${recipe.champion.metric}`, test: championTest },
    seconds: { prepare: prepareSeconds, search: searchSeconds, total: seconds(started) },
    status: 'complete',
  };
}
