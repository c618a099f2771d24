import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import { averagePrecision, precisionRecallCurve, rocAucScore, rocCurve } from '../../../src-main/core/metrics/curves';
import { expectAllClose, expectClose, FIXTURES, labels, nums } from './fixtures';

const BINARY = FIXTURES.filter((f) => f.curves);

describe('ROC and precision-recall curves (against sklearn 1.2)', () => {
  for (const fx of BINARY) {
    for (const pos of ['1', '0'] as const) {
      it(`${fx.name}, positive class ${pos}`, () => {
        const c = fx.curves![pos];
        const y = labels(fx.yTrue);
        const s = nums(c.scores);
        const opts = { posLabel: Number(pos) };
        const roc = rocCurve(y, s, opts);
        expectAllClose(roc.fpr, c.roc.fpr, 'fpr');
        expectAllClose(roc.tpr, c.roc.tpr, 'tpr');
        expectAllClose(roc.thresholds, c.roc.thresholds, 'thresholds');
        const all = rocCurve(y, s, { ...opts, dropIntermediate: false });
        expectAllClose(all.fpr, c.rocAll.fpr, 'fpr (all)');
        expectAllClose(all.tpr, c.rocAll.tpr, 'tpr (all)');
        expectAllClose(all.thresholds, c.rocAll.thresholds, 'thresholds (all)');
        if (c.rocAuc === null) expect(() => rocAucScore(y, s, opts)).toThrow(ApiError);
        else expectClose(rocAucScore(y, s, opts), c.rocAuc, 'auc');
        const pr = precisionRecallCurve(y, s, opts);
        expectAllClose(pr.precision, c.pr.precision, 'precision');
        expectAllClose(pr.recall, c.pr.recall, 'recall');
        expectAllClose(pr.thresholds, c.pr.thresholds, 'pr thresholds');
        expectClose(averagePrecision(y, s, opts), c.averagePrecision, 'average precision');
      });
    }
  }

  it('matches the exact bits of sklearn for AUC and AP', () => {
    for (const fx of BINARY) {
      const c = fx.curves!['1'];
      const y = labels(fx.yTrue);
      const s = nums(c.scores);
      if (c.rocAuc !== null) expect(rocAucScore(y, s)).toBe(c.rocAuc);
      expect(averagePrecision(y, s)).toBe(c.averagePrecision);
    }
  });

  it("reproduces sklearn's documented examples", () => {
    const y = labels([0, 0, 1, 1]);
    const s = [0.1, 0.4, 0.35, 0.8];
    const roc = rocCurve(y, s);
    expect([...roc.fpr]).toEqual([0, 0, 0.5, 0.5, 1]);
    expect([...roc.tpr]).toEqual([0, 0.5, 0.5, 1, 1]);
    expect([...roc.thresholds]).toEqual([1.8, 0.8, 0.4, 0.35, 0.1]);
    expect(rocAucScore(y, s)).toBe(0.75);
    const pr = precisionRecallCurve(y, s);
    expect([...pr.thresholds]).toEqual([0.1, 0.35, 0.4, 0.8]);
    expect([...pr.recall]).toEqual([1, 1, 0.5, 0.5, 0]);
    expect(averagePrecision(y, s)).toBeCloseTo(0.8333333333333333, 15);
  });

  it('counts a tied positive-negative pair as one half', () => {
    expect(rocAucScore(labels([0, 1]), [0.5, 0.5])).toBe(0.5);
  });

  it('rejects non-finite scores', () => {
    expect(() => rocCurve(labels([0, 1]), [0.1, NaN])).toThrow(ApiError);
  });
});
