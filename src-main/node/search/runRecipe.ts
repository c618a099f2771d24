import { availableParallelism } from 'node:os';
import { ApiError } from '../../core/api/errors';
import type { Progress } from '../../core/api/contract';
import { resolveParams, type ModelKind } from '../../core/ml/params';
import type { Frame } from '../../core/recipe/frame';
import { prepare, type PreparedData } from '../../core/recipe/pipeline';
import type { Recipe } from '../../core/recipe/schema';
import { bestIndex, championBeforeRefits, championRule } from '../../core/search/champion';
import type { FoldScore } from '../../core/search/cvResults';
import { failedFitScores, type FailedFit } from '../../core/search/failedFits';
import { heldOutScores } from '../../core/search/heldOutScores';
import { jobCost } from '../../core/search/jobCost';
import { dataForJobs, evaluate, type CvJobResult, type FinalJobResult, type SearchJob } from '../../core/search/jobs';
import { modelCv } from '../../core/search/modelCv';
import { modelResult } from '../../core/search/modelResult';
import { OutOfFoldScores } from '../../core/search/outOfFold';
import { partialModels } from '../../core/search/partialModels';
import { recordHeader } from '../../core/search/recordHeader';
import { searchData } from '../../core/search/searchData';
import { countFits, planModels, type ModelPlan } from '../../core/search/plan';
import type { ModelResult, RunRecord } from '../../core/search/runRecord';
import type { RunPhase, RunProgress } from '../../core/search/runSummary';
import { PRIOR_SPREAD, searchCosts } from '../../core/search/estimate';
import { PHASE_LABELS, SearchProgress } from '../../core/search/searchProgress';
import { isSmallSearch } from '../../core/search/smallSearch';
import { inThreadWorker } from '../pool/inThreadWorker';
import { runJobs } from '../pool/workerPool';
import { forkWorker, type WorkerFactory } from '../pool/workerPort';

export interface RunOptions {
  /** Where jobs run; forked workers by default (see smallInThread). */
  factory?: WorkerFactory;
  /**
   * Run a small search (core/search/smallSearch) in the calling thread instead
   * of starting workers. For the CLI, whose process does nothing else; the
   * app's host keeps training off its thread, so its grid and API stay responsive.
   */
  smallInThread?: boolean;
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
  const data = searchData(recipe, prepared);
  const { folds, metrics } = data;
  const plans: ModelPlan[] = planModels(recipe);
  const cvJobs: Extract<SearchJob, { kind: 'cv' }>[] = plans.flatMap((p) => p.groups.flatMap((group) => folds.map((_, fold) => ({ kind: 'cv' as const, group, fold }))));
  const { fits } = countFits(plans, folds.length);
  // One refit per model counts as a fit, so the bar reaches its end only when the run does.
  const heldOutRows = (prepared.validation ?? prepared.test).y.length;
  const costs = searchCosts(plans, folds.length, { trainRows: prepared.train.y.length, heldOutRows, features: prepared.features.length, classes: prepared.classes.length }, o.rates ?? {});
  // A search that takes less than starting a worker runs here, one job at a time.
  const inThread = !o.factory && o.smallInThread === true && isSmallSearch(costs);
  const factory = o.factory ?? (inThread ? inThreadWorker : forkWorker);
  const workers = inThread ? 1 : Math.max(1, Math.min(o.workers ?? availableParallelism(), cvJobs.length));
  const learned = plans.some((p) => o.rates?.[p.type] !== undefined);
  const progress = new SearchProgress(plans, costs, workers, learned ? PRIOR_SPREAD.learned : PRIOR_SPREAD.builtIn, () => performance.now() / 1000);
  const report = (message: string, phase?: RunPhase) => {
    if (phase) progress.enter(phase);
    const p = progress.snapshot(message || PHASE_LABELS[progress.phase]);
    o.onProgress?.({ done: Math.floor(p.fitsDone), total: p.fitsTotal, unit: 'fits', message: p.message, etaSeconds: p.etaSeconds ?? undefined });
    o.onRunProgress?.(p);
  };
  const base = recordHeader(recipe, prepared, { ...o.dataset, rows: input.rows }, startedAt);

  const cvMessage = `Cross-validating ${plans.length} model${plans.length > 1 ? 's' : ''}: ${fits} fits, then ${plans.length} refit${plans.length > 1 ? 's' : ''}`;
  report(cvMessage, 'cross-validating');
  const scores = new Map<string, FoldScore[]>(plans.map((p) => [p.modelId, []]));
  const failed = new Map<string, FailedFit[]>(plans.map((p) => [p.modelId, []]));
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
      data: dataForJobs(data, cvJobs),
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
    s.push(...failedFitScores(failed.get(p.modelId)!, metrics));
    return modelCv(p, s, failed.get(p.modelId)!, metrics, recipe.refit, folds.length);
  });

  // The champion is chosen without looking at the test set, then tested once. When it is known
  // before the refits (chosen in cross-validation, or the only model), only its refit scores the
  // test rows; otherwise every refit does, and only the champion's scores are kept, which is
  // cheaper than refitting the champion once more (minutes on a million rows).
  const rule = championRule(recipe, Boolean(prepared.validation));
  const knownChampion = championBeforeRefits(rule, cvByModel, recipe.champion.metric);

  const refitMessage = 'Refitting the best candidates on all training rows';
  report(refitMessage, 'refitting');
  const finalJobs: Extract<SearchJob, { kind: 'final' }>[] = plans.map((p, i) => ({
    kind: 'final',
    modelId: p.modelId,
    type: p.type,
    params: resolveParams(p.type as ModelKind, p.candidates[cvByModel[i].best].params, `$.models[${i}]`),
    scoreTest: knownChampion === null || i === knownChampion,
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
    const cv = cvByModel[i];
    return modelResult(p, cv, out.result!, {
      prepared,
      metrics,
      folds: folds.length,
      searchSeconds,
      fitSeconds: fitSeconds.get(p.modelId)!,
      failedFits: failed.get(p.modelId)!,
      outOfFold: outOfFold.get(p.modelId)!.scores(cv.best, prepared.train.y),
    });
  });

  const champion = knownChampion ?? bestIndex(models.map((m) => m.validation!.metrics[recipe.champion.metric]));
  report('Scoring the champion on the test rows', 'scoring');
  const testProba = finals[champion].result!.testProba;
  if (!testProba) throw new ApiError('internal', `The champion "${finalJobs[champion].modelId}" was refitted without scoring the test rows.`);
  const championTest = evaluate(metrics, prepared.test.y, testProba, prepared.classes);
  models[champion].heldOut.test = heldOutScores(prepared.test.y, testProba);
  report('Done');

  return {
    ...base,
    notes: base.notes,
    models,
    champion: { modelId: models[champion].modelId, rule: `highest ${rule} ${recipe.champion.metric}`, test: championTest },
    seconds: { prepare: prepareSeconds, search: searchSeconds, total: seconds(started) },
    status: 'complete',
  };
}
