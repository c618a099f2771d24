import { describe, expect, it } from 'vitest';
import { cancelledSentence } from '../../../src-main/core/search/cancelledRun';

describe('cancelledSentence', () => {
  it('says nothing is kept when no candidate finished every fold', () => {
    expect(cancelledSentence(2, 22, 5, [{ modelId: 'rf', candidates: 4, foldsScored: [2, 0, 0, 0] }])).toBe(
      '2 of 22 fits done; no candidate had finished all 5 folds, so nothing is kept.',
    );
  });

  it('names the candidates kept per model, and a model that kept none', () => {
    expect(
      cancelledSentence(40, 182, 5, [
        { modelId: 'rf', candidates: 72, foldsScored: [...Array(12).fill(5), 3, ...Array(59).fill(0)] },
        { modelId: 'xgb', candidates: 24, foldsScored: Array(24).fill(1) },
      ]),
    ).toBe('40 of 182 fits done; kept 12 of 72 rf candidates that finished all 5 folds (cross-validation scores only, not refitted); xgb kept none of its 24.');
    expect(cancelledSentence(11, 12, 5, [{ modelId: 'rf', candidates: 2, foldsScored: [5, 5] }])).toBe(
      '11 of 12 fits done; kept all 2 rf candidates that finished all 5 folds (cross-validation scores only, not refitted).',
    );
  });
});
