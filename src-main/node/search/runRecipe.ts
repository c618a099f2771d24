import { availableParallelism } from 'node:os';
import { ApiError } from '../../core/api/errors';
import type { Progress } from '../../core/api/contract';
import { checkClassCounts, kFold, stratifiedKFold } from '../../core/modelSelection/kFold';
import { resolveParams, type ModelKind } from '../../core/ml/params';
import type { Frame } from '../../core/recipe/frame';
import { prepare, type PreparedData } from '../../core/recipe/pipeline';
import type { Recipe } from '../../core/recipe/schema';
import { aggregateCv, type FoldScore } from '../../core/search/cvResults';
import { evaluate, type CvJobResult, type FinalJobResult, type SearchData, type SearchJob, type TestJobResult } from '../../core/search/jobs';
import { OutOfFoldScores } from '../../core/search/outOfFold';
import { dummyFeatures } from '../../core/search/dummyFeatures';
import { countFits, planModels, type ModelPlan } from '../../core/search/plan';
import type { HeldOutScores, ModelResult, RunRecord } from '../../core/search/runRecord';
import type { RunPhase, RunProgress } from '../../core/search/runSummary';
import { PRIOR_SPREAD, searchCosts } from '../../core/search/estimate';
import { PHASE_LABELS, SearchProgress } from '../../core/search/searchProgress';
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
  /** Seconds per work unit by model type learned from earlier runs (core/search/estimate's learnedRates); built-in rates otherwise. */
  rates?: Partial<Record<ModelKind, number>>;
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

/** The index of the highest value, the first on a tie; NaN (a failed fit's score) ranks last. */
function bestIndex(values: number[]): number {
  const v = (i: number) => (Number.isNaN(values[i]) ? -Infinity : values[i]);
  let best = 0;
  for (let i = 1; i < values.length; i++) if (v(i) > v(best)) best = i;
  return best;
}

/** The largest absolute difference between two probability matrices (Infinity when their shapes differ). */
function largestDifference(a: ProbabilityMatrix | null, b: ProbabilityMatrix | null): number {
  if (!a || !b) return a === b ? 0 : Infinity;
  if (a.data.length !== b.data.length) return Infinity;
  let d = 0;
  for (let i = 0; i < a.data.length; i++) d = Math.max(d, Math.abs(a.data[i] - b.data[i]));
  return d;
}

/** Held-out rows as the record keeps them: p(positive) for two classes, the whole matrix for more (see HeldOutScores). */
function heldOut(y: Int32Array, proba: ProbabilityMatrix): HeldOutScores {
  if (proba.classes > 2) return { y: Array.from(y), score: [], proba: Array.from(proba.data) };
  const score = new Array<number>(proba.rows);
  for (let i = 0; i < proba.rows; i++) score[i] = proba.data[i * proba.classes + 1];
  return { y: Array.from(y), score };
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
  const plans: ModelPlan[] = planModels(recipe);
  const data: SearchData = {
    train: prepared.train,
    validation: prepared.validation,
    test: prepared.test,
    folds,
    nClasses: prepared.classes.length,
    classes: prepared.classes,
    metrics,
    refit: recipe.refit,
  };
  const cvJobs: Extract<SearchJob, { kind: 'cv' }>[] = plans.flatMap((p) => p.groups.flatMap((group) => folds.map((_, fold) => ({ kind: 'cv' as const, group, fold }))));
  const { fits } = countFits(plans, folds.length);
  const workers = Math.max(1, Math.min(o.workers ?? availableParallelism(), cvJobs.length));
  const factory = o.factory ?? forkWorker;
  // One refit per model counts as a fit, so the bar reaches its end only when the run does.
  const heldOutRows = (prepared.validation ?? prepared.test).y.length;
  const costs = searchCosts(plans, folds.length, { trainRows: prepared.train.y.length, heldOutRows, features: prepared.features.length, classes: prepared.classes.length }, o.rates ?? {});
  const learned = plans.some((p) => o.rates?.[p.type] !== undefined);
  const progress = new SearchProgress(plans, costs, workers, learned ? PRIOR_SPREAD.learned : PRIOR_SPREAD.builtIn, () => performance.now() / 1000);
  const report = (message: string, phase?: RunPhase) => {
    if (phase) progress.enter(phase);
    const p = progress.snapshot(message || PHASE_LABELS[progress.phase]);
    o.onProgress?.({ done: Math.floor(p.fitsDone), total: p.fitsTotal, unit: 'fits', message: p.message, etaSeconds: p.etaSeconds ?? undefined });
    o.onRunProgress?.(p);
  };
  const base = {
    recipeName: recipe.name,
    recipe,
    assayVersion: ASSAY_VERSION,
    startedAt,
    dataset: { name: o.dataset.name, rows: input.rows, contentHash: o.dataset.contentHash, expectedHash: recipe.dataset.contentHash },
    classes: prepared.classes,
    features: prepared.features,
    dummies: dummyFeatures(recipe.steps, prepared.learned, prepared.features),
    rows: { train: prepared.train.y.length, validation: prepared.validation?.y.length ?? 0, test: prepared.test.y.length },
    leakage: prepared.leakage,
    notes: prepared.notes,
  };

  const cvMessage = `Cross-validating ${plans.length} model${plans.length > 1 ? 's' : ''}: ${fits} fits, then ${plans.length} refit${plans.length > 1 ? 's' : ''}`;
  report(cvMessage, 'cross-validating');
  const scores = new Map<string, FoldScore[]>(plans.map((p) => [p.modelId, []]));
  const failed = new Map<string, ModelResult['failedFits']>(plans.map((p) => [p.modelId, []]));
  const fitSeconds = new Map<string, number>(plans.map((p) => [p.modelId, 0]));
  const outOfFold = new Map(plans.map((p) => [p.modelId, new OutOfFoldScores(prepared.train.y.length, prepared.classes.length)]));
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
      onJobStart: (jobId) => progress.started('cv', jobId),
      onUnits: (jobId, d, t) => {
        progress.units('cv', jobId, t > 0 ? d / t : 0);
        report(cvMessage);
      },
      onJobDone: (outcome, job) => {
        if (job.kind !== 'cv') return;
        if (outcome.ok) {
          scores.get(job.group.modelId)!.push(...outcome.result!.scores);
          const oof = outOfFold.get(job.group.modelId)!;
          job.group.candidates.forEach((c, i) => oof.add(c, folds[job.fold].test, outcome.result!.outOfFold[i]));
          fitSeconds.set(job.group.modelId, fitSeconds.get(job.group.modelId)! + outcome.result!.scores[0].fitSeconds);
        }
        else for (const c of job.group.candidates) failed.get(job.group.modelId)!.push({ candidate: c, fold: job.fold, error: outcome.error! });
        const r = outcome.ok ? outcome.result!.scores : null;
        progress.finished('cv', outcome.jobId, r && r.length ? r[0].fitSeconds + r.reduce((s, x) => s + x.scoreSeconds, 0) : undefined);
        report(cvMessage);
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

  // The champion is chosen without looking at the test set, then tested once. When it is known
  // before the refits (chosen in cross-validation, or the only model), its refit scores the test rows.
  const rule = recipe.champion.on === 'validation' && prepared.validation ? 'validation' : 'cv';
  const bestCv = (i: number) => cvByModel[i].rows.find((row) => row.candidate === cvByModel[i].best)!;
  const knownChampion = plans.length === 1 ? 0 : rule === 'cv' ? bestIndex(plans.map((_, i) => bestCv(i).mean[recipe.champion.metric])) : null;

  const refitMessage = 'Refitting the best candidates on all training rows';
  report(refitMessage, 'refitting');
  const finalJobs: Extract<SearchJob, { kind: 'final' }>[] = plans.map((p, i) => ({
    kind: 'final',
    modelId: p.modelId,
    type: p.type,
    params: resolveParams(p.type as ModelKind, p.candidates[cvByModel[i].best].params, `$.models[${i}]`),
    scoreTest: i === knownChampion,
  }));
  let finals;
  try {
    finals = await runJobs<SearchJob, FinalJobResult>({
      factory,
      size: Math.min(workers, finalJobs.length),
      data,
      jobs: finalJobs,
      cost: jobCost,
      signal: o.signal,
      onJobStart: (jobId) => progress.started('refit', jobId),
      onUnits: (jobId, d, t) => {
        progress.units('refit', jobId, t > 0 ? d / t : 0);
        report(progress.phase === 'scoring' ? 'Scoring held-out rows (permutation importance)' : refitMessage);
      },
      onJobDone: (outcome) => {
        progress.finished('refit', outcome.jobId);
        report(progress.phase === 'scoring' ? 'Scoring held-out rows (permutation importance)' : refitMessage);
      },
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
    const best = bestCv(i);
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
      heldOut: {
        validation: r.validationProba && prepared.validation ? heldOut(prepared.validation.y, r.validationProba) : null,
        test: null,
        outOfFold: outOfFold.get(p.modelId)!.scores(cv.best, prepared.train.y),
      },
      importances: r.importanceSets,
      partial: false,
    };
  });

  const champion = knownChampion ?? bestIndex(models.map((m) => m.validation!.metrics[recipe.champion.metric]));
  report('Scoring the champion on the test rows', 'scoring');
  const notes: string[] = [];
  let testProba = finals[champion].result!.testProba;
  if (!testProba) {
    const job = { kind: 'test' as const, modelId: finalJobs[champion].modelId, type: finalJobs[champion].type, params: finalJobs[champion].params };
    let tested;
    try {
      [tested] = await runJobs<SearchJob, TestJobResult>({ factory, size: 1, data, jobs: [job], signal: o.signal });
    } catch (e) {
      if (cancelled(e)) return partialRecord('testing the champion');
      throw e;
    }
    if (!tested.ok) throw new ApiError('internal', `Scoring the champion "${job.modelId}" on the test set failed: ${tested.error}`);
    testProba = tested.result!.testProba;
    // Fits are seeded, so the second fit is the first; were it ever not, the record says so.
    const drift = largestDifference(tested.result!.validationProba, finals[champion].result!.validationProba);
    if (drift > 0) notes.push(`The champion was refitted to score the test set, and the refit's validation probabilities differ from the first fit's by up to ${drift.toPrecision(3)}; the test scores are the refit's.`);
  }
  const championTest = evaluate(metrics, prepared.test.y, testProba, prepared.classes);
  models[champion].heldOut.test = heldOut(prepared.test.y, testProba);
  report('Done');

  return {
    ...base,
    notes: [...base.notes, ...notes],
    models,
    champion: { modelId: models[champion].modelId, rule: `highest ${rule} ${recipe.champion.metric}`, test: championTest },
    seconds: { prepare: prepareSeconds, search: searchSeconds, total: seconds(started) },
    status: 'complete',
  };
}
