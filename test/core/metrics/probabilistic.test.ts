import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import { binaryLogLoss, brierScore, logLoss, probabilityColumn } from '../../../src-main/core/metrics/probabilistic';
import { expectClose, FIXTURES, labels, nums, probaOf } from './fixtures';

describe('log loss and Brier score (against sklearn 1.2)', () => {
  for (const fx of FIXTURES) {
    it(fx.name, () => {
      const y = labels(fx.yTrue);
      const proba = probaOf(fx);
      expectClose(logLoss(y, proba), fx.logLoss.auto, 'log loss (eps auto)');
      expectClose(logLoss(y, proba, { eps: 1e-15 }), fx.logLoss['eps1e-15'], 'log loss (eps 1e-15)');
      if (fx.logLoss.binaryAuto !== undefined) {
        expectClose(binaryLogLoss(y, probabilityColumn(proba, 1)), fx.logLoss.binaryAuto, 'binary log loss');
      }
      if (fx.curves) {
        for (const pos of ['1', '0'] as const) {
          expectClose(brierScore(y, nums(fx.curves[pos].scores), Number(pos)), fx.curves[pos].brier, `brier pos=${pos}`);
        }
      }
    });
  }

  it("clips with sklearn 1.2's eps='auto' (float64 machine epsilon)", () => {
    const fx = FIXTURES.find((f) => f.name === 'binary_perfect')!;
    const proba = probaOf(fx);
    const flipped = { ...proba, data: proba.data.map((v) => 1 - v) };
    // Every row is wrong with certainty: the loss is −log(eps) for the clipped value.
    expect(logLoss(labels(fx.yTrue), flipped)).toBeCloseTo(-Math.log(Number.EPSILON), 12);
    expect(logLoss(labels(fx.yTrue), flipped, { eps: 1e-15 })).toBeCloseTo(-Math.log(1e-15), 12);
  });

  it('rejects probabilities outside [0, 1] for the Brier score', () => {
    expect(() => brierScore(labels([0, 1]), [0.2, 1.2])).toThrow(ApiError);
  });
});
