import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import { strictestThresholdForRecall } from '../../../src-main/core/metrics/thresholds';
import { recallTarget, reportAtThreshold, thresholdMetrics } from '../../../src-main/core/evaluation/thresholdView';
import type { HeldOutScores } from '../../../src-main/core/search/runRecord';

/** A deterministic, imperfect model: positives score higher on average, with ties. */
function scores(n: number): HeldOutScores {
  const y: number[] = [];
  const score: number[] = [];
  let s = 7;
  for (let i = 0; i < n; i++) {
    s = (s * 48271) % 2147483647;
    const u = s / 2147483647;
    const pos = i % 3 === 0 ? 1 : 0;
    y.push(pos);
    score.push(Math.round(Math.min(1, Math.max(0, pos ? 0.3 + 0.7 * u : 0.8 * u)) * 1000) / 1000);
  }
  return { y, score };
}

const small: HeldOutScores = { y: [0, 0, 1, 1, 0, 1], score: [0.1, 0.4, 0.35, 0.8, 0.7, 0.9] };

describe('thresholdMetrics', () => {
  it('counts score ≥ threshold as positive and lays the matrix out [[tn, fp], [fn, tp]]', () => {
    const m = thresholdMetrics(small, 0.4);
    expect([m.tn, m.fp, m.fn, m.tp]).toEqual([1, 2, 1, 2]);
    expect(m.matrix).toEqual([[1, 2], [1, 2]]);
    expect(m.recall).toBeCloseTo(2 / 3, 12);
    expect(m.precision).toBe(0.5);
    expect(thresholdMetrics(small, 0).matrix).toEqual([[0, 3], [0, 3]]);
    expect(thresholdMetrics(small, 1).matrix).toEqual([[3, 0], [3, 0]]);
  });

  it('rejects a threshold outside [0, 1] and mismatched or bad scores, naming the row', () => {
    expect(() => thresholdMetrics(small, 1.5)).toThrow(/threshold is 1.5; it must be a number from 0 to 1/);
    expect(() => thresholdMetrics(small, NaN)).toThrow(ApiError);
    expect(() => thresholdMetrics({ y: [0, 1], score: [0.2] }, 0.5)).toThrow(/2 classes but 1 scores/);
    expect(() => thresholdMetrics({ y: [0, 2], score: [0.2, 0.3] }, 0.5)).toThrow(/class at row 2 is 2/);
    expect(() => thresholdMetrics({ y: [0, 1], score: [0.2, NaN] }, 0.5)).toThrow(/score at row 2 is NaN/);
  });
});

describe('recallTarget', () => {
  it('lands exactly on strictestThresholdForRecall\'s threshold for every target', () => {
    const s = scores(600);
    const y = Int32Array.from(s.y);
    for (const t of [0, 0.1, 0.5, 0.8, 0.9, 0.95, 0.99, 1]) {
      const expected = strictestThresholdForRecall(y, s.score, t)!;
      const got = recallTarget(s, t, ['opinion', 'claim']);
      expect(got.confusion).toEqual(expected);
      expect(got.confusion!.recall).toBeGreaterThanOrEqual(t);
      // Applying the found threshold gives the same counts.
      const at = thresholdMetrics(s, expected.threshold);
      expect([at.tp, at.fp]).toEqual([expected.tp, expected.fp]);
    }
  });

  it('says what the cut catches and what it costs, in counts', () => {
    const r = recallTarget(small, 0.6, ['opinion', 'claim']);
    expect(r.confusion!.threshold).toBe(0.8);
    expect(r.sentence).toBe('The strictest threshold reaching recall ≥ 0.6 is 0.800: it catches 2 of 3 claims (recall 0.667) and flags 0 of 3 opinions.');
    const all = recallTarget(small, 1, ['opinion', 'claim']);
    expect(all.confusion!.threshold).toBe(0.35);
    expect(all.sentence).toContain('it catches 3 of 3 claims (recall 1.000) and flags 2 of 3 opinions.');
  });

  it('words the case with no positive row instead of throwing, and validates the target', () => {
    const none = recallTarget({ y: [0, 0], score: [0.2, 0.9] }, 0.9, ['opinion', 'claim']);
    expect(none.confusion).toBeNull();
    expect(none.sentence).toBe('There are no claims among these rows, so no threshold has a recall and none can reach ≥ 0.9.');
    expect(() => recallTarget(small, 1.01)).toThrow(/recall target is 1.01; it must be a number from 0 to 1/);
    expect(() => recallTarget(small, -0.1)).toThrow(ApiError);
  });
});

describe('reportAtThreshold', () => {
  it('reports the predictions score ≥ threshold as classification_report does', () => {
    const scores = { y: [0, 0, 1, 1], score: [0.1, 0.6, 0.4, 0.9] };
    const at = (t: number) => reportAtThreshold(scores, t);
    expect(at(0.5).accuracy).toBe(0.5);
    expect(at(0.35).perClass[1].recall).toBe(1);
    expect(at(0.35).perClass[1].precision).toBeCloseTo(2 / 3, 12);
    expect(() => at(1.5)).toThrow(/threshold/);
  });
});
