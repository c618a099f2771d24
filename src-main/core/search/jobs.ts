import { confusionMatrix } from '../metrics/confusionMatrix';
import { classificationReport } from '../metrics/classificationReport';
import { predictFromProba } from '../metrics/thresholds';
import { scorerFor } from '../metrics/scorers';
import { modelSpec } from '../ml/registry';
import { takeLabels, takeRows, type FeatureMatrix, type FitOptions, type FittedClassifier, type ProbabilityMatrix, type StagedClassifier } from '../ml/types';
import type { ParamValue } from '../ml/params';
import type { FitGroup } from './plan';
import type { FoldScore } from './cvResults';
import type { Evaluation, ImportanceSet } from './runRecord';
import { modelImportances, permutationSet } from './importances';

/** What every worker receives once per search. */
export interface SearchData {
  train: { X: FeatureMatrix; y: Int32Array };
  validation: { X: FeatureMatrix; y: Int32Array } | null;
  test: { X: FeatureMatrix; y: Int32Array };
  folds: { train: Int32Array; test: Int32Array }[];
  nClasses: number;
  classes: string[];
  metrics: string[];
  /** The metric permutation importance is scored with (the recipe's refit metric). */
  refit: string;
  /** Set by dataForJobs when no job sent with this data reads the held-out rows: `validation` and `test` then hold no rows. */
  heldOutWithheld?: true;
}

const noRows = (part: { X: FeatureMatrix }) => ({ X: { rows: 0, columns: part.X.columns.map(() => new Float64Array(0)), names: part.X.names }, y: new Int32Array(0) });

/**
 * What workers running `jobs` need of `data`: cross-validation reads only the
 * training rows and the folds, so a pool of only such jobs is not sent the
 * validation and test matrices (each worker gets its own copy of what it is sent).
 */
export function dataForJobs(data: SearchData, jobs: readonly SearchJob[]): SearchData {
  if (jobs.some((j) => j.kind !== 'cv')) return data;
  return { ...data, validation: data.validation && noRows(data.validation), test: noRows(data.test), heldOutWithheld: true };
}

function needHeldOut(data: SearchData, kind: SearchJob['kind']): void {
  if (data.heldOutWithheld) throw new Error(`A ${kind} job was sent data without its held-out rows (dataForJobs is for cross-validation jobs only).`);
}

export type SearchJob =
  | { kind: 'cv'; group: FitGroup; fold: number }
  /** Refits on all training rows; scores the test rows when asked (the champion's, or every model's while the champion is not yet known). */
  | { kind: 'final'; modelId: string; type: string; params: Record<string, ParamValue>; scoreTest: boolean };

export interface CvJobResult {
  kind: 'cv';
  scores: FoldScore[];
  /**
   * Per candidate (in `group.candidates` order), the fold's held-out rows in
   * `folds[fold].test` order: p(positive) for two classes, every class's
   * probability row-major (rows × k) for more.
   */
  outOfFold: Float64Array[];
}

export interface FinalJobResult {
  kind: 'final';
  modelId: string;
  seconds: number;
  validationProba: ProbabilityMatrix | null;
  /** Only when the job was asked to score the test rows. */
  testProba: ProbabilityMatrix | null;
  importances: Float64Array | null;
  /** Every importance the model offers, permutation included. */
  importanceSets: ImportanceSet[];
  model: unknown;
}

const now = () => performance.now() / 1000;

/**
 * A multinomial logistic regression is told the class names, so that its
 * messages (a feature separating "banned" from the rest) and its stored
 * document name classes, not indices. Binary fits are left exactly as they were.
 */
function fitParams(type: string, params: object, classes: string[]): Record<string, unknown> {
  return type === 'logisticRegression' && classes.length > 2 ? { ...params, classNames: classes } : (params as Record<string, unknown>);
}

/** What out-of-fold predictions keep of a probability matrix: the positive column for two classes, all of it for more. */
function heldOutColumns(proba: ProbabilityMatrix): Float64Array {
  if (proba.classes > 2) return Float64Array.from(proba.data);
  const out = new Float64Array(proba.rows);
  for (let i = 0; i < proba.rows; i++) out[i] = proba.data[i * proba.classes + 1];
  return out;
}

function scoreAll(metrics: string[], y: Int32Array, proba: ProbabilityMatrix): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of metrics) out[m] = scorerFor(m)(y, proba, 1);
  return out;
}

function isStaged(model: FittedClassifier): model is StagedClassifier {
  return typeof (model as StagedClassifier).predictProbaStaged === 'function';
}

/** Fits one group on one fold and scores each of its candidates on the held-out rows. */
export function runCvJob(data: SearchData, group: FitGroup, fold: number, opts: FitOptions = {}): CvJobResult {
  const f = data.folds[fold];
  const Xtr = takeRows(data.train.X, f.train);
  const ytr = takeLabels(data.train.y, f.train);
  const Xte = takeRows(data.train.X, f.test);
  const yte = takeLabels(data.train.y, f.test);
  const t0 = now();
  const model = modelSpec(group.type).fit(Xtr, ytr, data.nClasses, fitParams(group.type, group.params, data.classes), opts);
  const fitSeconds = now() - t0;
  const t1 = now();
  const probas = group.stages && isStaged(model) ? model.predictProbaStaged(Xte, group.stages) : [model.predictProba(Xte)];
  const scores: FoldScore[] = group.candidates.map((candidate, i) => ({
    candidate,
    fold,
    scores: scoreAll(data.metrics, yte, probas[Math.min(i, probas.length - 1)]),
    // One fit serves every stage; each candidate is charged the whole fit, as if fitted alone it would cost at most that.
    fitSeconds,
    scoreSeconds: 0,
  }));
  const scoreSeconds = (now() - t1) / scores.length;
  for (const s of scores) s.scoreSeconds = scoreSeconds;
  const outOfFold = group.candidates.map((_, i) => heldOutColumns(probas[Math.min(i, probas.length - 1)]));
  return { kind: 'cv', scores, outOfFold };
}

/** Refits a model on all training rows and predicts validation and test rows. */
export function runFinalJob(data: SearchData, job: Extract<SearchJob, { kind: 'final' }>, opts: FitOptions = {}): FinalJobResult {
  needHeldOut(data, 'final');
  const t0 = now();
  const model = modelSpec(job.type).fit(data.train.X, data.train.y, data.nClasses, fitParams(job.type, job.params, data.classes), opts);
  const seconds = now() - t0;
  // Permutation importance needs held-out rows; the test rows only when there is no validation set, as they do not choose anything here.
  const heldOut = data.validation ?? data.test;
  return {
    kind: 'final',
    modelId: job.modelId,
    seconds,
    validationProba: data.validation ? model.predictProba(data.validation.X) : null,
    testProba: job.scoreTest ? model.predictProba(data.test.X) : null,
    importances: model.featureImportances ? model.featureImportances() : null,
    importanceSets: [
      ...modelImportances(model, data.train.X.names, data.classes),
      permutationSet(model, heldOut.X, heldOut.y, data.refit, data.validation ? 'validation' : 'test'),
    ],
    model: model.toJSON(),
  };
}

export function runSearchJob(data: SearchData, job: SearchJob, opts: FitOptions = {}): CvJobResult | FinalJobResult {
  return job.kind === 'cv' ? runCvJob(data, job.group, job.fold, opts) : runFinalJob(data, job, opts);
}

/** Metrics, confusion matrix and classification report of predicted probabilities. */
export function evaluate(metrics: string[], y: Int32Array, proba: ProbabilityMatrix, classes: string[]): Evaluation {
  const pred = predictFromProba(proba);
  return {
    rows: y.length,
    metrics: scoreAll(metrics, y, proba),
    confusion: confusionMatrix(y, pred, classes.length),
    report: classificationReport(y, pred, classes.length),
  };
}
