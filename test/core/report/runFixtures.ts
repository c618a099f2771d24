/** Hand-made run records for the report tests: the evaluation fixtures with held-out scores and a stored report. */
import { classificationReport } from '../../../src-main/core/metrics/classificationReport';
import type { HeldOutScores, ModelResult, RunRecord } from '../../../src-main/core/search/runRecord';
import { lrJson, model, record } from '../evaluation/fixtures';

export { lrJson, model, record };

/** Scores that give exactly this confusion at 0.5: [[tn, fp], [fn, tp]], rows actual. */
export function scoresFor([[tn, fp], [fn, tp]]: number[][]): HeldOutScores {
  const y: number[] = [];
  const score: number[] = [];
  const add = (n: number, cls: number, s: number) => {
    for (let i = 0; i < n; i++) {
      y.push(cls);
      // Spread the scores a little so the curves have more than one step.
      score.push(s + (i % 7) * 0.01);
    }
  };
  add(tn, 0, 0.1);
  add(fp, 0, 0.8);
  add(fn, 1, 0.2);
  add(tp, 1, 0.85);
  return { y, score };
}

/** The stored classification report of those scores. */
export function reportOf(s: HeldOutScores) {
  return classificationReport(Int32Array.from(s.y), Int32Array.from(s.score, (v) => (v > 0.5 ? 1 : 0)), 2);
}

const TEST: number[][] = [
  [1901, 2],
  [12, 1902],
];

/**
 * The seed's claims run as the evaluation fixtures have it (rf champion,
 * xgb second), with the champion's test and out-of-fold scores and the
 * stored classification report, and the Course 6 recipe's steps.
 */
export function claimsRun(over: Partial<RunRecord> = {}, champion: Partial<ModelResult> = {}, test: number[][] = TEST): RunRecord {
  const testScores = scoresFor(test);
  const oof = scoresFor([
    [5600, 56],
    [60, 5734],
  ]);
  const rf = model({ heldOut: { validation: null, test: testScores, outOfFold: oof }, ...champion });
  const xgb = model({ modelId: 'xgb', type: 'gradientBoosting', importances: [] });
  const r = record([rf, xgb], {
    recipe: {
      target: { column: 'claim_status', positive: 'claim' },
      steps: [
        { op: 'dropMissing' },
        { op: 'textLength', column: 'video_transcription_text', output: 'text_length' },
        { op: 'oneHot', columns: ['verified_status'], dropFirst: true },
        { op: 'split', test: 0.2, validation: 0.25, randomState: 0, stratify: false },
        { op: 'countVectorizer', column: 'video_transcription_text', ngramRange: [2, 3], maxFeatures: 15, stopWords: 'english' },
      ],
      cv: { folds: 5, stratified: true },
      scoring: ['accuracy', 'precision', 'recall', 'f1'],
      refit: 'recall',
      champion: { metric: 'recall', on: 'validation' },
    },
    startedAt: '2025-03-04T10:00:00.000Z',
    features: ['video_view_count', 'video_like_count', 'text_length', 'verified_status_verified', 'mount everest', 'group chat'],
    dummies: [{ feature: 'verified_status_verified', column: 'verified_status', value: 'verified', base: 'not verified' }],
    ...over,
  });
  const [[tn, fp], [fn, tp]] = test;
  const metrics = { accuracy: (tn + tp) / (tn + fp + fn + tp), precision: tp / (tp + fp), recall: tp / (tp + fn), f1: (2 * tp) / (2 * tp + fp + fn) };
  r.champion = { modelId: 'rf', rule: 'highest validation recall', test: { rows: tn + fp + fn + tp, metrics, confusion: test, report: reportOf(testScores) } };
  return r;
}

/** A logistic-regression champion of the verified-status kind (Course 5), optionally leaking. */
export function verifiedRun(leak: boolean, test: number[][] = [
  [2359, 2127],
  [42, 243],
]): RunRecord {
  const lr = model({
    modelId: 'logreg',
    type: 'logisticRegression',
    candidates: 1,
    bestParams: { max_iter: 800 },
    model: lrJson('l2'),
    importances: [
      { kind: 'coefficient', title: 'Coefficients (log-odds)', description: '', features: [{ feature: 'claim_status_opinion', value: 1.55 }] },
      {
        kind: 'permutation',
        title: 'Permutation (recall, test)',
        description: '',
        features: [
          { feature: 'claim_status_opinion', value: 0.356, std: 0.01 },
          { feature: 'video_duration_sec', value: 0.0004, std: 0.0001 },
        ],
      },
    ],
    validation: null,
  });
  lr.cv.rows = lr.cv.rows.slice(0, 1);
  const r = claimsRun(
    {
      models: [lr],
      classes: ['not verified', 'verified'],
      features: ['video_duration_sec', 'claim_status_opinion', 'video_view_count'],
      dummies: [{ feature: 'claim_status_opinion', column: 'claim_status', value: 'opinion', base: 'claim' }],
      rows: { train: 26856, validation: 0, test: test.flat().reduce((a, b) => a + b, 0) },
      leakage: leak ? [{ step: 2, op: 'resample', message: 'Resampling before the split copies rows that then land in both training and test sets, so test scores are inflated.' }] : [],
      recipe: {
        target: { column: 'verified_status', positive: 'verified' },
        steps: leak
          ? [{ op: 'dropMissing' }, { op: 'capOutliersIqr', columns: ['video_comment_count'] }, { op: 'resample', strategy: 'upsample' }, { op: 'split', test: 0.25, randomState: 42 }]
          : [{ op: 'dropMissing' }, { op: 'split', test: 0.25, randomState: 42 }, { op: 'resample', strategy: 'upsample' }],
        scoring: ['accuracy', 'precision', 'recall', 'f1'],
        refit: 'recall',
        champion: { metric: 'recall', on: 'cv' },
      },
    },
    {},
    test,
  );
  r.models = [{ ...lr, heldOut: { validation: null, test: scoresFor(test), outOfFold: null } }];
  r.champion = { ...r.champion!, modelId: 'logreg', rule: 'highest cv recall' };
  return r;
}
