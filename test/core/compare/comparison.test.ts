import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import { buildComparison } from '../../../src-main/core/compare/comparison';
import { correctedResampledTTest } from '../../../src-main/core/compare/correctedTTest';
import { stratifiedKFold } from '../../../src-main/core/modelSelection/kFold';
import type { CompareInput } from '../../../src-main/core/compare/types';
import type { ImportanceSet, RunRecord } from '../../../src-main/core/search/runRecord';
import { STEPS, heldOut, model, predicting, record, type ModelSpec, type RecordSpec } from './runRecords';

/** 20 held-out rows: 10 claims, then 10 opinions. */
const Y = [...Array(10).fill(1), ...Array(10).fill(0)] as number[];
const RF_FOLDS = [0.9, 0.92, 0.88, 0.91, 0.89];
const XGB_FOLDS = [0.85, 0.9, 0.86, 0.88, 0.86];

function permutation(values: Record<string, number>): ImportanceSet {
  return { kind: 'permutation', title: 'Permutation', description: '', features: Object.entries(values).map(([feature, value]) => ({ feature, value })) };
}

/** rf misses claim 0 and flags opinion 10; xgb also misses claims 1–3. */
const rfSpec = (s: Partial<ModelSpec> = {}): ModelSpec => ({
  params: { max_depth: 5, n_estimators: 100 },
  folds: { accuracy: [0.95, 0.95, 0.95, 0.95, 0.95], recall: RF_FOLDS },
  validation: predicting(Y, [0, 10]),
  test: predicting(Y, [0]),
  importances: [{ kind: 'impurity', title: '', description: '', features: [] }, permutation({ a: 0.3, b: 0.1 })],
  ...s,
});
const xgbSpec = (s: Partial<ModelSpec> = {}): ModelSpec => ({
  type: 'gradientBoosting',
  params: { max_depth: 5, learning_rate: 0.1 },
  folds: { accuracy: [0.95, 0.94, 0.95, 0.95, 0.96], recall: XGB_FOLDS },
  validation: predicting(Y, [0, 1, 2, 3, 10]),
  importances: [permutation({ b: 0.5, c: 0.2 })],
  ...s,
});

const course = (spec: Partial<RecordSpec> = {}, rf: Partial<ModelSpec> = {}, xgb: Partial<ModelSpec> = {}) =>
  record({ models: [model('rf', rfSpec(rf)), model('xgb', xgbSpec(xgb))], champion: 'rf', ...spec });
const input = (run: number | string, r: RunRecord, modelId: string): CompareInput => ({ run, title: r.recipeName, record: r, modelId });

function thrown(f: () => unknown): ApiError {
  try {
    f();
  } catch (e) {
    return e as ApiError;
  }
  throw new Error('did not throw');
}

describe('buildComparison: two models of one run', () => {
  const run = course();
  const c = buildComparison([input(12, run, 'rf'), input(12, run, 'xgb')]);

  it('labels the models by their ids and describes each', () => {
    expect(c.models.map((m) => [m.label, m.type, m.champion])).toEqual([
      ['rf', 'randomForest', true],
      ['xgb', 'gradientBoosting', false],
    ]);
    const [rf, xgb] = c.models;
    expect(rf.cv.recall.folds).toEqual(RF_FOLDS);
    expect(rf.cv.recall.mean).toBeCloseTo(0.9, 12);
    expect(rf.validation!.rows).toBe(20);
    expect(rf.test!.confusion).toEqual([
      [10, 0],
      [1, 9],
    ]);
    expect(xgb.test).toBeNull();
    expect(c.settings).toEqual({ metric: 'recall', rope: 0.01, exactMcNemar: true, threshold: 0.5 });
  });

  it("runs McNemar's test on the validation rows: b = rows rf got right and xgb wrong", () => {
    expect(c.pairs).toHaveLength(1);
    expect(c.pairs[0].mcnemar).toEqual({ set: 'validation', rows: 20, b: 3, c: 0, exact: true, statistic: null, pValue: 0.25 });
  });

  it('runs the corrected t-test on the fold scores of the refit metric, with the largest fold as the held-out share', () => {
    const t = c.pairs[0].cvTest!;
    expect(t.metric).toBe('recall');
    expect(t.differences).toEqual(RF_FOLDS.map((v, i) => v - XGB_FOLDS[i]));
    expect([t.trainRows, t.testRows]).toEqual([80, 20]);
    // scipy: t = 3.6514837167, p = 0.0217429785
    expect(t.t).toBeCloseTo(3.6514837167, 8);
    expect(t.pValue).toBeCloseTo(0.0217429785, 8);
    expect(t.rope).toBe(0.01);
    expect(c.pairs[0].reason).toBeNull();
    expect(c.pairs[0].identical).toBe(false);
  });

  it('says what the tests found, with the class names and the rows they needed', () => {
    expect(c.pairs[0].verdict).toBe(
      'xgb misses 3 more claims than rf on the same 20 validation rows; a difference this large would arise by chance with p = 0.25: not a reliable difference. ' +
        "Over the same 5 cross-validation folds rf's recall is 0.030 higher on average (corrected t = 3.65, p = 0.022): that is a reliable difference. " +
        'Probability rf is better by more than 0.01: 96 %; xgb better: < 1 %; practically equivalent (within ±0.01): 3 %.',
    );
  });

  it('lists parameters side by side, marking those that differ', () => {
    expect(c.params).toEqual([
      { name: 'max_depth', values: [5, 5], differs: false },
      { name: 'n_estimators', values: [100, undefined], differs: true },
      { name: 'learning_rate', values: [undefined, 0.1], differs: true },
    ]);
  });

  it('marks the best model per metric and column, ties shared', () => {
    const byName = Object.fromEntries(c.metrics.map((m) => [m.metric, m]));
    expect(c.metrics.map((m) => m.metric)).toEqual(['accuracy', 'recall']);
    expect(byName.accuracy.best.cv).toEqual([0, 1]);
    expect(byName.recall.best).toEqual({ cv: [0], validation: [0], test: [0] });
    expect(byName.recall.validation).toEqual([0.9, 0.6]);
    expect(byName.recall.test).toEqual([0.9, null]);
  });

  it('shows the confusion matrices of the shared set, steps unchanged, importances of the shared kind', () => {
    expect(c.confusion.set).toBe('validation');
    expect(c.confusion.matrices).toEqual([
      [
        [9, 1],
        [1, 9],
      ],
      [
        [9, 1],
        [4, 6],
      ],
    ]);
    expect(c.steps.differ).toBe(false);
    expect(c.steps.sides[0].steps).toEqual(['drop rows with a missing value', 'split test 25 %, validation 25 % of the rest, seed 0', '1-gram counts of text']);
    expect(c.importances).toEqual({
      kind: 'permutation',
      features: ['b', 'a', 'c'],
      values: [
        [0.1, 0.3, null],
        [0.5, null, 0.2],
      ],
    });
  });
});

describe('buildComparison: which models and how many', () => {
  const run = course();

  it('takes 2 to 4 models', () => {
    expect(thrown(() => buildComparison([input(1, run, 'rf')])).code).toBe('bad-input');
    const five = Array.from({ length: 5 }, (_, i) => input(i + 1, run, 'rf'));
    expect(thrown(() => buildComparison(five)).message).toBe('Choose 2 to 4 models to compare (got 5).');
  });

  it('names the run and its models when a model is not there', () => {
    const e = thrown(() => buildComparison([input(12, run, 'rf'), input(12, run, 'svm')]));
    expect(e.code).toBe('not-found');
    expect(e.message).toBe('Run 12 has no model "svm"; its models: rf, xgb.');
  });

  it('refuses the same model twice', () => {
    const e = thrown(() => buildComparison([input(12, run, 'rf'), input(12, run, 'rf')]));
    expect(e.code).toBe('bad-input');
    expect(e.message).toBe('The model rf of run 12 is given twice; choose different models to compare.');
  });

  it('compares every pair in order', () => {
    const other = course();
    const c = buildComparison([input(1, run, 'rf'), input(1, run, 'xgb'), input(2, other, 'rf')]);
    expect(c.pairs.map((p) => [p.a, p.b])).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
    expect(c.models.map((m) => m.label)).toEqual(['#1 rf', '#1 xgb', '#2 rf']);
  });

  it('labels run.json files by as much of their path as tells them apart', () => {
    const a = course();
    const b = course();
    expect(buildComparison([input('out1/run.json', a, 'rf'), input('out2/run.json', b, 'rf')]).models.map((m) => m.label)).toEqual(['out1/run.json#rf', 'out2/run.json#rf']);
    expect(buildComparison([input('x/run.json', a, 'rf'), input('other.json', b, 'rf')]).models.map((m) => m.label)).toEqual(['run.json#rf', 'other.json#rf']);
  });
});

describe('buildComparison: when a test does not apply', () => {
  it('different data: neither test, and the verdict says why', () => {
    const c = buildComparison([input(12, course(), 'rf'), input(13, course({ hash: 'e5f6a7b8'.repeat(8) }), 'xgb')]);
    const [p] = c.pairs;
    expect(p.mcnemar).toBeNull();
    expect(p.cvTest).toBeNull();
    expect(p.reasons).toEqual({
      mcnemar: 'The held-out rows are not the same: the runs used different data (hash a1b2c3d4… vs e5f6a7b8…).',
      cvTest: 'The folds are not the same: the runs used different data (hash a1b2c3d4… vs e5f6a7b8…).',
    });
    expect(p.reason).toBe(`McNemar's test: ${p.reasons.mcnemar} Corrected t-test: ${p.reasons.cvTest}`);
    expect(p.verdict).toBe(
      "Neither McNemar's test nor the corrected t-test applies: the runs used different data (hash a1b2c3d4… vs e5f6a7b8…), " +
        'so the models were not scored on the same held-out rows or folds.',
    );
    expect(p.identical).toBe(false);
    expect(c.confusion).toEqual({ set: null, reason: p.reasons.mcnemar, matrices: [null, null] });
  });

  it('a different split: neither test', () => {
    const steps = STEPS.map((s) => (s.op === 'split' ? { ...s, randomState: 1 } : s));
    const [p] = buildComparison([input(12, course(), 'rf'), input(13, course({ steps }), 'rf')]).pairs;
    expect(p.reasons.mcnemar).toMatch(/^The held-out rows are not the same: the runs split the rows differently \(step 2 \(split\): "split test 25 %/);
    expect(p.reasons.cvTest).toMatch(/^The folds are not the same: the runs split the rows differently/);
  });

  it('different folds on the same rows: McNemar only', () => {
    const [p] = buildComparison([input(12, course(), 'rf'), input(13, course({ cv: { folds: 10, stratified: true } }), 'xgb')]).pairs;
    expect(p.mcnemar).toMatchObject({ set: 'validation', b: 3, c: 0 });
    expect(p.cvTest).toBeNull();
    expect(p.reasons.cvTest).toBe('The folds are not the same: the runs used different cross-validation (5 folds vs 10).');
    expect(p.verdict).toMatch(/The corrected t-test does not apply: the folds are not the same: the runs used different cross-validation \(5 folds vs 10\)\.$/);
  });

  it('no validation set, and the test rows scored only for the champion', () => {
    const rows = { train: 100, validation: 0, test: 20 };
    const run = course({ rows }, { validation: null }, { validation: null });
    const [p] = buildComparison([input(12, run, 'rf'), input(12, run, 'xgb')]).pairs;
    expect(p.mcnemar).toBeNull();
    expect(p.reasons.mcnemar).toBe("Only a run's champion is scored on the test rows, and xgb is not the run's champion; and the run has no validation set.");
    expect(p.cvTest).not.toBeNull();

    const other = course({ rows }, { validation: null }, { validation: null });
    const [q] = buildComparison([input(12, run, 'xgb'), input(13, other, 'xgb')]).pairs;
    expect(q.reasons.mcnemar).toBe(
      "Only a run's champion is scored on the test rows, and xgb is not the champion of run 12 and xgb is not the champion of run 13; and there is no validation set in run 12 and run 13.",
    );
  });

  it("two runs' champions on the same test rows: McNemar on the test set", () => {
    const rows = { train: 100, validation: 0, test: 20 };
    const a = course({ rows }, { validation: null });
    const b = course({ rows }, { validation: null, test: predicting(Y, [0, 1, 11]) });
    const [p] = buildComparison([input(12, a, 'rf'), input(13, b, 'rf')]).pairs;
    expect(p.mcnemar).toMatchObject({ set: 'test', rows: 20, b: 2, c: 0 });
    expect(p.verdict).toMatch(/^rf \(#12\) and rf \(#13\) disagree on 2 of the same 20 test rows \(rf \(#12\) right on 2, rf \(#13\) on 0\)/);
  });

  it('equal hashes and steps but different labels: the rows are not the same after all', () => {
    const flipped = predicting([...Y].reverse());
    const [p] = buildComparison([input(12, course(), 'rf'), input(13, course({}, { validation: flipped, test: flipped }), 'rf')]).pairs;
    expect(p.mcnemar).toBeNull();
    expect(p.reasons.mcnemar).toBe(
      'The test rows carry different labels (row 1 first), so they are not the same rows; and the validation rows carry different labels (row 1 first), so they are not the same rows.',
    );
  });

  it('a cancelled run: its model has cross-validation only', () => {
    const cancelled = course({ champion: null }, {}, { partial: true });
    const c = buildComparison([input(12, cancelled, 'rf'), input(12, cancelled, 'xgb')]);
    expect(c.models[1].validation).toBeNull();
    expect(c.pairs[0].reasons.mcnemar).toBe(
      "Only a run's champion is scored on the test rows, and rf is not the run's champion and xgb is not the run's champion; and there are no validation predictions of xgb: its run was cancelled before it was refitted.",
    );
    expect(c.pairs[0].cvTest).not.toBeNull();
  });

  it('a metric a model lacks, and a failed fold', () => {
    const run = course();
    const [p] = buildComparison([input(12, run, 'rf'), input(12, run, 'xgb')], { metric: 'roc_auc' }).pairs;
    expect(p.reasons.cvTest).toBe('There are no cross-validation scores of roc_auc for rf.');
    const failed = course({}, {}, { folds: { accuracy: XGB_FOLDS, recall: [0.85, null as unknown as number, 0.86, 0.88, 0.86] } });
    const [q] = buildComparison([input(12, failed, 'rf'), input(12, failed, 'xgb')]).pairs;
    expect(q.reasons.cvTest).toBe("A fold of xgb's best candidate failed, so its recall is missing on that fold.");
  });
});

describe('buildComparison: options', () => {
  it('tests the metric asked for, with the rope and the χ² form of McNemar asked for', () => {
    const run = course();
    const c = buildComparison([input(12, run, 'rf'), input(12, run, 'xgb')], { metric: 'accuracy', rope: 0.05, exactMcNemar: false });
    expect(c.pairs[0].cvTest).toMatchObject({ metric: 'accuracy', rope: 0.05 });
    // (|3 − 0| − 1)² / 3
    expect(c.pairs[0].mcnemar).toMatchObject({ exact: false, statistic: 4 / 3 });
  });

  it('recuts the folds from the training labels when the run kept them', () => {
    const oofY = [...Array(37).fill(1), ...Array(63).fill(0)] as number[];
    const run = course({}, { outOfFold: heldOut(oofY, oofY) }, { outOfFold: heldOut(oofY, oofY) });
    const t = buildComparison([input(12, run, 'rf'), input(12, run, 'xgb')]).pairs[0].cvTest!;
    const [first] = stratifiedKFold(Int32Array.from(oofY), 5);
    expect([t.trainRows, t.testRows]).toEqual([first.train.length, first.test.length]);
    expect(t.pValue).toBe(correctedResampledTTest(t.differences, first.train.length, first.test.length).pValue);
  });
});

describe('buildComparison: a run and its re-run', () => {
  const rerun = (r: RunRecord): RunRecord => JSON.parse(JSON.stringify(r)) as RunRecord;

  it('are identical: the same metrics, b = c = 0 and no fold difference', () => {
    const run = course();
    const c = buildComparison([input(12, run, 'rf'), input(13, rerun(run), 'rf')]);
    const [p] = c.pairs;
    expect(p.identical).toBe(true);
    expect(p.mcnemar).toMatchObject({ b: 0, c: 0, pValue: 1 });
    expect(p.cvTest!.differences).toEqual([0, 0, 0, 0, 0]);
    expect(p.verdict).toBe('rf (#12) and rf (#13) are identical: the same predictions on every validation row and the same score on every fold.');
    expect(c.models.map((m) => m.label)).toEqual(['#12 rf', '#13 rf']);
  });

  it('are not, when one fold scored differently', () => {
    const run = course();
    const other = rerun(run);
    other.models[0].cv.rows[1].split.recall[2] += 0.01;
    const [p] = buildComparison([input(12, run, 'rf'), input(13, other, 'rf')]).pairs;
    expect(p.identical).toBe(false);
    expect(p.verdict).toMatch(/^rf \(#12\) and rf \(#13\) make the same prediction on each of the same 20 validation rows\. Over the same 5 cross-validation folds rf \(#13\)'s recall is 0.002 higher/);
  });

  it('are not, when one validation prediction differs', () => {
    const run = course();
    const [p] = buildComparison([input(12, run, 'rf'), input(13, course({}, { validation: predicting(Y, [0, 10, 11]) }), 'rf')]).pairs;
    expect(p.identical).toBe(false);
    expect(p.mcnemar).toMatchObject({ b: 1, c: 0 });
  });
});

describe('buildComparison: "identical" is for the same model', () => {
  const rerun = (r: RunRecord): RunRecord => JSON.parse(JSON.stringify(r)) as RunRecord;
  /** rf and xgb with the same predictions and fold scores, as a small grid can make them. */
  const twins = (xgb: Partial<ModelSpec> = {}) => course({}, {}, { folds: rfSpec().folds, validation: rfSpec().validation, ...xgb });

  it('two model types with the same predictions and fold scores: the same results, not identical', () => {
    const run = twins();
    const [p] = buildComparison([input(12, run, 'rf'), input(12, run, 'xgb')]).pairs;
    expect(p.mcnemar).toMatchObject({ b: 0, c: 0 });
    expect(p.cvTest!.differences).toEqual([0, 0, 0, 0, 0]);
    expect(p.identical).toBe(false);
    expect(p.verdict).toBe('rf and xgb make the same predictions on every validation row and score the same on every fold.');
  });

  it('the same type with other parameters: not identical', () => {
    const run = twins({ type: 'randomForest', params: { max_depth: 5, n_estimators: 200 } });
    const [p] = buildComparison([input(12, run, 'rf'), input(12, run, 'xgb')]).pairs;
    expect(p.identical).toBe(false);
    expect(p.verdict).toMatch(/^rf and xgb make the same predictions/);
  });

  it('the same model after other recipe steps: not identical', () => {
    const run = course();
    const steps = STEPS.map((s) => (s.op === 'countVectorizer' ? { ...s, ngramRange: [1, 2] } : s));
    const other = rerun(run);
    (other.recipe as { steps: unknown[] }).steps = steps;
    const [p] = buildComparison([input(12, run, 'rf'), input(13, other, 'rf')]).pairs;
    expect(p.mcnemar).toMatchObject({ b: 0, c: 0 });
    expect(p.identical).toBe(false);
    expect(p.verdict).toBe('rf (#12) and rf (#13) make the same predictions on every validation row and score the same on every fold.');
  });

  it('the same type, parameters, steps and data: identical', () => {
    const run = twins({ type: 'randomForest', params: rfSpec().params });
    expect(buildComparison([input(12, run, 'rf'), input(12, run, 'xgb')]).pairs[0].identical).toBe(true);
  });
});

describe('buildComparison: the options the API and the CLI accept', () => {
  const run = course();
  const compare = (options: Parameters<typeof buildComparison>[1]) => () => buildComparison([input(12, run, 'rf'), input(12, run, 'xgb')], options);

  it("a metric must be one of scikit-learn's scoring names Assay has", () => {
    expect(thrown(compare({ metric: 'recal' }))).toMatchObject({ code: 'bad-input', message: expect.stringMatching(/^The metric must be one of accuracy, precision, recall, .*; got "recal"\.$/) });
    expect(compare({ metric: 'roc_auc' })().pairs[0].reasons.cvTest).toBe('There are no cross-validation scores of roc_auc for rf.');
  });

  it('a rope from 0 to below 1', () => {
    for (const rope of [-0.01, 1, NaN, Infinity]) expect(thrown(compare({ rope })).code).toBe('bad-input');
    expect(thrown(compare({ rope: 1 })).message).toBe('The region of practical equivalence must be from 0 to below 1; got 1.');
    for (const rope of [0, 0.999]) expect(compare({ rope })().pairs[0].cvTest!.rope).toBe(rope);
  });
});
