import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import {
  multiclassAlternatives,
  SCORER_NAMES,
  scorerFor,
  scorerNeedsTwoClasses,
  twoClassScoringMessage,
} from '../../../src-main/core/metrics/scorers';
import * as metrics from '../../../src-main/core/metrics';
import { expectSame, FIXTURES, labels, probaOf } from './fixtures';

const BINARY_ONLY = ['precision', 'recall', 'f1', 'roc_auc', 'average_precision', 'neg_brier_score'];


describe('scorers (against sklearn.metrics.get_scorer on a fixed predict_proba)', () => {
  for (const fx of FIXTURES) {
    it(fx.name, () => {
      const y = labels(fx.yTrue);
      const proba = probaOf(fx);
      for (const name of SCORER_NAMES) {
        const e = fx.scorers[name];
        expect(e, name).toBeDefined();
        if (fx.nClasses > 2 && scorerNeedsTwoClasses(name)) {
          // Refused for k > 2 even where sklearn scores the classes that happen to occur.
          expect(() => scorerFor(name)(y, proba), name).toThrow(twoClassScoringMessage(name, fx.nClasses));
        } else if (e.error) {
          // sklearn refuses: multiclass for a binary-only score, or one class only.
          // We refuse the same unless the answer is well defined with all k classes
          // (log loss with labels = 0..k-1).
          if (name === 'neg_log_loss') continue;
          expect(() => scorerFor(name)(y, proba), name).toThrow(ApiError);
        } else {
          // The same double as sklearn (log loss included: the k-class and
          // binary losses happen to agree to the last bit on every fixture).
          expectSame(scorerFor(name)(y, proba), e.value!, name);
        }
      }
    });
  }

  it('has scikit-learn 1.2 names for every k-class average', () => {
    for (const name of ['precision_weighted', 'recall_weighted', 'precision_micro', 'recall_micro', 'f1_micro', 'roc_auc_ovr', 'roc_auc_ovo']) {
      expect(SCORER_NAMES, name).toContain(name);
    }
    expect(SCORER_NAMES).toContain('neg_log_loss');
  });

  it('rejects an unknown scoring name and lists the valid ones', () => {
    expect(() => scorerFor('f2')).toThrow(ApiError);
    try {
      scorerFor('f2');
    } catch (e) {
      expect((e as ApiError).code).toBe('bad-input');
      expect((e as ApiError).message).toContain('neg_brier_score');
      expect((e as ApiError).message).toContain('roc_auc_ovo');
    }
  });
});

describe('binary-only scorings', () => {
  it('are exactly precision, recall, f1, roc_auc, average_precision and neg_brier_score', () => {
    expect(SCORER_NAMES.filter(scorerNeedsTwoClasses)).toEqual(BINARY_ONLY);
    expect(scorerNeedsTwoClasses('no_such_scoring')).toBe(false);
    expect(scorerNeedsTwoClasses('toString')).toBe(false);
    expect(metrics.scorerNeedsTwoClasses).toBe(scorerNeedsTwoClasses);
  });

  it('name the k-class alternatives', () => {
    expect(twoClassScoringMessage('recall', 3)).toBe("scoring 'recall' needs two classes; for 3 classes use recall_macro, recall_weighted or recall_micro");
    expect(twoClassScoringMessage('roc_auc', 4)).toBe("scoring 'roc_auc' needs two classes; for 4 classes use roc_auc_ovr or roc_auc_ovo");
    expect(twoClassScoringMessage('neg_brier_score', 3)).toBe("scoring 'neg_brier_score' needs two classes; for 3 classes use neg_log_loss");
    for (const name of BINARY_ONLY) {
      expect(multiclassAlternatives(name).length, name).toBeGreaterThan(0);
      for (const alt of multiclassAlternatives(name)) {
        expect(SCORER_NAMES, `${name} → ${alt}`).toContain(alt);
        expect(scorerNeedsTwoClasses(alt), alt).toBe(false);
      }
    }
    expect(multiclassAlternatives('accuracy')).toEqual([]);
  });

  it('refuse three-class probabilities even when only two classes occur in the rows', () => {
    const y = Int32Array.from([0, 1, 1, 0]);
    const proba = { rows: 4, classes: 3, data: Float64Array.from([0.7, 0.2, 0.1, 0.2, 0.7, 0.1, 0.3, 0.6, 0.1, 0.5, 0.4, 0.1]) };
    for (const name of BINARY_ONLY) {
      expect(() => scorerFor(name)(y, proba), name).toThrow(`scoring '${name}' needs two classes; for 3 classes use`);
    }
    expect(scorerFor('f1_macro')(y, proba)).toBe(1);
  });
});
