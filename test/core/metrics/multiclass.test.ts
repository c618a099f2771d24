/**
 * k-class metrics against scikit-learn 1.2.1 on given labels and probabilities
 * (the "multiclass" section of test/fixtures/metrics/multiclass_*.json, written
 * by scripts/fixtures/multiclass_metrics_fixtures.py). Every number must be
 * the same double as scikit-learn's, not merely close.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import { classificationReport, classificationReportDict } from '../../../src-main/core/metrics/classificationReport';
import { interp, macroAverageRoc, oneVsRestCurves, rocAucMulticlass } from '../../../src-main/core/metrics/multiclassCurves';
import { expectAllSame, expectSame, FIXTURES, labels, probaOf } from './fixtures';

const MULTICLASS = FIXTURES.filter((fx) => fx.multiclass !== undefined);

describe('multiclass fixtures', () => {
  it('cover 3 and 4 classes, ties, a class absent from y_true and one never predicted', () => {
    const names = MULTICLASS.map((fx) => fx.name);
    expect(names).toEqual(
      expect.arrayContaining(['multiclass_four', 'multiclass_ties', 'multiclass_absent_true', 'multiclass_never_predicted', 'multiclass_imbalanced']),
    );
    expect(MULTICLASS.some((fx) => fx.nClasses === 4)).toBe(true);
  });
});

describe('rocAucMulticlass (roc_auc_score multi_class=ovr|ovo)', () => {
  for (const fx of MULTICLASS) {
    it(fx.name, () => {
      const y = labels(fx.yTrue);
      const proba = probaOf(fx);
      const strategies = fx.multiclass!.rocAuc;
      for (const multiClass of ['ovr', 'ovo'] as const) {
        for (const [average, want] of Object.entries(strategies[multiClass])) {
          const run = () => rocAucMulticlass(y, proba, { multiClass, average: average as 'macro' | 'weighted' | 'micro' });
          if (want.error !== undefined) expect(run, `${multiClass} ${average}: ${want.error}`).toThrow(ApiError);
          else expectSame(run(), want.value!, `${multiClass} ${average}`);
        }
      }
    });
  }

  it('names the absent class and refuses rows that are not probabilities', () => {
    const proba = { rows: 3, classes: 3, data: Float64Array.from([0.5, 0.2, 0.3, 0.1, 0.1, 0.8, 0.3, 0.3, 0.4]) };
    expect(() => rocAucMulticlass(Int32Array.from([0, 2, 2]), proba, { multiClass: 'ovr' })).toThrow(/class 1 never occurs/);
    const notSummingToOne = { ...proba, data: Float64Array.from([0.5, 0.2, 0.3, 0.1, 0.1, 0.7, 0.3, 0.3, 0.4]) };
    expect(() => rocAucMulticlass(Int32Array.from([0, 1, 2]), notSummingToOne, { multiClass: 'ovo' })).toThrow(/row 1 sum to/);
    expect(() => rocAucMulticlass(Int32Array.from([0, 1, 2]), proba, { multiClass: 'ovo', average: 'micro' })).toThrow(/no 'micro'/);
    expect(() => rocAucMulticlass(Int32Array.from([0, 1]), proba, { multiClass: 'ovr' })).toThrow(ApiError);
  });
});

describe('oneVsRestCurves (per-class roc_curve / precision_recall_curve, macro ROC)', () => {
  for (const fx of MULTICLASS) {
    it(fx.name, () => {
      const want = fx.multiclass!;
      const got = oneVsRestCurves(labels(fx.yTrue), probaOf(fx));
      expect(got.perClass).toHaveLength(fx.nClasses);
      got.perClass.forEach((c, i) => {
        const w = want.perClass[i];
        const what = `class ${i}`;
        expect(c.support, what).toBe(w.support);
        expectAllSame(c.roc.fpr, w.roc.fpr, `${what} fpr`);
        expectAllSame(c.roc.tpr, w.roc.tpr, `${what} tpr`);
        expectAllSame(c.roc.thresholds, w.roc.thresholds, `${what} roc thresholds`);
        expectAllSame(c.pr.precision, w.pr.precision, `${what} precision`);
        expectAllSame(c.pr.recall, w.pr.recall, `${what} recall`);
        expectAllSame(c.pr.thresholds, w.pr.thresholds, `${what} pr thresholds`);
        if (w.auc === null) expect(c.auc, what).toBeNull();
        else expectSame(c.auc!, w.auc, `${what} auc`);
        if (w.averagePrecision === null) expect(c.averagePrecision, what).toBeNull();
        else expectSame(c.averagePrecision!, w.averagePrecision, `${what} average precision`);
      });
      if (want.macroRoc === null) expect(got.macroRoc).toBeNull();
      else {
        expectAllSame(got.macroRoc!.fpr, want.macroRoc.fpr, 'macro fpr');
        expectAllSame(got.macroRoc!.tpr, want.macroRoc.tpr, 'macro tpr');
        expectSame(got.macroRoc!.auc, want.macroRoc.auc, 'macro ROC auc');
      }
      if (want.macroAuc === null) expect(got.macroAuc).toBeNull();
      else expectSame(got.macroAuc!, want.macroAuc, 'macro auc');
      if (want.macroAveragePrecision === null) expect(got.macroAveragePrecision).toBeNull();
      else expectSame(got.macroAveragePrecision!, want.macroAveragePrecision, 'macro average precision');
    });
  }

  it('refuses labels outside the probability columns', () => {
    const proba = { rows: 2, classes: 3, data: Float64Array.from([0.5, 0.2, 0.3, 0.1, 0.1, 0.8]) };
    expect(() => oneVsRestCurves(Int32Array.from([0, 3]), proba)).toThrow(/label 3 at row 1/);
    expect(() => macroAverageRoc([])).toThrow(ApiError);
  });
});

describe('interp (np.interp)', () => {
  it('takes the last of tied points, the line between points and the end values outside', () => {
    // np.interp([0.5, 0, 1, 0.25, -1, 2], [0, .5, .5, .5, 1], [0, .2, .5, .8, 1]) = [.8, 0, 1, .1, 0, 1]
    expect(Array.from(interp([0.5, 0, 1, 0.25, -1, 2], [0, 0.5, 0.5, 0.5, 1], [0, 0.2, 0.5, 0.8, 1]))).toEqual([0.8, 0, 1, 0.1, 0, 1]);
    // np.interp([0, 0.1], [0, 0, 0.5, 1], [0, 0.3, 0.8, 1]) = [0.3, 0.4]
    expect(Array.from(interp([0, 0.1], [0, 0, 0.5, 1], [0, 0.3, 0.8, 1]))).toEqual([0.3, 0.4]);
    expect(() => interp([0], [], [])).toThrow(ApiError);
  });
});

describe('classificationReportDict (classification_report output_dict=True)', () => {
  for (const fx of MULTICLASS) {
    it(fx.name, () => {
      const y = labels(fx.yTrue);
      const yp = labels(fx.yPred);
      const want = fx.multiclass!;
      for (const zd of ['warn', 0, 1] as const) {
        const report = classificationReport(y, yp, fx.nClasses, { zeroDivision: zd });
        expect(classificationReportDict(report, fx.classNames), `zero_division=${zd}`).toEqual(want.reportDict[String(zd) as 'warn' | '0' | '1']);
      }
      const all = Array.from({ length: fx.nClasses }, (_, i) => i);
      const report = classificationReport(y, yp, fx.nClasses, { labels: all });
      expect(classificationReportDict(report, fx.classNames), 'labels=range(k)').toEqual(want.reportDictAllLabels);
    });
  }

  it('needs a name for every reported class', () => {
    const report = classificationReport(Int32Array.from([0, 1, 2]), Int32Array.from([0, 2, 2]), 3);
    expect(() => classificationReportDict(report, ['a', 'b'])).toThrow(/class index 2/);
  });
});
