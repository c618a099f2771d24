import { confusionAtThreshold, DEFAULT_THRESHOLD } from '../../../src-main/core/metrics/thresholds';
import type { ParamValue } from '../../../src-main/core/ml/params';
import type { Evaluation, HeldOutScores, ImportanceSet, ModelResult, RunRecord } from '../../../src-main/core/search/runRecord';

/** Small hand-made run records for the comparison's tests. */

export const HASH = 'a1b2c3d4'.repeat(8);

export const STEPS = [
  { op: 'dropMissing' },
  { op: 'split', test: 0.25, validation: 0.25, randomState: 0, stratify: false },
  { op: 'countVectorizer', column: 'text', ngramRange: [1, 1], stopWords: null, dropSource: true },
];

export function heldOut(y: number[], score: number[]): HeldOutScores {
  return { y, score };
}

/** Scores that predict `y` except where `wrong` says (flipped to the other side of 0.5). */
export function predicting(y: number[], wrong: number[] = []): HeldOutScores {
  return { y, score: y.map((v, i) => ((v === 1) !== wrong.includes(i) ? 0.9 : 0.1)) };
}

export function evaluationOf(h: HeldOutScores): Evaluation {
  const c = confusionAtThreshold(Int32Array.from(h.y), h.score, DEFAULT_THRESHOLD);
  return {
    rows: h.y.length,
    metrics: { accuracy: c.accuracy, recall: c.recall },
    confusion: [
      [c.tn, c.fp],
      [c.fn, c.tp],
    ],
    report: null,
  };
}

export interface ModelSpec {
  type?: string;
  params?: Record<string, ParamValue>;
  /** Fold scores of the best candidate per metric. */
  folds: Record<string, number[]>;
  validation?: HeldOutScores | null;
  test?: HeldOutScores | null;
  outOfFold?: HeldOutScores | null;
  importances?: ImportanceSet[];
  partial?: boolean;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const std = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));

export function model(modelId: string, s: ModelSpec): ModelResult {
  const metrics = Object.keys(s.folds);
  const row = {
    candidate: 1,
    params: s.params ?? {},
    mean: Object.fromEntries(metrics.map((m) => [m, mean(s.folds[m])])),
    std: Object.fromEntries(metrics.map((m) => [m, std(s.folds[m])])),
    rank: Object.fromEntries(metrics.map((m) => [m, 1])),
    split: s.folds,
    meanFitSeconds: 0,
    meanScoreSeconds: 0,
  };
  // A worse candidate first, so the best one has to be looked up.
  const other = { ...row, candidate: 0, mean: Object.fromEntries(metrics.map((m) => [m, 0])), split: Object.fromEntries(metrics.map((m) => [m, s.folds[m].map(() => 0)])) };
  const validation = s.validation === undefined ? null : s.validation;
  return {
    modelId,
    type: s.type ?? 'randomForest',
    candidates: 2,
    fits: 2 * s.folds[metrics[0]].length,
    bestParams: s.params ?? {},
    bestCv: row.mean,
    cv: { rows: [other, row], best: 1, refit: 'recall' },
    validation: validation && !s.partial ? evaluationOf(validation) : null,
    featureImportances: null,
    model: null,
    seconds: { search: 0, refit: 0 },
    failedFits: [],
    heldOut: { validation: s.partial ? null : validation, test: s.test ?? null, outOfFold: s.outOfFold ?? null },
    importances: s.importances ?? [],
    partial: s.partial ?? false,
  };
}

export interface RecordSpec {
  models: ModelResult[];
  champion?: string | null;
  hash?: string | null;
  steps?: unknown[];
  target?: string;
  cv?: { folds: number; stratified: boolean };
  refit?: string;
  scoring?: string[];
  rows?: { train: number; validation: number; test: number };
  classes?: [string, string];
}

export function record(s: RecordSpec): RunRecord {
  const champion = s.champion === undefined ? s.models[0].modelId : s.champion;
  const championModel = s.models.find((m) => m.modelId === champion);
  return {
    recipeName: 'claims',
    recipe: {
      version: 1,
      name: 'claims',
      dataset: { name: 'claims', contentHash: null },
      target: { column: s.target ?? 'claim_status', positive: 'claim' },
      steps: s.steps ?? STEPS,
      models: [],
      cv: s.cv ?? { folds: 5, stratified: true },
      scoring: s.scoring ?? ['accuracy', 'recall'],
      refit: s.refit ?? 'recall',
      champion: { metric: 'recall', on: 'validation' },
    },
    assayVersion: '0.0.0',
    startedAt: '2025-01-01T00:00:00.000Z',
    dataset: { name: 'claims', rows: 200, contentHash: s.hash === undefined ? HASH : s.hash, expectedHash: null },
    classes: s.classes ?? ['opinion', 'claim'],
    features: ['a', 'b'],
    rows: s.rows ?? { train: 100, validation: 20, test: 20 },
    leakage: [],
    notes: [],
    models: s.models,
    champion: championModel && champion ? { modelId: champion, rule: 'validation', test: evaluationOf(championModel.heldOut.test!) } : null,
    seconds: { prepare: 0, search: 0, total: 0 },
    status: 'complete',
  };
}
