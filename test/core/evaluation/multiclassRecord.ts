/**
 * A hand-made three-class run shaped like the shipped ban-status recipe's
 * (author_ban_status: active, banned, under review, in sorted order): the
 * record shape of issue 15 — `classes` of three, held-out `y` as class
 * indices, `proba` row-major n×3, `score` empty. Probabilities come from a
 * seeded generator, so the numbers are fixed but not hand-picked.
 */
import { classificationReport } from '../../../src-main/core/metrics/classificationReport';
import { confusionMatrix } from '../../../src-main/core/metrics/confusionMatrix';
import { predictFromProba } from '../../../src-main/core/metrics/thresholds';
import type { Evaluation, HeldOutScores, ModelResult, RunRecord } from '../../../src-main/core/search/runRecord';
import { mulberry32 } from '../seededRandom';
import { model, record } from './fixtures';

export const BAN_CLASSES = ['active', 'banned', 'under review'];

/**
 * Rows per class in `counts` order; each row's probabilities a softmax of
 * noise plus `signal` on its own class, so the model is right often but not always.
 */
export function classScoresFor(counts: number[], seed = 1, signal = 0.8): HeldOutScores & { proba: number[] } {
  const rand = mulberry32(seed);
  const k = counts.length;
  const y: number[] = [];
  const proba: number[] = [];
  counts.forEach((n, c) => {
    for (let i = 0; i < n; i++) {
      const logits = Array.from({ length: k }, (_, j) => rand() * 2 + (j === c ? signal : 0) + (j === 0 ? 0.6 : 0));
      const max = Math.max(...logits);
      const e = logits.map((v) => Math.exp(v - max));
      const sum = e.reduce((a, b) => a + b, 0);
      y.push(c);
      proba.push(...e.map((v) => v / sum));
    }
  });
  return { y, score: [], proba };
}

export function evaluationOf(s: HeldOutScores & { proba: number[] }, k = 3): Evaluation {
  const y = Int32Array.from(s.y);
  const pred = predictFromProba({ rows: y.length, classes: k, data: Float64Array.from(s.proba) });
  const report = classificationReport(y, pred, k);
  return {
    rows: y.length,
    metrics: { accuracy: report.accuracy ?? NaN, f1_macro: report.macro.f1, recall_macro: report.macro.recall, precision_macro: report.macro.precision },
    confusion: confusionMatrix(y, pred, k),
    report,
  };
}

const cvRow = (candidate: number, f1: number) => ({
  candidate,
  params: { max_depth: candidate ? 10 : null, n_estimators: 100 },
  mean: { accuracy: 0.81, f1_macro: f1, recall_macro: 0.5, precision_macro: 0.6 },
  std: { accuracy: 0.01, f1_macro: 0.02, recall_macro: 0.02, precision_macro: 0.03 },
  rank: { accuracy: 1, f1_macro: candidate + 1, recall_macro: 1, precision_macro: 1 },
  split: {},
  meanFitSeconds: 1,
  meanScoreSeconds: 0.1,
});

/** The ban-status run: rf champion scored on validation and test, xgb on validation only. */
export function banStatusRun(): RunRecord {
  const test = classScoresFor([120, 14, 16], 7);
  const validation = classScoresFor([118, 15, 17], 11);
  const xgbValidation = classScoresFor([118, 15, 17], 13, 0.5);
  const oof = classScoresFor([352, 40, 50], 17);
  const importances = [
    {
      kind: 'impurity' as const,
      title: 'Impurity decrease',
      description: 'Mean decrease in Gini impurity.',
      features: [
        { feature: 'video_view_count', value: 0.4 },
        { feature: 'text_length', value: 0.2 },
        { feature: 'claim_status_opinion', value: 0.3 },
      ],
    },
  ];
  const cv = { rows: [cvRow(0, 0.55), cvRow(1, 0.5)], best: 0, refit: 'f1_macro' };
  const rf: ModelResult = model({
    bestCv: cv.rows[0].mean,
    cv,
    validation: evaluationOf(validation),
    heldOut: { validation, test, outOfFold: oof },
    importances,
  });
  const xgb: ModelResult = model({
    modelId: 'xgb',
    type: 'gradientBoosting',
    bestCv: cv.rows[1].mean,
    cv: { ...cv, best: 1 },
    validation: evaluationOf(xgbValidation),
    heldOut: { validation: xgbValidation, test: null, outOfFold: null },
    importances: [],
  });
  const r = record([rf, xgb], {
    recipeName: 'Ban status (multiclass)',
    recipe: {
      target: { column: 'author_ban_status' },
      steps: [
        { op: 'dropMissing' },
        { op: 'textLength', column: 'video_transcription_text', output: 'text_length' },
        { op: 'oneHot', columns: ['claim_status', 'verified_status'], dropFirst: true },
        { op: 'split', test: 0.2, validation: 0.25, randomState: 0, stratify: true },
      ],
      cv: { folds: 5, stratified: true },
      scoring: ['accuracy', 'f1_macro', 'recall_macro', 'precision_macro'],
      refit: 'f1_macro',
      champion: { metric: 'f1_macro', on: 'validation' },
    },
    classes: BAN_CLASSES as unknown as RunRecord['classes'],
    features: ['video_view_count', 'text_length', 'claim_status_opinion'],
    rows: { train: 442, validation: 150, test: 150 },
  });
  r.champion = { modelId: 'rf', rule: 'highest validation f1_macro', test: evaluationOf(test) };
  return r;
}
