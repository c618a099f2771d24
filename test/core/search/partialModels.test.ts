import { describe, expect, it } from 'vitest';
import { type FoldScore } from '../../../src-main/core/search/cvResults';
import { partialModels } from '../../../src-main/core/search/partialModels';
import { planModel } from '../../../src-main/core/search/plan';

const dt = planModel({ id: 'dt', type: 'decisionTree', params: {}, grid: { max_depth: [2, 3] } }, '$.models[0]');
const score = (candidate: number, fold: number, recall: number): FoldScore => ({ candidate, fold, scores: { recall }, fitSeconds: 1, scoreSeconds: 0 });

describe('partialModels', () => {
  it('keeps the candidates scored on every fold, not refitted, and leaves out a model with none', () => {
    const other = { ...dt, modelId: 'other' };
    const scores = new Map([
      ['dt', [score(0, 0, 0.5), score(0, 1, 0.7), score(1, 0, 0.9)]],
      ['other', [score(0, 0, 0.5)]],
    ]);
    const out = partialModels([dt, other], scores, ['recall'], 'recall', 2);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ modelId: 'dt', candidates: 2, fits: 4, partial: true, model: null, validation: null });
    expect(out[0].cv.rows.map((r) => r.candidate)).toEqual([0]);
    expect(out[0].bestCv.recall).toBeCloseTo(0.6);
  });
});
