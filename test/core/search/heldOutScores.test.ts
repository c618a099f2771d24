import { describe, expect, it } from 'vitest';
import { heldOutScores } from '../../../src-main/core/search/heldOutScores';

const proba = (data: number[], classes = 2) => ({ rows: data.length / classes, classes, data: Float64Array.from(data) });

describe('held-out scores', () => {
  it('keep p(positive) for two classes and the whole matrix for more', () => {
    expect(heldOutScores(Int32Array.from([0, 1]), proba([0.8, 0.2, 0.3, 0.7]))).toEqual({ y: [0, 1], score: [0.2, 0.7] });
    expect(heldOutScores(Int32Array.from([2]), proba([0.1, 0.2, 0.7], 3))).toEqual({ y: [2], score: [], proba: [0.1, 0.2, 0.7] });
  });
});
