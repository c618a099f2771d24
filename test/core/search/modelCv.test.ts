import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import { type FoldScore } from '../../../src-main/core/search/cvResults';
import { failedFitScores } from '../../../src-main/core/search/failedFits';
import { modelCv } from '../../../src-main/core/search/modelCv';
import { planModel } from '../../../src-main/core/search/plan';

const dt = planModel({ id: 'dt', type: 'decisionTree', params: {}, grid: { max_depth: [2, 3] } }, '$.models[0]');
const score = (candidate: number, fold: number, recall: number): FoldScore => ({ candidate, fold, scores: { recall }, fitSeconds: 1, scoreSeconds: 0 });

describe('failed fits', () => {
  it('score NaN on every metric and rank last', () => {
    const failed = [{ candidate: 1, fold: 0, error: 'boom' }];
    const rows = failedFitScores(failed, ['recall', 'f1']);
    expect(rows).toEqual([{ candidate: 1, fold: 0, scores: { recall: NaN, f1: NaN }, fitSeconds: 0, scoreSeconds: 0 }]);
    const cv = modelCv(dt, [score(0, 0, 0.4), score(0, 1, 0.4), score(1, 1, 0.9), ...rows], failed, ['recall'], 'recall', 2);
    expect(cv.best).toBe(0);
    expect(Number.isNaN(cv.rows[1].mean.recall)).toBe(true);
  });

  it('of every fit of a model fail the run with the first error', () => {
    const failed = [0, 1].flatMap((candidate) => [0, 1].map((fold) => ({ candidate, fold, error: `fold ${fold} broke` })));
    const run = () => modelCv(dt, failedFitScores(failed, ['recall']), failed, ['recall'], 'recall', 2);
    expect(run).toThrow(ApiError);
    expect(run).toThrow('Every fit of model "dt" failed: fold 0 broke');
  });
});
