import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import {
  accuracyScore,
  balancedAccuracy,
  classificationReport,
  f1Score,
  formatClassificationReport,
  matthewsCorrcoef,
  precisionRecallFscoreSupport,
  precisionScore,
  recallScore,
} from '../../../src-main/core/metrics/classificationReport';
import { expectClose, FIXTURES, labels } from './fixtures';

const SCORE_FNS = { precision: precisionScore, recall: recallScore, f1: f1Score };

describe('precision, recall and F1 (against sklearn 1.2)', () => {
  for (const fx of FIXTURES) {
    it(`${fx.name}: every average, positive class and zero_division`, () => {
      const y = labels(fx.yTrue);
      const p = labels(fx.yPred);
      for (const c of fx.labelMetrics.prf) {
        const what = `${c.fn} average=${c.average} pos=${c.posLabel} zd=${c.zeroDivision}`;
        const warnings: string[] = [];
        const run = (): number =>
          SCORE_FNS[c.fn](y, p, {
            average: c.average,
            posLabel: c.posLabel,
            zeroDivision: c.zeroDivision,
            onWarning: (m) => warnings.push(m),
          });
        if (c.error) {
          expect(run, what).toThrow(ApiError);
          continue;
        }
        expectClose(run(), c.value!, what);
        expect([...new Set(warnings)], what).toEqual(c.warnings);
      }
    });

    it(`${fx.name}: accuracy, balanced accuracy, Matthews correlation`, () => {
      const y = labels(fx.yTrue);
      const p = labels(fx.yPred);
      expectClose(accuracyScore(y, p), fx.labelMetrics.accuracy, 'accuracy');
      const warnings: string[] = [];
      expectClose(balancedAccuracy(y, p, { onWarning: (m) => warnings.push(m) }), fx.labelMetrics.balancedAccuracy.value, 'balanced');
      expect(warnings).toEqual(fx.labelMetrics.balancedAccuracy.warnings);
      expectClose(matthewsCorrcoef(y, p), fx.labelMetrics.mcc, 'mcc');
    });
  }

  it('reaches the exact sklearn bits, not just 1e-12, on a seeded case', () => {
    const fx = FIXTURES.find((f) => f.name === 'multiclass_random')!;
    const y = labels(fx.yTrue);
    const p = labels(fx.yPred);
    for (const c of fx.labelMetrics.prf) {
      if (c.value === undefined) continue;
      expect(SCORE_FNS[c.fn](y, p, { average: c.average, posLabel: c.posLabel, zeroDivision: c.zeroDivision })).toBe(c.value);
    }
  });

  it('rejects average binary with more than two classes', () => {
    expect(() => precisionScore(labels([0, 1, 2]), labels([0, 1, 2]))).toThrow(/macro/);
  });

  it('returns per-class arrays when not averaging', () => {
    const r = precisionRecallFscoreSupport(labels([0, 0, 1, 1]), labels([0, 1, 1, 1]));
    expect(r.precision).toEqual([1, 2 / 3]);
    expect(r.recall).toEqual([0.5, 1]);
    expect(r.support).toEqual([2, 2]);
  });
});

describe('classificationReport (against sklearn.metrics.classification_report)', () => {
  for (const fx of FIXTURES) {
    it(fx.name, () => {
      const y = labels(fx.yTrue);
      const p = labels(fx.yPred);
      for (const rc of fx.reports) {
        const what = `zero_division=${rc.zeroDivision}${rc.labels ? ' labels=all' : ''}`;
        const report = classificationReport(y, p, fx.nClasses, { zeroDivision: rc.zeroDivision, labels: rc.labels });
        for (const [digits, text] of Object.entries(rc.text)) {
          expect(formatClassificationReport(report, fx.classNames, Number(digits)), `${what} digits=${digits}`).toBe(text);
        }
        expect(report.warnings, what).toEqual(rc.warnings);
        expect(report.zeroDivisionWarning, what).toBe(rc.warnings.length > 0);
        if (!rc.perClass) {
          // Every class listed: an 'accuracy' line only when they are exactly the present ones.
          const accuracyLine = /\n +accuracy /.test(rc.text['2']);
          expect(report.microIsAccuracy, what).toBe(accuracyLine);
          expect(report.accuracy === null, what).toBe(!accuracyLine);
          continue;
        }
        expect(report.perClass.map((c) => c.label)).toEqual(rc.perClass.map((c) => c.label));
        rc.perClass.forEach((e, i) => {
          const a = report.perClass[i];
          expectClose(a.precision, e.precision, `${what} precision[${e.label}]`);
          expectClose(a.recall, e.recall, `${what} recall[${e.label}]`);
          expectClose(a.f1, e.f1, `${what} f1[${e.label}]`);
          expect(a.support).toBe(e.support);
        });
        expect(report.microIsAccuracy).toBe(true);
        expectClose(report.accuracy!, rc.accuracy!, `${what} accuracy`);
        for (const key of ['macro', 'weighted'] as const) {
          expectClose(report[key].precision, rc[key]!.precision, `${what} ${key} precision`);
          expectClose(report[key].recall, rc[key]!.recall, `${what} ${key} recall`);
          expectClose(report[key].f1, rc[key]!.f1, `${what} ${key} f1`);
          expect(report[key].support).toBe(rc[key]!.support);
        }
      }
    });
  }

  it('flags a zero division so the UI can warn', () => {
    const fx = FIXTURES.find((f) => f.name === 'binary_all_negative')!;
    const report = classificationReport(labels(fx.yTrue), labels(fx.yPred), 2);
    expect(report.zeroDivisionWarning).toBe(true);
    expect(report.perClass[1].precision).toBe(0);
    const ones = classificationReport(labels(fx.yTrue), labels(fx.yPred), 2, { zeroDivision: 1 });
    expect(ones.zeroDivisionWarning).toBe(false);
    expect(ones.perClass[1].precision).toBe(1);
  });

  it('needs a name for every class shown', () => {
    const report = classificationReport(labels([0, 1]), labels([0, 1]), 2);
    expect(() => formatClassificationReport(report, ['only one'])).toThrow(ApiError);
  });
});
