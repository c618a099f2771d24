import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import { SCORER_NAMES, scorerFor } from '../../../src-main/core/metrics/scorers';
import { expectClose, FIXTURES, labels, probaOf } from './fixtures';

describe('scorers (against sklearn.metrics.get_scorer on a fixed predict_proba)', () => {
  for (const fx of FIXTURES) {
    it(fx.name, () => {
      const y = labels(fx.yTrue);
      const proba = probaOf(fx);
      for (const name of SCORER_NAMES) {
        const e = fx.scorers[name];
        expect(e, name).toBeDefined();
        if (e.error) {
          // sklearn refuses: multiclass for a binary-only score, or one class only.
          // We refuse the same unless the answer is well defined with all k classes
          // (log loss with labels = 0..k-1).
          if (name === 'neg_log_loss') continue;
          expect(() => scorerFor(name)(y, proba), name).toThrow(ApiError);
        } else {
          expectClose(scorerFor(name)(y, proba), e.value!, name);
        }
      }
    });
  }

  it('rejects an unknown scoring name and lists the valid ones', () => {
    expect(() => scorerFor('f2')).toThrow(ApiError);
    try {
      scorerFor('f2');
    } catch (e) {
      expect((e as ApiError).code).toBe('bad-input');
      expect((e as ApiError).message).toContain('neg_brier_score');
    }
  });
});
