import { describe, expect, it } from 'vitest';
import { logisticTable } from '../../../src-main/core/evaluation/logisticTable';
import {
  bestCandidatesTable,
  blueFill,
  championMetricsTable,
  classificationTable,
  coefficientsTable,
  confusionMatrixTable,
  searchTable,
} from '../../../src-main/core/report/reportTables';
import { reportTableSchema } from '../../../src-main/core/report/schema';
import { claimsRun, lrJson, model, verifiedRun } from './runFixtures';

/** Relative luminance of a #rrggbb fill: lower is darker. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('confusionMatrixTable', () => {
  it('lays the matrix out as scikit-learn does, counts with separators, classes named', () => {
    const t = confusionMatrixTable(
      [
        [1901, 2],
        [12, 1902],
      ],
      ['opinion', 'claim'],
    );
    expect(reportTableSchema.parse(t)).toEqual(t);
    expect(t.header).toEqual(['actual \\ predicted', 'opinion', 'claim']);
    expect(t.rows).toEqual([
      ['opinion', '1,901', '2'],
      ['claim', '12', '1,902'],
    ]);
    expect(t.numeric).toEqual([false, true, true]);
  });

  it('shades each count darker the larger it is, from white at 0 to the app blue at the largest; the label column unfilled', () => {
    const t = confusionMatrixTable(
      [
        [2359, 2127],
        [42, 243],
      ],
      ['not verified', 'verified'],
    );
    const f = t.fills!;
    expect(f.map((r) => r[0])).toEqual([null, null]);
    expect(f[0][1]).toBe('#084594');
    const order = [f[0][1], f[0][2], f[1][2], f[1][1]].map((x) => luminance(x!));
    // 2,359 > 2,127 > 243 > 42: darker (lower luminance) for larger counts.
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(blueFill(0)).toBe('#f7fbff');
    expect(blueFill(1)).toBe('#084594');
    expect(blueFill(NaN)).toBe('#f7fbff');
  });
});

describe('searchTable', () => {
  it('has a row per model with the champion starred, searched parameters and mean ± std per scored metric', () => {
    const t = searchTable(claimsRun());
    expect(reportTableSchema.parse(t)).toEqual(t);
    expect(t.header).toEqual(['model', 'type', 'candidates', 'best parameters', 'CV accuracy', 'CV precision', 'CV recall', 'CV f1']);
    // max_depth is the only parameter the grid varied; f1 was not recorded, so it shows a dash.
    expect(t.rows[0]).toEqual(['rf ★', 'random forest', '2', 'max_depth 5', '0.995 ± 0.004', '1.000 ± 0.000', '0.990 ± 0.010', '–']);
    expect(t.rows[1][0]).toBe('xgb');
    expect(t.numeric).toEqual([false, false, true, false, true, true, true, true]);
  });

  it('prints every score of the table at one number of decimals: as many as its columns need to tell values apart, at most four', () => {
    const r = claimsRun();
    // The Course 6 grid's precisions differ in the seventh decimal, its accuracies in the fourth.
    r.models[0].bestCv = { accuracy: 0.99572, precision: 0.99982601, recall: 0.9917, f1: 0.99581 };
    r.models[1].bestCv = { accuracy: 0.99603, precision: 0.99982612, recall: 0.9922, f1: 0.99604 };
    const best = (i: number) => r.models[i].cv.rows.find((x) => x.candidate === r.models[i].cv.best)!;
    for (const i of [0, 1]) best(i).std = { accuracy: 0.0014, precision: 0.000348, recall: 0.0026, f1: 0.0014 };
    const t = searchTable(r);
    expect(t.rows.map((row) => row.slice(4))).toEqual([
      ['0.9957 ± 0.0014', '0.9998 ± 0.0003', '0.9917 ± 0.0026', '0.9958 ± 0.0014'],
      ['0.9960 ± 0.0014', '0.9998 ± 0.0003', '0.9922 ± 0.0026', '0.9960 ± 0.0014'],
    ]);
    // Scores three decimals tell apart keep three.
    expect(searchTable(claimsRun()).rows[0][4]).toBe('0.995 ± 0.004');
  });

  it('prints an undefined score as a dash, never NaN', () => {
    const r = claimsRun();
    r.models[1] = model({ modelId: 'xgb', bestCv: { recall: NaN, precision: 1, accuracy: 0.99 } });
    const t = searchTable(r);
    expect(t.rows[1][6]).toBe('–');
    expect(JSON.stringify(t)).not.toMatch(/NaN|undefined/);
  });

  it('shows every fitted parameter when the search had one candidate, and "None" for null', () => {
    const r = verifiedRun(false);
    r.models[0].bestParams = { max_iter: 800, class_weight: null };
    expect(searchTable(r).rows[0][3]).toBe('max_iter 800, class_weight None');
  });
});

describe('bestCandidatesTable', () => {
  it('lists the best candidates by refit rank with the varied parameters', () => {
    const m = model();
    m.cv.rows.reverse();
    const t = bestCandidatesTable(m, ['recall', 'accuracy']);
    expect(reportTableSchema.parse(t)).toEqual(t);
    expect(t.header).toEqual(['rank (recall)', 'max_depth', 'recall', 'accuracy']);
    expect(t.rows).toEqual([
      ['1', '5', '0.990 ± 0.010', '0.995 ± 0.004'],
      ['2', 'None', '0.980 ± 0.020', '0.990 ± 0.010'],
    ]);
    expect(bestCandidatesTable(m, ['recall'], 1).rows).toHaveLength(1);
  });

  it('prints every score at one number of decimals, at most four', () => {
    const m = model();
    m.cv.rows[0].mean = { recall: 0.99123, precision: 0.9998261, accuracy: 0.995 };
    m.cv.rows[1].mean = { recall: 0.99118, precision: 0.9998262, accuracy: 0.99 };
    const t = bestCandidatesTable(m, ['recall', 'precision', 'accuracy']);
    expect(t.rows.map((row) => row.slice(2))).toEqual([
      ['0.9912 ± 0.0100', '0.9998 ± 0.0000', '0.9950 ± 0.0040'],
      ['0.9912 ± 0.0200', '0.9998 ± 0.0000', '0.9900 ± 0.0100'],
    ]);
  });
});

describe('championMetricsTable', () => {
  it('has test, validation and mean CV ± std for each scored metric', () => {
    const t = championMetricsTable(claimsRun())!;
    expect(reportTableSchema.parse(t)).toEqual(t);
    expect(t.header).toEqual(['metric', 'test', 'validation', 'mean CV ± std']);
    expect(t.rows.find((r) => r[0] === 'recall')).toEqual(['recall', (1902 / 1914).toFixed(3), '0.990', '0.990 ± 0.010']);
  });

  it('leaves out the validation column when the split kept none', () => {
    expect(championMetricsTable(verifiedRun(false))!.header).toEqual(['metric', 'test', 'mean CV ± std']);
  });
});

describe('classificationTable', () => {
  it('prints two decimals as scikit-learn does, supports with separators', () => {
    const r = claimsRun();
    const t = classificationTable(r.champion!.test.report, r.classes)!;
    expect(reportTableSchema.parse(t)).toEqual(t);
    expect(t.header).toEqual(['', 'precision', 'recall', 'f1-score', 'support']);
    expect(t.rows[0]).toEqual(['opinion', (1901 / 1913).toFixed(2), (1901 / 1903).toFixed(2), expect.any(String), '1,903']);
    expect(t.rows[2]).toEqual(['accuracy', null, null, ((1901 + 1902) / 3817).toFixed(2), '3,817']);
    expect(t.rows.map((x) => x[0])).toEqual(['opinion', 'claim', 'accuracy', 'macro avg', 'weighted avg']);
  });

  it('is null for a report the run did not store', () => {
    expect(classificationTable(null, ['a', 'b'])).toBeNull();
    expect(classificationTable({ perClass: 'x' }, ['a', 'b'])).toBeNull();
  });
});

describe('coefficientsTable', () => {
  it("formats coefficients as the Coefficients tab, odds ratios with the decimals to tell them from 1, p-values", () => {
    const { table, shown, of } = coefficientsTable(logisticTable(lrJson('none'))!);
    expect(reportTableSchema.parse(table)).toEqual(table);
    expect([shown, of]).toEqual([4, 4]);
    expect(table.header).toEqual(['term', 'coef', 'std err', 'z', 'P>|z|', '[0.025', '0.975]', 'odds ratio']);
    expect(table.rows[1].slice(0, 2)).toEqual(['video_duration_sec', '0.0086']);
    expect(table.rows[3]).toEqual(['video_view_count', '-2.10e-6', '3.00e-6', '-0.7000', '0.480', '-8.00e-6', '3.80e-6', '0.999998']);
    expect(table.rows[2][4]).toBe('<0.001');
  });

  it('keeps the intercept and the largest coefficients when there are more terms than a slide holds', () => {
    const features = Array.from({ length: 30 }, (_, i) => `f${i}`);
    const coefficients = features.map((_, i) => (i % 2 ? -1 : 1) * (i + 1) * 0.01);
    const t = coefficientsTable(logisticTable(lrJson('l2', { features, coefficients }))!, 5);
    expect([t.shown, t.of]).toEqual([5, 31]);
    expect(t.table.rows.map((r) => r[0])).toEqual(['const', 'f26', 'f27', 'f28', 'f29']);
  });
});
