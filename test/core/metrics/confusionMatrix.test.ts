import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import { confusionMatrix, normalizeRows } from '../../../src-main/core/metrics/confusionMatrix';
import { expectAllClose, FIXTURES, labels } from './fixtures';

describe('confusionMatrix (against sklearn.metrics.confusion_matrix)', () => {
  for (const fx of FIXTURES) {
    it(fx.name, () => {
      const cm = confusionMatrix(labels(fx.yTrue), labels(fx.yPred), fx.nClasses);
      expect(cm).toEqual(fx.confusion);
      expectAllClose(normalizeRows(cm).flat(), fx.confusionNormalized, 'normalized');
    });
  }

  it('puts true classes in rows and predictions in columns', () => {
    expect(confusionMatrix(labels([0, 0, 1, 2]), labels([1, 0, 1, 1]), 3)).toEqual([
      [1, 1, 0],
      [0, 1, 0],
      [0, 1, 0],
    ]);
  });

  it('normalizes an empty row to zeros', () => {
    expect(normalizeRows([[0, 0], [1, 3]])).toEqual([[0, 0], [0.25, 0.75]]);
  });

  it('rejects labels outside the classes and mismatched lengths', () => {
    expect(() => confusionMatrix(labels([0, 2]), labels([0, 1]), 2)).toThrow(ApiError);
    expect(() => confusionMatrix(labels([0, 1]), labels([0]), 2)).toThrow(ApiError);
  });
});
