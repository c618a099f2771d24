import { describe, expect, it } from 'vitest';
import { canonicalJson, foldsDiffer, labelsDiffer, splitRowsDiffer, type RunSide } from '../../../src-main/core/compare/sameRows';
import { STEPS, heldOut, model, record, predicting, type RecordSpec } from './runRecords';

const y = [1, 0, 1, 1, 0, 0, 1, 0, 1, 0];
const side = (name: string, spec: Partial<RecordSpec> = {}): RunSide => ({
  name,
  record: record({ models: [model('rf', { folds: { recall: [0.9, 0.8] }, test: predicting(y) })], ...spec }),
});
const withStep = (i: number, step: unknown) => STEPS.map((s, j) => (j === i ? step : s));

describe('splitRowsDiffer: the held-out rows are the same', () => {
  it('when the data, target and steps up to the split are the same', () => {
    expect(splitRowsDiffer(side('run 1'), side('run 2'))).toBeNull();
  });

  it('not when a run did not record its data hash, or the hashes differ', () => {
    expect(splitRowsDiffer(side('run 1'), side('run 2', { hash: null }))).toBe("the data's content hash is not recorded in run 2");
    expect(splitRowsDiffer(side('run 1'), side('run 2', { hash: 'e5f6a7b8'.repeat(8) }))).toBe(
      'the runs used different data (hash a1b2c3d4… vs e5f6a7b8…)',
    );
  });

  it('not when the targets differ', () => {
    expect(splitRowsDiffer(side('run 1'), side('run 2', { target: 'verified_status' }))).toBe('the runs predict different targets (claim_status vs verified_status)');
  });

  it('not when the split differs, naming the step as both runs have it', () => {
    const reseeded = withStep(1, { ...STEPS[1], randomState: 1 });
    expect(splitRowsDiffer(side('run 1'), side('run 2', { steps: reseeded }))).toBe(
      'the runs split the rows differently (step 2 (split): "split test 25 %, validation 25 % of the rest, seed 0" in run 1, ' +
        '"split test 25 %, validation 25 % of the rest, seed 1" in run 2)',
    );
  });

  it('not when a step before the split differs', () => {
    const some = withStep(0, { op: 'dropMissing', columns: ['text'] });
    expect(splitRowsDiffer(side('run 1'), side('run 2', { steps: some }))).toBe(
      'the runs prepared the rows differently before the split (step 1 (drop missing rows): "drop rows with a missing value" in run 1, "drop rows missing text" in run 2)',
    );
    // Different steps at one place are named by what they are, not written out twice.
    const extra = [{ op: 'dropColumns', columns: ['id'] }, ...STEPS];
    expect(splitRowsDiffer(side('run 1'), side('run 2', { steps: extra }))).toBe(
      'the runs prepared the rows differently before the split (step 1 is drop missing rows in run 1, drop columns in run 2)',
    );
  });

  it('whatever order a step writes its fields in', () => {
    const reordered = withStep(1, { stratify: false, randomState: 0, validation: 0.25, test: 0.25, op: 'split' });
    expect(canonicalJson(reordered)).toBe(canonicalJson(STEPS));
    expect(splitRowsDiffer(side('run 1'), side('run 2', { steps: reordered }))).toBeNull();
  });

  it('after the split, only steps that drop rows matter', () => {
    const vectorized = withStep(2, { ...STEPS[2], ngramRange: [2, 3] });
    expect(splitRowsDiffer(side('run 1'), side('run 2', { steps: vectorized }))).toBeNull();
    expect(splitRowsDiffer(side('run 1'), side('run 2', { steps: [...STEPS, { op: 'dropMissing', columns: ['a'] }] }))).toBe(
      'the runs drop different rows with missing values after the split',
    );
  });
});

describe('labelsDiffer', () => {
  it('is null for equal labels, and says how they differ otherwise', () => {
    expect(labelsDiffer(heldOut([1, 0, 1], [0, 0, 0]), heldOut([1, 0, 1], [1, 1, 1]), 'validation')).toBeNull();
    expect(labelsDiffer(heldOut([1, 0, 1], []), heldOut([1, 0], []), 'validation')).toBe('the validation sets differ in size (3 vs 2 rows)');
    expect(labelsDiffer(heldOut([1, 0, 1], []), heldOut([1, 1, 1], []), 'test')).toBe('the test rows carry different labels (row 2 first), so they are not the same rows');
  });
});

describe('foldsDiffer: the same folds', () => {
  const none = { a: null, b: null };

  it('when the rows, the resampling and the cross-validation settings are the same', () => {
    expect(foldsDiffer(side('run 1'), side('run 2'), none)).toBeNull();
    const oof = heldOut(y, y);
    expect(foldsDiffer(side('run 1'), side('run 2'), { a: oof, b: oof })).toBeNull();
  });

  it('not when the held-out rows differ (the training rows are the rest)', () => {
    expect(foldsDiffer(side('run 1'), side('run 2', { hash: null }), none)).toBe("the data's content hash is not recorded in run 2");
  });

  it('not when the training rows were resampled differently', () => {
    const resampled = [...STEPS, { op: 'resample', strategy: 'upsample', randomState: 0 }];
    expect(splitRowsDiffer(side('run 1'), side('run 2', { steps: resampled }))).toBeNull();
    expect(foldsDiffer(side('run 1'), side('run 2', { steps: resampled }), none)).toBe('the runs resampled the training rows differently');
  });

  it('not when the number of folds or the stratification differ', () => {
    expect(foldsDiffer(side('run 1'), side('run 2', { cv: { folds: 10, stratified: true } }), none)).toBe('the runs used different cross-validation (5 folds vs 10)');
    expect(foldsDiffer(side('run 1'), side('run 2', { cv: { folds: 5, stratified: false } }), none)).toBe(
      'the runs cut their folds differently (stratified in run 1, not stratified in run 2)',
    );
  });

  it('not when the training labels the runs kept differ', () => {
    expect(foldsDiffer(side('run 1'), side('run 2'), { a: heldOut(y, y), b: heldOut([...y].reverse(), y) })).toBe(
      'the training rows carry different labels (row 1 first), so they are not the same rows',
    );
  });
});
