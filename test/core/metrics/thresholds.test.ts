import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  confusionAtThreshold,
  DEFAULT_THRESHOLD,
  predictFromProba,
  predictsPositive,
  strictestThresholdForRecall,
} from '../../../src-main/core/metrics/thresholds';
import { FIXTURES, labels, nums, probaOf } from './fixtures';

interface Counts {
  tn: number;
  fp: number;
  fn: number;
  tp: number;
}
/** scikit-learn's decisions (scripts/fixtures/decision_rule_fixtures.py). */
const RULE = JSON.parse(readFileSync('test/fixtures/evaluation/decision_rule.json', 'utf8')) as {
  forest: { y: number[]; proba: number[]; predict: number[]; confusion: number[][]; exactHalves: number };
  thresholds: { name: string; at: (Counts & { threshold: number })[]; strictest: ((Counts & { target: number; threshold: number }) | { target: number; threshold: null })[] }[];
};

describe('predictFromProba', () => {
  for (const fx of FIXTURES) {
    it(`${fx.name}: numpy argmax, ties to the lower class`, () => {
      expect([...predictFromProba(probaOf(fx))]).toEqual(fx.yPred);
    });
  }

  it('predicts class 0 at p = 0.5, like LogisticRegression (p > 0.5) and forests (argmax)', () => {
    const p = predictFromProba({ rows: 2, classes: 2, data: Float64Array.from([0.5, 0.5, 0.49, 0.51]) });
    expect([...p]).toEqual([0, 1]);
  });
});

describe('the decision rule', () => {
  it('is score > threshold: a tie at the threshold goes to the negative class', () => {
    expect(predictsPositive(0.5, 0.5)).toBe(false);
    expect(predictsPositive(0.5000000000000001, 0.5)).toBe(true);
    expect(DEFAULT_THRESHOLD).toBe(0.5);
  });

  it("is scikit-learn's predict on a 100-tree forest with exact 0.5 scores", () => {
    const f = RULE.forest;
    expect(f.exactHalves).toBeGreaterThan(0);
    const proba = { rows: f.y.length, classes: 2, data: Float64Array.from(f.proba) };
    expect([...predictFromProba(proba)]).toEqual(f.predict);
    const c = confusionAtThreshold(Int32Array.from(f.y), Array.from({ length: f.y.length }, (_, i) => f.proba[2 * i + 1]), DEFAULT_THRESHOLD);
    expect([[c.tn, c.fp], [c.fn, c.tp]]).toEqual(f.confusion);
  });
});

describe('thresholds (against sklearn: confusion_matrix of p > t)', () => {
  for (const fx of RULE.thresholds) {
    it(fx.name, () => {
      const base = FIXTURES.find((f) => f.name === fx.name)!;
      const y = labels(base.yTrue);
      const s = nums(base.curves!['1'].scores);
      for (const e of fx.at) {
        const c = confusionAtThreshold(y, s, e.threshold);
        expect([c.tn, c.fp, c.fn, c.tp], `at ${e.threshold}`).toEqual([e.tn, e.fp, e.fn, e.tp]);
      }
      for (const e of fx.strictest) {
        const r = strictestThresholdForRecall(y, s, e.target)!;
        expect(r.threshold, `recall ≥ ${e.target}`).toBe(e.threshold);
        if (e.threshold === null) {
          expect(r.flagsEveryRow).toBe(true);
          continue;
        }
        expect([r.tn, r.fp, r.fn, r.tp], `recall ≥ ${e.target}`).toEqual([e.tn, e.fp, e.fn, e.tp]);
        expect(r.recall).toBeGreaterThanOrEqual(e.target);
        // The cut it names gives the matrix it reports.
        const again = confusionAtThreshold(y, s, e.threshold);
        expect([again.tn, again.fp, again.fn, again.tp]).toEqual([r.tn, r.fp, r.fn, r.tp]);
      }
    });
  }

  it('returns the strictest cut, not the smallest score', () => {
    const y = labels([1, 1, 0, 1, 0, 0]);
    const s = [0.9, 0.8, 0.7, 0.6, 0.3, 0.1];
    const r = strictestThresholdForRecall(y, s, 2 / 3)!;
    expect(r.threshold).toBe(0.7);
    expect([r.tp, r.fp, r.tn, r.fn]).toEqual([2, 0, 3, 1]);
    expect(strictestThresholdForRecall(y, s, 1)!.threshold).toBe(0.3);
    expect(strictestThresholdForRecall(y, s, 1)!.flagsEveryRow).toBe(false);
    expect(strictestThresholdForRecall(y, s, 1.01)).toBeNull();
  });

  it('says when only flagging every row reaches the target', () => {
    const y = labels([1, 0, 1, 0]);
    const above = strictestThresholdForRecall(y, [0.9, 0.4, 0.2, 0.6], 1)!;
    expect(above).toMatchObject({ threshold: 0, flagsEveryRow: true, tp: 2, fp: 2 });
    // A positive scored 0: no threshold in 0–1 flags it.
    const zero = strictestThresholdForRecall(y, [0.9, 0.4, 0, 0.6], 1)!;
    expect(zero).toMatchObject({ threshold: null, flagsEveryRow: true, tp: 2, fp: 2 });
  });
});
