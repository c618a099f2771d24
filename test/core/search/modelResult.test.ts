import { describe, expect, it } from 'vitest';
import { aggregateCv, type FoldScore } from '../../../src-main/core/search/cvResults';
import type { FinalJobResult } from '../../../src-main/core/search/jobs';
import { modelResult } from '../../../src-main/core/search/modelResult';
import { planModel } from '../../../src-main/core/search/plan';

const dt = planModel({ id: 'dt', type: 'decisionTree', params: {}, grid: { max_depth: [2, 3] } }, '$.models[0]');
const score = (candidate: number, fold: number, recall: number): FoldScore => ({ candidate, fold, scores: { recall }, fitSeconds: 1, scoreSeconds: 0 });
const proba = (data: number[], classes = 2) => ({ rows: data.length / classes, classes, data: Float64Array.from(data) });

describe('modelResult', () => {
  const cv = aggregateCv(dt.candidates, [score(0, 0, 0.5), score(0, 1, 0.5), score(1, 0, 0.9), score(1, 1, 0.7)], ['recall'], 'recall', 2);
  const final: FinalJobResult = {
    kind: 'final',
    modelId: 'dt',
    seconds: 2,
    validationProba: proba([0.9, 0.1, 0.2, 0.8]),
    testProba: null,
    importances: Float64Array.from([0.25, 0.75]),
    importanceSets: [],
    model: { kind: 'tree' },
  };
  const context = { metrics: ['recall'], folds: 2, searchSeconds: 5, fitSeconds: 3, failedFits: [], outOfFold: null };

  it('assembles the best candidate, the validation evaluation, importances and held-out scores', () => {
    const r = modelResult(dt, cv, final, { ...context, prepared: { validation: { X: { rows: 2, columns: [], names: [] }, y: Int32Array.from([0, 1]) }, classes: ['n', 'p'], features: ['a', 'b'] } });
    expect(r.bestParams).toEqual({ max_depth: 3 });
    expect(r.bestCv.recall).toBeCloseTo(0.8);
    expect(r.validation!.metrics.recall).toBe(1);
    expect(r.validation!.confusion).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(r.featureImportances).toEqual([
      { feature: 'a', importance: 0.25 },
      { feature: 'b', importance: 0.75 },
    ]);
    expect(r.heldOut.validation).toEqual({ y: [0, 1], score: [0.1, 0.8] });
    expect(r.seconds).toEqual({ search: 5, refit: 2, fits: 3 });
    expect(r.partial).toBe(false);
  });

  it('has no validation figures without validation rows', () => {
    const r = modelResult(dt, cv, final, { ...context, prepared: { validation: null, classes: ['n', 'p'], features: ['a', 'b'] } });
    expect(r.validation).toBeNull();
    expect(r.heldOut.validation).toBeNull();
  });
});
