import { describe, expect, it } from 'vitest';
import type { CvTestResult, McNemarResult } from '../../../src-main/core/compare/types';
import { formatP, formatPercent, pluralClass, verdictText, type VerdictInput } from '../../../src-main/core/compare/verdict';

type HeldOutErrorsOf = NonNullable<VerdictInput['errors']>;
const names = { a: 'rf', b: 'xgb', positive: 'claim', negative: 'opinion' };
const onValidation = (b: number, c: number, pValue: number): McNemarResult => ({ set: 'validation', rows: 3817, b, c, exact: true, statistic: null, pValue });
const cv = (differences: number[], r: Partial<CvTestResult> = {}): CvTestResult => ({
  metric: 'recall',
  differences,
  trainRows: 9160,
  testRows: 2290,
  t: 1.2149,
  df: differences.length - 1,
  pValue: 0.2912,
  pBetterA: 0.1234,
  pBetterB: 0.0301,
  pRope: 0.8465,
  rope: 0.01,
  ...r,
});
const input = (v: Partial<VerdictInput>): VerdictInput => ({
  names,
  mcnemar: null,
  errors: null,
  cvTest: null,
  reasons: { mcnemar: null, cvTest: null },
  sameResults: false,
  identical: false,
  ...v,
});

describe('numbers as a statistician writes them', () => {
  it('p below 0.001 as a bound, else two significant digits without trailing zeros', () => {
    expect(formatP(0.00099)).toBe('p < 0.001');
    expect(formatP(0.003)).toBe('p = 0.003');
    expect(formatP(0.0034567)).toBe('p = 0.0035');
    expect(formatP(0.02263)).toBe('p = 0.023');
    expect(formatP(0.2912)).toBe('p = 0.29');
    expect(formatP(1)).toBe('p = 1');
  });

  it('percentages never claim certainty that rounding made up', () => {
    expect(formatPercent(0.1234)).toBe('12 %');
    expect(formatPercent(0.004)).toBe('< 1 %');
    expect(formatPercent(0.996)).toBe('> 99 %');
    expect(formatPercent(0)).toBe('0 %');
    expect(formatPercent(1)).toBe('100 %');
  });

  it('class names as plural nouns, or as rows when they are not nouns', () => {
    expect(pluralClass('claim')).toBe('claims');
    expect(pluralClass('claim', 1)).toBe('claim');
    expect(pluralClass('class')).toBe('classes');
    expect(pluralClass('story')).toBe('stories');
    expect(pluralClass('verified')).toBe('“verified” rows');
    expect(pluralClass('not verified', 1)).toBe('“not verified” row');
  });
});

describe('verdictText', () => {
  it('speaks of misses when the false alarms are equal (b − c is then the difference in misses)', () => {
    const text = verdictText(input({ mcnemar: onValidation(0, 16, 0.0000305), errors: { falseNegatives: [30, 14], falsePositives: [5, 5] } }));
    expect(text).toBe('rf misses 16 more claims than xgb on the same 3,817 validation rows; a difference this large would arise by chance with p < 0.001.');
  });

  it('otherwise speaks of the disagreements, then of misses and false alarms', () => {
    const text = verdictText(input({ mcnemar: onValidation(30, 14, 0.02263), errors: { falseNegatives: [10, 27], falsePositives: [12, 11] } }));
    expect(text).toBe(
      'rf and xgb disagree on 44 of the same 3,817 validation rows (rf right on 30, xgb on 14); a split this uneven would arise by chance with p = 0.023. ' +
        'On balance xgb misses 17 more claims than rf, and rf flags 1 more opinion as a claim.',
    );
  });

  it('says when an uneven split is not a reliable difference', () => {
    const text = verdictText(input({ mcnemar: onValidation(6, 3, 0.5078), errors: { falseNegatives: [3, 6], falsePositives: [2, 2] } }));
    expect(text).toBe('xgb misses 3 more claims than rf on the same 3,817 validation rows; a difference this large would arise by chance with p = 0.51: not a reliable difference.');
  });

  it('reads the corrected t-test with its Bayesian probabilities and the folds it needed', () => {
    const text = verdictText(input({ cvTest: cv([0.004, 0.002, 0.006, 0.001, 0.007]), reasons: { mcnemar: 'the run has no validation set', cvTest: null } }));
    expect(text).toBe(
      "Over the same 5 cross-validation folds rf's recall is 0.004 higher on average (corrected t = 1.21, p = 0.29): that is not a reliable difference. " +
        'Probability rf is better by more than 0.01: 12 %; xgb better: 3 %; practically equivalent (within ±0.01): 85 %. ' +
        "McNemar's test does not apply: the run has no validation set.",
    );
  });

  it('names the better model when it is the second, and a reliable difference as one', () => {
    const text = verdictText(input({ cvTest: cv([-0.02, -0.03, -0.025, -0.02, -0.03], { t: -6.1, pValue: 0.0036 }) }));
    expect(text).toMatch(/^Over the same 5 cross-validation folds xgb's recall is 0.025 higher on average \(corrected t = 6.10, p = 0.0036\): that is a reliable difference\./);
  });

  it('calls a model and its re-run identical', () => {
    const text = verdictText(
      input({ names: { ...names, a: 'rf (#12)', b: 'rf (#13)' }, sameResults: true, identical: true, mcnemar: onValidation(0, 0, 1), errors: { falseNegatives: [3, 3], falsePositives: [1, 1] }, cvTest: cv([0, 0, 0, 0, 0]) }),
    );
    expect(text).toBe('rf (#12) and rf (#13) are identical: the same predictions on every validation row and the same score on every fold.');
  });

  it('different models that agree on everything measured make the same predictions; they are not called identical', () => {
    const errors = { falseNegatives: [3, 3], falsePositives: [1, 1] } as HeldOutErrorsOf;
    expect(verdictText(input({ sameResults: true, mcnemar: onValidation(0, 0, 1), errors, cvTest: cv([0, 0, 0, 0, 0]) }))).toBe(
      'rf and xgb make the same predictions on every validation row and score the same on every fold.',
    );
    expect(verdictText(input({ sameResults: true, mcnemar: onValidation(0, 0, 1), errors, reasons: { mcnemar: null, cvTest: 'the folds are not the same: x' } }))).toBe(
      'rf and xgb make the same predictions on every validation row. The corrected t-test does not apply: the folds are not the same: x.',
    );
  });

  it('says why each test does not apply', () => {
    const text = verdictText(input({ reasons: { mcnemar: 'the held-out rows are not the same: the runs used different data (hash aaaaaaaa… vs bbbbbbbb…)', cvTest: 'the folds are not the same: x' } }));
    expect(text).toBe(
      "McNemar's test does not apply: the held-out rows are not the same: the runs used different data (hash aaaaaaaa… vs bbbbbbbb…). The corrected t-test does not apply: the folds are not the same: x.",
    );
  });
});
