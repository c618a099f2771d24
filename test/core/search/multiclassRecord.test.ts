import { describe, expect, it } from 'vitest';
import { checkRunRecord } from '../../../src-main/core/compare/recordChecks';
import { stratifiedKFold } from '../../../src-main/core/modelSelection/kFold';
import type { ModelConfig } from '../../../src-main/core/recipe/schema';
import { fitWork } from '../../../src-main/core/search/estimate';
import { evaluate, runCvJob, type SearchData } from '../../../src-main/core/search/jobs';
import { OutOfFoldScores } from '../../../src-main/core/search/outOfFold';
import { planModel } from '../../../src-main/core/search/plan';
import type { RunRecord } from '../../../src-main/core/search/runRecord';
import { banStatusRun } from '../evaluation/multiclassRecord';

const asJson = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('out-of-fold predictions of three classes', () => {
  it('keep every class probability row-major, each row placed where its fold held it out', () => {
    const oof = new OutOfFoldScores(4, 3);
    oof.add(0, [3, 0], [0.1, 0.2, 0.7, 0.5, 0.25, 0.25]);
    expect(oof.scores(0, [2, 0, 1, 2])).toBeNull();
    oof.add(0, [1, 2], [0.2, 0.6, 0.2, 0.3, 0.3, 0.4]);
    expect(oof.scores(0, [0, 1, 2, 2])).toEqual({
      y: [0, 1, 2, 2],
      score: [],
      proba: [0.5, 0.25, 0.25, 0.2, 0.6, 0.2, 0.3, 0.3, 0.4, 0.1, 0.2, 0.7],
    });
  });

  it('two classes keep p(positive) alone, without proba, as before', () => {
    const oof = new OutOfFoldScores(2);
    oof.add(0, [1, 0], [0.9, 0.2]);
    expect(oof.scores(0, [0, 1])).toEqual({ y: [0, 1], score: [0.2, 0.9] });
  });

  it('a cross-validation job of a three-class forest returns n × 3 probabilities for its held-out rows', () => {
    const n = 90;
    const y = Int32Array.from({ length: n }, (_, i) => i % 3);
    const X = { rows: n, names: ['a', 'b'], columns: [Float64Array.from(y, (c, i) => c * 2 + (i % 5) * 0.1), Float64Array.from({ length: n }, (_, i) => i % 7)] };
    const data: SearchData = { train: { X, y }, validation: null, test: { X, y }, folds: stratifiedKFold(y, 3), nClasses: 3, classes: ['a', 'b', 'c'], metrics: ['accuracy', 'f1_macro'], refit: 'f1_macro' };
    const plan = planModel({ id: 'rf', type: 'randomForest', params: { n_estimators: 5, random_state: 0 }, grid: {} } as unknown as ModelConfig, '$.models[0]');
    const r = runCvJob(data, plan.groups[0], 0);
    expect(r.outOfFold[0]).toHaveLength(data.folds[0].test.length * 3);
    expect(r.scores[0].scores.f1_macro).toBeGreaterThan(0.9);
  });

  it('a multinomial logistic regression is fitted knowing the class names: a separating feature is named with its class', () => {
    const n = 90;
    const y = Int32Array.from({ length: n }, (_, i) => i % 3);
    const leak = Float64Array.from(y, (c) => (c === 1 ? 1 : 0));
    const X = { rows: n, names: ['leak', 'noise'], columns: [leak, Float64Array.from({ length: n }, (_, i) => Math.sin(i))] };
    const data: SearchData = { train: { X, y }, validation: null, test: { X, y }, folds: stratifiedKFold(y, 3), nClasses: 3, classes: ['01', 'banned', 'under review'], metrics: ['accuracy'], refit: 'accuracy' };
    const plan = planModel({ id: 'lr', type: 'logisticRegression', params: { penalty: 'none' }, grid: {} } as unknown as ModelConfig, '$.models[0]');
    let message = '';
    try {
      runCvJob(data, plan.groups[0], 0);
    } catch (e) {
      message = (e as Error).message;
    }
    // "01" is quasi-separated too (leak is 0 on all its rows): what matters is that a class is named, not numbered.
    expect(message).toMatch(/by "leak" \("(01|banned|under review)" from the rest\)/);
    expect(message).not.toMatch(/class \d/);
  });

  it('an evaluation of three classes has every metric and a 3 × 3 confusion matrix', () => {
    const y = Int32Array.from([0, 1, 2, 2, 1]);
    const proba = { rows: 5, classes: 3, data: Float64Array.from([0.8, 0.1, 0.1, 0.2, 0.5, 0.3, 0.1, 0.2, 0.7, 0.6, 0.2, 0.2, 0.1, 0.1, 0.8]) };
    const e = evaluate(['accuracy', 'f1_macro', 'recall_macro', 'precision_macro'], y, proba, ['active', 'banned', 'under review']);
    expect(e.confusion).toEqual([
      [1, 0, 0],
      [0, 1, 1],
      [1, 0, 1],
    ]);
    expect(Object.keys(e.metrics)).toEqual(['accuracy', 'f1_macro', 'recall_macro', 'precision_macro']);
    expect(e.metrics.accuracy).toBeCloseTo(0.6, 12);
    expect(e.rows).toBe(5);
  });
});

describe('the record checks of a three-class run', () => {
  const ids = ['rf', 'xgb'];
  const refusal = (r: unknown) => {
    try {
      checkRunRecord(r, 'Run 3', ids);
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  };
  const damaged = (damage: (r: RunRecord) => void) => {
    const r = asJson(banStatusRun());
    damage(r);
    return r;
  };

  it('accept class indices, n × 3 probabilities and 3 × 3 matrices', () => {
    expect(refusal(asJson(banStatusRun()))).toBeNull();
  });

  it('refuse a label outside the classes, probabilities of the wrong length, a stray score list and a 2 × 2 matrix', () => {
    expect(refusal(damaged((r) => (r.models[0].heldOut.validation!.y[2] = 3)))).toBe(
      'Run 3 cannot be compared: models[0].heldOut.validation.y[2] is 3, not a class index from 0 to 2.',
    );
    expect(refusal(damaged((r) => r.models[1].heldOut.validation!.proba!.pop()))).toMatch(/models\[1\]\.heldOut\.validation\.proba has 449 values for 150 rows of 3 classes/);
    expect(refusal(damaged((r) => (r.models[0].heldOut.test!.score = [0.5])))).toMatch(/models\[0\]\.heldOut\.test\.score has 1 values, but with 3 classes the probabilities are in proba/);
    expect(refusal(damaged((r) => (r.models[0].heldOut.outOfFold!.proba![7] = 1.5)))).toMatch(/models\[0\]\.heldOut\.outOfFold\.proba\[7\] is 1\.5, not a probability from 0 to 1/);
    expect(refusal(damaged((r) => (r.champion!.test.confusion = [[1, 2], [3, 4]])))).toMatch(/champion\.test\.confusion is a list, not a 3 × 3 confusion matrix/);
    expect(refusal(damaged((r) => (r.classes = ['active', 'banned', 'active'])))).toMatch(/classes\[2\] repeats the class "active"/);
    expect(refusal(damaged((r) => (r.classes = ['active'])))).toMatch(/classes is a list, not two or more class names/);
  });

  it('refuse proba in a binary record, where p(positive) is in score', () => {
    const r = damaged(() => undefined);
    r.classes = ['no', 'yes'];
    expect(refusal(r)).toMatch(/confusion is a list, not a 2 × 2 confusion matrix/);
  });
});

describe('the estimate of a three-class search', () => {
  it('counts one boosted tree per class per round, and leaves two-class work as it was', () => {
    const params = { nEstimators: 100, maxDepth: 4 };
    const two = fitWork('gradientBoosting', params, 1000, 10);
    expect(fitWork('gradientBoosting', params, 1000, 10, 2)).toBe(two);
    expect(fitWork('gradientBoosting', params, 1000, 10, 3)).toBeCloseTo(3 * two, 6);
    expect(fitWork('randomForest', params, 1000, 10, 3)).toBe(fitWork('randomForest', params, 1000, 10));
  });
});
