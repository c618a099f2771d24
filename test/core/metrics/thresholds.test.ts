import { describe, expect, it } from 'vitest';
import {
  confusionAtThreshold,
  lowestThresholdForRecall,
  predictFromProba,
  strictestThresholdForRecall,
} from '../../../src-main/core/metrics/thresholds';
import { expectClose, FIXTURES, labels, nums, probaOf } from './fixtures';

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

describe('thresholds (against sklearn on the same predictions)', () => {
  for (const fx of FIXTURES.filter((f) => f.thresholds)) {
    it(fx.name, () => {
      const y = labels(fx.yTrue);
      const s = nums(fx.curves!['1'].scores);
      for (const e of fx.thresholds!.at) {
        const c = confusionAtThreshold(y, s, e.threshold);
        expect([c.tp, c.fp, c.tn, c.fn]).toEqual([e.tp, e.fp, e.tn, e.fn]);
        expectClose(c.precision, e.precision, `precision@${e.threshold}`);
        expectClose(c.recall, e.recall, `recall@${e.threshold}`);
        expectClose(c.f1, e.f1, `f1@${e.threshold}`);
        expectClose(c.accuracy, e.accuracy, `accuracy@${e.threshold}`);
      }
      for (const e of fx.thresholds!.strictest) {
        const r = strictestThresholdForRecall(y, s, e.target);
        if (e.threshold === null) {
          expect(r).toBeNull();
          continue;
        }
        expect(r!.threshold).toBe(e.threshold);
        expectClose(r!.precision, e.precision!, `precision for recall ≥ ${e.target}`);
        expectClose(r!.recall, e.recall!, `recall for recall ≥ ${e.target}`);
        expect(r!.recall).toBeGreaterThanOrEqual(e.target);
      }
    });
  }

  it('returns the strictest cut, not the smallest score', () => {
    const y = labels([1, 1, 0, 1, 0, 0]);
    const s = [0.9, 0.8, 0.7, 0.6, 0.3, 0.1];
    const r = lowestThresholdForRecall(y, s, 2 / 3)!;
    expect(r.threshold).toBe(0.8);
    expect([r.tp, r.fp, r.tn, r.fn]).toEqual([2, 0, 3, 1]);
    expect(lowestThresholdForRecall(y, s, 1)!.threshold).toBe(0.6);
  });
});
