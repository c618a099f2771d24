import { describe, expect, it } from 'vitest';
import { jobCost } from '../../../src-main/core/search/jobCost';

describe('jobCost', () => {
  it('grows with trees and depth; an unlimited depth counts 16; a refit a quarter more', () => {
    const group = { modelId: 'rf', type: 'randomForest' as const, params: { nEstimators: 100, maxDepth: null }, stages: null, candidates: [0] };
    expect(jobCost({ kind: 'cv', group, fold: 0 })).toBe(1600);
    expect(jobCost({ kind: 'final', modelId: 'lr', type: 'logisticRegression', params: {}, scoreTest: false })).toBe(20);
    expect(jobCost({ kind: 'final', modelId: 'dt', type: 'decisionTree', params: { maxDepth: 4 }, scoreTest: true })).toBe(5);
  });
});
