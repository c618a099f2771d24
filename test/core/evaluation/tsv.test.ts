import { describe, expect, it } from 'vitest';
import { classificationReport } from '../../../src-main/core/metrics/classificationReport';
import { classificationReportTable, confusionTable, cvResultsTable, importanceTable, toTsv } from '../../../src-main/core/evaluation/tsv';
import { model } from './fixtures';

describe('toTsv', () => {
  it('keeps numbers in full precision, blanks nulls and flattens tabs and newlines in cells', () => {
    expect(toTsv(['a', 'b\tc'], [['x\ty', 0.1 + 0.2], [null, NaN], ['two\r\nlines', -1e-7]])).toBe(
      'a\tb c\nx y\t0.30000000000000004\n\tNaN\ntwo lines\t-1e-7\n',
    );
  });

  it('copies a table with text a spreadsheet would run as text, its numbers (negative too) as numbers', () => {
    const t = importanceTable({
      kind: 'coefficient',
      title: 'Coefficients',
      description: '',
      features: [
        { feature: '=cmd|" /C calc"!A0', value: -0.25 },
        { feature: '@SUM(A1:A9)', value: 0.125 },
        { feature: 'video_view_count', value: -1e-7 },
      ],
    });
    expect(toTsv(t.header, t.rows)).toBe(
      'feature\tCoefficients\n' + `'=cmd|" /C calc"!A0\t-0.25\n` + `'@SUM(A1:A9)\t0.125\n` + 'video_view_count\t-1e-7\n',
    );
  });
});

describe('cvResultsTable', () => {
  it('reads like cv_results_: sorted param_ columns, then mean/std/rank per metric', () => {
    const t = cvResultsTable(model(), ['recall', 'precision']);
    expect(t.header).toEqual([
      'candidate',
      'param_max_depth',
      'param_n_estimators',
      'mean_test_recall',
      'std_test_recall',
      'rank_test_recall',
      'mean_test_precision',
      'std_test_precision',
      'rank_test_precision',
      'mean_fit_time',
    ]);
    expect(t.rows[1]).toEqual([1, 'None', 100, 0.98, 0.02, 2, 1, 0, 1, 2.5]);
    // A metric the rows lack is blank, not "undefined".
    expect(cvResultsTable(model(), ['f1']).rows[0]).toEqual([0, 5, 100, null, null, null, 1.5]);
  });
});

describe('classificationReportTable', () => {
  it('has a row per class, then accuracy (F1 column only), macro and weighted averages', () => {
    const report = classificationReport(Int32Array.from([0, 0, 1, 1]), Int32Array.from([0, 1, 1, 1]), 2);
    // As stored in a run record: through JSON.
    const t = classificationReportTable(JSON.parse(JSON.stringify(report)), ['opinion', 'claim']);
    expect(t.header).toEqual(['', 'precision', 'recall', 'f1-score', 'support']);
    expect(t.rows).toEqual([
      ['opinion', 1, 0.5, 2 / 3, 2],
      ['claim', 2 / 3, 1, 0.8, 2],
      ['accuracy', null, null, 0.75, 4],
      ['macro avg', report.macro.precision, 0.75, report.macro.f1, 4],
      ['weighted avg', report.weighted.precision, 0.75, report.weighted.f1, 4],
    ]);
  });

  it('names a class missing from `classes` by its index, shows micro avg when labels were chosen, and rejects other shapes', () => {
    const report = classificationReport(Int32Array.from([0, 1, 1]), Int32Array.from([0, 1, 0]), 2, { labels: [1] });
    const t = classificationReportTable(report);
    expect(t.rows.map((r) => r[0])).toEqual(['1', 'micro avg', 'macro avg', 'weighted avg']);
    expect(() => classificationReportTable(null)).toThrow(/expected the object classificationReport returns/);
    expect(() => classificationReportTable({ perClass: [{ label: 0, precision: 1 }] })).toThrow(/class row 1 has no number "recall"/);
  });
});

describe('confusionTable and importanceTable', () => {
  it('lays out actual rows against predicted columns, and checks the size', () => {
    const t = confusionTable([[1901, 2], [12, 1902]], ['opinion', 'claim']);
    expect(t).toEqual({ header: ['actual \\ predicted', 'opinion', 'claim'], rows: [['opinion', 1901, 2], ['claim', 12, 1902]] });
    expect(() => confusionTable([[1, 2]], ['opinion', 'claim'])).toThrow(/matrix is 1×2 but there are 2 classes/);
  });

  it('sorts by size (odds ratios by distance from 1) and adds spread and interval columns only when present', () => {
    const odds = importanceTable({
      kind: 'oddsRatio',
      title: 'Odds ratios',
      description: '',
      features: [
        { feature: 'a', value: 1.1, low: 1, high: 1.2 },
        { feature: 'b', value: 0.2, low: 0.1, high: 0.3 },
        { feature: 'c', value: 3 },
      ],
    });
    expect(odds.header).toEqual(['feature', 'Odds ratios', '95% low', '95% high']);
    expect(odds.rows).toEqual([
      ['b', 0.2, 0.1, 0.3],
      ['c', 3, null, null],
      ['a', 1.1, 1, 1.2],
    ]);
    const perm = importanceTable(model().importances[1]);
    expect(perm.header).toEqual(['feature', 'Permutation (recall, validation)', 'std']);
    expect(perm.rows[0]).toEqual(['video_view_count', 0.2, 0.01]);
  });
});
