import { describe, expect, it } from 'vitest';
import type { ModelResult } from '../../../src-main/core/search/runRecord';
import { chooseTuningSet, TEST_TUNING_CAUTION, tuningSets } from '../../../src-main/core/evaluation/tuningSet';
import { findThreshold } from '../../../src-renderer/src/lib/runs/thresholdTuning';

const classes = ['opinion', 'claim'] as const;
const validation = { y: [0, 0, 1, 1], score: [0.1, 0.6, 0.4, 0.9] };
const outOfFold = { y: [0, 1, 0, 1, 1], score: [0.2, 0.3, 0.5, 0.8, 0.7] };
const test = { y: [0, 1, 1], score: [0.45, 0.55, 0.95] };

describe('tuning a threshold', () => {
  it('offers the out-of-fold predictions without a validation set, and the test set last, marked, with a caution', () => {
    const course5 = { heldOut: { validation: null, test, outOfFold } } as Pick<ModelResult, 'heldOut'>;
    const sets = tuningSets(course5);
    expect(sets.map((s) => [s.id, s.label])).toEqual([
      ['outOfFold', 'Cross-validation (out-of-fold)'],
      ['test', 'Test set — tuning here biases the final reading'],
    ]);
    expect(sets[1].caution).toBe(TEST_TUNING_CAUTION);
    expect(chooseTuningSet(sets, null)!.id).toBe('outOfFold');
    expect(chooseTuningSet(sets, 'validation')!.id).toBe('outOfFold');
    expect(chooseTuningSet(sets, 'test')!.id).toBe('test');
    // Runs recorded before out-of-fold predictions were kept still tune, on what they have.
    expect(tuningSets({ heldOut: { validation, test: null } }).map((s) => s.id)).toEqual(['validation']);
  });

  it('finds the threshold on the tuning set, not on the test set the matrix shows', () => {
    const m = { heldOut: { validation: null, test, outOfFold } } as Pick<ModelResult, 'heldOut'>;
    const found = findThreshold(m, null, 0.6, classes);
    // Out-of-fold: claims at 0.8, 0.7, 0.3; two of three needs 0.7 flagged, so t = the next lower score, 0.5.
    expect(found).toEqual({
      moveTo: 0.5,
      message: 'On the cross-validation out-of-fold predictions, the strictest threshold reaching recall ≥ 0.6 is 0.500: it catches 2 of 3 claims (recall 0.667) and flags 0 of 2 opinions.',
    });
    expect(findThreshold(m, 'test', 0.6, classes).message).toMatch(/^On the test set, the strictest threshold reaching recall ≥ 0.6 is 0.450: it catches 2 of 2 claims/);
  });

  it('leaves the slider when the target needs every row flagged, and checks the target', () => {
    const m = { heldOut: { validation: { y: [0, 1, 1], score: [0.2, 0.9, 0.1] }, test: null } } as Pick<ModelResult, 'heldOut'>;
    const found = findThreshold(m, null, 1, classes);
    expect(found.moveTo).toBeNull();
    expect(found.message).toMatch(/^On the validation set, reaching recall ≥ 1 needs flagging every row/);
    expect(findThreshold(m, null, 2, classes)).toEqual({ moveTo: null, message: 'The recall target is a number from 0 to 1.' });
    expect(findThreshold({ heldOut: { validation: null, test: null } }, null, 0.9, classes).moveTo).toBeNull();
  });
});
