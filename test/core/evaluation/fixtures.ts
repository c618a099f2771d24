/** Small hand-built run records for the evaluation tests, shaped like the seed project's runs. */
import type { ModelResult, RunRecord } from '../../../src-main/core/search/runRecord';

/** A logistic-regression model's JSON as LogisticRegressionModel.toJSON writes it. */
export function lrJson(penalty: 'l2' | 'none', over: Record<string, unknown> = {}) {
  return {
    kind: 'logisticRegression',
    penalty,
    C: 1,
    fitIntercept: true,
    features: ['video_duration_sec', 'claim_status_opinion', 'video_view_count'],
    coefficients: [0.0086, 1.55, -2.1e-6],
    intercept: -2,
    oddsRatios: [Math.exp(0.0086), Math.exp(1.55), Math.exp(-2.1e-6)],
    iterations: 7,
    converged: true,
    warning: null,
    inference:
      penalty === 'none'
        ? {
            terms: ['const', 'video_duration_sec', 'claim_status_opinion', 'video_view_count'],
            coef: [-2, 0.0086, 1.55, -2.1e-6],
            stdErrors: [0.1, 0.001, 0.05, 3e-6],
            z: [-20, 8.6, 31, -0.7],
            pValues: [0, 2e-19, 0, 0.48],
            ci95: [
              [-2.2, -1.8],
              [0.0066, 0.0106],
              [1.45, 1.65],
              [-8e-6, 3.8e-6],
            ],
          }
        : null,
    inferenceError: null,
    ...over,
  };
}

export function model(over: Partial<ModelResult> = {}): ModelResult {
  return {
    modelId: 'rf',
    type: 'randomForest',
    candidates: 2,
    fits: 10,
    bestParams: { max_depth: 5 },
    bestCv: { recall: 0.99, precision: 1, accuracy: 0.995 },
    cv: {
      rows: [
        {
          candidate: 0,
          params: { max_depth: 5, n_estimators: 100 },
          mean: { recall: 0.99, precision: 1, accuracy: 0.995 },
          std: { recall: 0.01, precision: 0, accuracy: 0.004 },
          rank: { recall: 1, precision: 1, accuracy: 1 },
          split: {},
          meanFitSeconds: 1.5,
          meanScoreSeconds: 0.1,
        },
        {
          candidate: 1,
          params: { max_depth: null, n_estimators: 100 },
          mean: { recall: 0.98, precision: 1, accuracy: 0.99 },
          std: { recall: 0.02, precision: 0, accuracy: 0.01 },
          rank: { recall: 2, precision: 1, accuracy: 2 },
          split: {},
          meanFitSeconds: 2.5,
          meanScoreSeconds: 0.1,
        },
      ],
      best: 0,
      refit: 'recall',
    },
    validation: { rows: 3817, metrics: { recall: 0.9896, precision: 0.9974, accuracy: 0.9935 }, confusion: [[1887, 5], [20, 1905]], report: null },
    featureImportances: null,
    model: null,
    seconds: { search: 1, refit: 1 },
    failedFits: [],
    heldOut: { validation: null, test: null },
    importances: [
      {
        kind: 'impurity',
        title: 'Impurity decrease',
        description: '',
        features: [
          { feature: 'text_length', value: 0.1 },
          { feature: 'video_view_count', value: 0.6 },
          { feature: 'video_like_count', value: 0.25 },
          { feature: 'video_share_count', value: 0.05 },
        ],
      },
      {
        kind: 'permutation',
        title: 'Permutation (recall, validation)',
        description: '',
        features: [
          { feature: 'video_view_count', value: 0.2, std: 0.01 },
          { feature: 'text_length', value: 0, std: 0 },
        ],
      },
    ],
    partial: false,
    ...over,
  };
}

/** The seed's claims run: opinion is the negative class, claim the positive; the first model is the champion. */
export function record(models: ModelResult[], over: Partial<RunRecord> = {}): RunRecord {
  return {
    recipeName: 'Course 6',
    recipe: { scoring: ['accuracy', 'precision', 'recall'], champion: { metric: 'recall', on: 'validation' } },
    assayVersion: '0',
    startedAt: '',
    dataset: { name: 's', rows: 19382, contentHash: null, expectedHash: null },
    classes: ['opinion', 'claim'],
    features: [],
    rows: { train: 11450, validation: 3817, test: 3817 },
    leakage: [],
    notes: [],
    models,
    champion: {
      modelId: models[0].modelId,
      rule: 'highest validation recall',
      test: { rows: 3817, metrics: { recall: 0.9937, precision: 0.9989, accuracy: 0.9963 }, confusion: [[1901, 2], [12, 1902]], report: null },
    },
    seconds: { prepare: 0, search: 0, total: 0 },
    status: 'complete',
    ...over,
  };
}
