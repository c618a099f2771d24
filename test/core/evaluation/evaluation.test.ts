import { describe, expect, it } from 'vitest';
import { classificationReport } from '../../../src-main/core/metrics/classificationReport';
import { interpretModel, interpretRun } from '../../../src-main/core/evaluation/interpretation';
import { logisticTable } from '../../../src-main/core/evaluation/logisticTable';
import { pluralOf, quadrantSentences, summarySentence } from '../../../src-main/core/evaluation/quadrants';
import { classificationReportTable, cvResultsTable, importanceTable, logisticTableRows, toTsv } from '../../../src-main/core/evaluation/tsv';
import type { ModelResult, RunRecord } from '../../../src-main/core/search/runRecord';

const counts = { tn: 1926, fp: 2, fn: 14, tp: 1875 };

function lrJson(penalty: 'l2' | 'none') {
  return {
    kind: 'logisticRegression',
    penalty,
    fitIntercept: true,
    features: ['video_duration_sec', 'claim_status_opinion'],
    coefficients: [0.009, 1.55],
    intercept: -2,
    oddsRatios: [Math.exp(0.009), Math.exp(1.55)],
    warning: null,
    inference:
      penalty === 'none'
        ? { terms: ['const', 'video_duration_sec', 'claim_status_opinion'], coef: [-2, 0.009, 1.55], stdErrors: [0.1, 0.001, 0.05], z: [-20, 9, 31], pValues: [0, 2e-19, 0], ci95: [[-2.2, -1.8], [0.007, 0.011], [1.45, 1.65]] }
        : null,
    inferenceError: null,
  };
}

function model(over: Partial<ModelResult>): ModelResult {
  return {
    modelId: 'rf',
    type: 'randomForest',
    candidates: 2,
    fits: 10,
    bestParams: { max_depth: 5 },
    bestCv: { recall: 0.99, precision: 1 },
    cv: {
      rows: [
        { candidate: 0, params: { max_depth: 5, n_estimators: 100 }, mean: { recall: 0.99, precision: 1 }, std: { recall: 0.01, precision: 0 }, rank: { recall: 1, precision: 1 }, split: {}, meanFitSeconds: 1.5, meanScoreSeconds: 0.1 },
        { candidate: 1, params: { max_depth: null, n_estimators: 100 }, mean: { recall: 0.98, precision: 1 }, std: { recall: 0.02, precision: 0 }, rank: { recall: 2, precision: 1 }, split: {}, meanFitSeconds: 2.5, meanScoreSeconds: 0.1 },
      ],
      best: 0,
      refit: 'recall',
    },
    validation: { rows: 3817, metrics: { recall: 0.9896, precision: 0.9974 }, confusion: [[1887, 5], [20, 1905]], report: null },
    featureImportances: null,
    model: null,
    seconds: { search: 1, refit: 1 },
    failedFits: [],
    heldOut: { validation: null, test: null },
    importances: [
      { kind: 'impurity', title: 'Impurity decrease', description: '', features: [{ feature: 'video_view_count', value: 0.6 }, { feature: 'video_like_count', value: 0.3 }, { feature: 'text_length', value: 0.1 }] },
      { kind: 'permutation', title: 'Permutation (recall, validation)', description: '', features: [{ feature: 'video_view_count', value: 0.2, std: 0.01 }, { feature: 'text_length', value: 0, std: 0 }] },
    ],
    partial: false,
    ...over,
  };
}

function record(models: ModelResult[], champion = true): RunRecord {
  return {
    recipeName: 'Course 6',
    recipe: { scoring: ['precision', 'recall'], champion: { metric: 'recall', on: 'validation' } },
    assayVersion: '0',
    startedAt: '',
    dataset: { name: 's', rows: 19382, contentHash: null, expectedHash: null },
    classes: ['opinion', 'claim'],
    features: [],
    rows: { train: 11450, validation: 3817, test: 3817 },
    leakage: [],
    notes: [],
    models,
    champion: champion ? { modelId: models[0].modelId, rule: 'highest validation recall', test: { rows: 3817, metrics: { recall: 0.9926, precision: 0.9989 }, confusion: [[1926, 2], [14, 1875]], report: null } } : null,
    seconds: { prepare: 0, search: 0, total: 0 },
    status: champion ? 'complete' : 'cancelled',
  };
}

describe('confusion matrix words', () => {
  it('names each quadrant with its count, as the seed notebooks do', () => {
    const s = quadrantSentences(counts, ['opinion', 'claim']);
    expect(s.map((q) => q.count)).toEqual([1926, 2, 14, 1875]);
    expect(s[2].sentence).toBe('Lower left, false negatives: 14 claims the model misclassified as opinions.');
    expect(summarySentence(counts, ['opinion', 'claim'])).toBe('The model misses 14 of 1,889 claims (0.7%) and wrongly flags 2 of 1,928 opinions (0.1%).');
  });

  it('quotes class values that are not plain nouns', () => {
    expect(pluralOf('claim')).toBe('claims');
    expect(pluralOf('box')).toBe('boxes');
    expect(pluralOf('category')).toBe('categories');
    expect(pluralOf('verified')).toBe('“verified” rows');
    expect(pluralOf('not verified')).toBe('“not verified” rows');
    expect(pluralOf('1')).toBe('“1” rows');
  });
});

describe('tables', () => {
  it('TSV keeps full precision, blanks nulls and flattens tabs and newlines', () => {
    expect(toTsv(['a', 'b'], [['x\ty', 0.123456789], [null, NaN]])).toBe('a\tb\nx y\t0.123456789\n\tNaN\n');
  });

  it('CV results read like cv_results_, and the report like classification_report', () => {
    const t = cvResultsTable(model({}), ['recall']);
    expect(t.header).toEqual(['candidate', 'param_max_depth', 'param_n_estimators', 'mean_test_recall', 'std_test_recall', 'rank_test_recall', 'mean_fit_time']);
    expect(t.rows[1]).toEqual([1, 'None', 100, 0.98, 0.02, 2, 2.5]);
    const report = classificationReport(Int32Array.from([0, 0, 1, 1]), Int32Array.from([0, 1, 1, 1]), 2);
    const r = classificationReportTable(report, ['opinion', 'claim']);
    expect(r.rows.map((x) => x[0])).toEqual(['opinion', 'claim', 'accuracy', 'macro avg', 'weighted avg']);
    expect(r.rows[2]).toEqual(['accuracy', null, null, 0.75, 4]);
  });

  it('importance tables sort by size; odds ratios by distance from 1', () => {
    const t = importanceTable({ kind: 'oddsRatio', title: 'Odds ratios', description: '', features: [{ feature: 'a', value: 1.1, low: 1, high: 1.2 }, { feature: 'b', value: 0.2, low: 0.1, high: 0.3 }] });
    expect(t.header).toEqual(['feature', 'Odds ratios', '95% low', '95% high']);
    expect(t.rows.map((r) => r[0])).toEqual(['b', 'a']);
  });
});

describe('logistic regression table', () => {
  it('puts the intercept first and gives SE and p only without a penalty', () => {
    const none = logisticTable(lrJson('none'))!;
    expect(none.terms.map((t) => t.term)).toEqual(['const', 'video_duration_sec', 'claim_status_opinion']);
    expect(none.terms[1]).toMatchObject({ coefficient: 0.009, stdError: 0.001, pValue: 2e-19, low: 0.007, high: 0.011 });
    expect(none.note).toBeNull();
    const l2 = logisticTable(lrJson('l2'))!;
    expect(l2.terms[1].pValue).toBeNull();
    expect(l2.note).toMatch(/penalty 'none' only/);
    expect(logisticTableRows(none).header).toEqual(['term', 'coef', 'std err', 'z', 'P>|z|', '[0.025', '0.975]', 'odds ratio']);
    expect(logisticTableRows(l2).header).toEqual(['term', 'coef', 'odds ratio']);
    expect(logisticTable({ kind: 'gradientBoosting' })).toBeNull();
  });
});

describe('interpretation', () => {
  it('says how the champion does on the test rows, what it misses and what it relies on', () => {
    const text = interpretModel(record([model({})]), 'rf');
    expect(text[0]).toBe('On the 3,817 test rows it reaches recall 0.993 and precision 0.999.');
    expect(text[1]).toBe('It misses 14 of 1,889 claims (0.7%) and wrongly flags 2 of 1,928 opinions (0.1%).');
    expect(text[2]).toBe('It relies most on video_view_count (0.60), video_like_count (0.30) and text_length (0.10), by impurity decrease.');
    expect(text[3]).toBe('Shuffling video_view_count costs the most: recall on the validation rows drops by 0.200.');
    expect(interpretRun(record([model({})]))[0]).toBe('rf is the champion (highest validation recall: 0.990); tested once on 3,817 held-out rows it has recall 0.993.');
  });

  it('reads logistic coefficients as log-odds and odds, with p-values', () => {
    const lr = model({ modelId: 'logreg', type: 'logisticRegression', model: lrJson('none'), importances: [] });
    const text = interpretModel(record([lr]), 'logreg');
    expect(text).toContain('Each additional unit of video_duration_sec is associated with a 0.00900 increase in the log-odds of “claim” (odds × 1.009, p < 0.001), the other features held fixed.');
  });

  it('warns when CV and held-out scores differ, and marks partial models', () => {
    const shaky = model({ bestCv: { recall: 0.9, precision: 1 } });
    expect(interpretModel(record([shaky]), 'rf').at(-1)).toMatch(/^Caution: its cross-validation recall \(0.900\) and test recall \(0.993\) differ by more than 0.05/);
    const partial = model({ partial: true, validation: null });
    expect(interpretModel(record([partial], false), 'rf')[0]).toMatch(/^rf was not refitted: .* 2 of 2 candidates it finished/);
    expect(interpretRun(record([partial], false))[0]).toMatch(/stopped before a champion was chosen/);
  });
});
