import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import { readFileSync } from 'node:fs';
import { DEFAULT_THRESHOLD, strictestThresholdForRecall } from '../../../src-main/core/metrics/thresholds';
import { decisionRuleText, recallTarget, reportAtThreshold, thresholdMetrics } from '../../../src-main/core/evaluation/thresholdView';
import { evaluate } from '../../../src-main/core/search/jobs';
import type { HeldOutScores } from '../../../src-main/core/search/runRecord';

/** A 100-tree scikit-learn forest's probabilities, four of them exactly 0.5 (scripts/fixtures/decision_rule_fixtures.py). */
const FOREST = (JSON.parse(readFileSync('test/fixtures/evaluation/decision_rule.json', 'utf8')) as { forest: { y: number[]; proba: number[]; confusion: number[][]; exactHalves: number } }).forest;

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
  it('counts score > threshold as positive (a tie goes to the negative class) and lays the matrix out [[tn, fp], [fn, tp]]', () => {
    const m = thresholdMetrics(small, 0.4);
    expect([m.tn, m.fp, m.fn, m.tp]).toEqual([2, 1, 1, 2]);
    expect(m.matrix).toEqual([[2, 1], [1, 2]]);
    expect(m.recall).toBeCloseTo(2 / 3, 12);
    expect(m.precision).toBeCloseTo(2 / 3, 12);
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

describe('the slider at its default threshold', () => {
  it('shows the stored matrix, exact 0.5 scores included', () => {
    expect(FOREST.exactHalves).toBeGreaterThan(0);
    const y = Int32Array.from(FOREST.y);
    const proba = { rows: y.length, classes: 2, data: Float64Array.from(FOREST.proba) };
    const stored = evaluate(['recall'], y, proba, ['opinion', 'claim']).confusion;
    expect(stored).toEqual(FOREST.confusion);
    const score = FOREST.y.map((_, i) => FOREST.proba[2 * i + 1]);
    expect(thresholdMetrics({ y: FOREST.y, score }, DEFAULT_THRESHOLD).matrix).toEqual(stored);
    const report = reportAtThreshold({ y: FOREST.y, score }, DEFAULT_THRESHOLD);
    expect(report.perClass[1].support).toBe(stored[1][0] + stored[1][1]);
    expect(report.perClass[1].recall).toBeCloseTo(stored[1][1] / (stored[1][0] + stored[1][1]), 12);
  });

  it('says which side a tie falls on', () => {
    expect(decisionRuleText(['opinion', 'claim'], 0.5)).toBe('Predict “claim” when p(claim) > 0.500; a tie at exactly 0.500 goes to “opinion”.');
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
      if (got.moveTo === null) continue;
      expect(got.moveTo).toBe(expected.threshold);
      // Applying the found threshold gives the same counts.
      const at = thresholdMetrics(s, got.moveTo);
      expect([at.tp, at.fp]).toEqual([expected.tp, expected.fp]);
    }
  });

  it('says what the cut catches and what it costs, in counts', () => {
    const r = recallTarget(small, 0.6, ['opinion', 'claim']);
    expect(r.moveTo).toBe(0.7);
    expect(r.sentence).toBe('The strictest threshold reaching recall ≥ 0.6 is 0.700: it catches 2 of 3 claims (recall 0.667) and flags 0 of 3 opinions.');
    const all = recallTarget(small, 1, ['opinion', 'claim'], undefined, 'the cross-validation out-of-fold predictions');
    expect(all.moveTo).toBe(0.1);
    expect(all.sentence).toBe(
      'On the cross-validation out-of-fold predictions, the strictest threshold reaching recall ≥ 1 is 0.100: it catches 3 of 3 claims (recall 1.000) and flags 2 of 3 opinions.',
    );
  });

  it('says plainly, and leaves the slider, when the target needs flagging (nearly) every row', () => {
    // As on the seed data: every opinion scores above 0, one claim scores as low as the lowest opinion.
    const opinions = Array.from({ length: 1892 }, (_, i) => 0.001 + (i % 500) / 1000);
    const seed: HeldOutScores = { y: [...opinions.map(() => 0), 1, 1, 1], score: [...opinions, 0.99, 0.95, 0.001] };
    const every = recallTarget(seed, 0.999, ['opinion', 'claim']);
    expect(every.degenerate).toBe('everyRow');
    expect(every.moveTo).toBeNull();
    expect(every.confusion).toMatchObject({ threshold: 0, fp: 1892, flagsEveryRow: true });
    expect(every.sentence).toBe(
      'Reaching recall ≥ 0.999 needs flagging every row, all 1,892 opinions included (any threshold below 0.001): the same as flagging everything without a model. The slider stays where it was.',
    );
    const zero = recallTarget({ y: [0, 1, 1], score: [0.3, 0.9, 0] }, 1, ['opinion', 'claim']);
    expect(zero).toMatchObject({ degenerate: 'everyRow', moveTo: null, confusion: { threshold: null } });
    expect(zero.sentence).toBe('Reaching recall ≥ 1 needs flagging every row, the one opinion included, and some claims score 0, which no threshold from 0 to 1 flags. The slider stays where it was.');
    // 96 of 100 opinions flagged: nearly every row.
    const nearly: HeldOutScores = { y: [...Array.from({ length: 100 }, () => 0), 1, 1], score: [...Array.from({ length: 100 }, (_, i) => (i < 4 ? 0.01 : 0.5)), 0.9, 0.2] };
    const n = recallTarget(nearly, 1, ['opinion', 'claim']);
    expect(n).toMatchObject({ degenerate: 'nearlyEveryRow', moveTo: null, confusion: { threshold: 0.01, fp: 96 } });
    expect(n.sentence).toBe('Reaching recall ≥ 1 needs a threshold of 0.010, which flags 96 of 100 opinions (96.0%): nearly every row. The slider stays where it was.');
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
  it('reports the predictions score > threshold as classification_report does', () => {
    const scores = { y: [0, 0, 1, 1], score: [0.1, 0.6, 0.4, 0.9] };
    const at = (t: number) => reportAtThreshold(scores, t);
    expect(at(0.5).accuracy).toBe(0.5);
    expect(at(0.35).perClass[1].recall).toBe(1);
    expect(at(0.35).perClass[1].precision).toBeCloseTo(2 / 3, 12);
    expect(() => at(1.5)).toThrow(/threshold/);
  });
});
