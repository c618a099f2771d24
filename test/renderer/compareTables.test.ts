import { describe, expect, it } from 'vitest';
import { toTsv } from '../../src-main/core/evaluation/tsv';
import type { ComparedModel, Comparison, MetricRow, ParamRow } from '../../src-main/core/compare/types';
import {
  confusionExport,
  confusionNote,
  curveSet,
  curvesNote,
  importancesExport,
  metricsExport,
  metricsView,
  paramsExport,
  paramText,
  leakageNotes,
  sharedScaleMax,
  shownParams,
  stepsView,
} from '../../src-renderer/src/lib/compare/compareTables';
import { parseRope, testMetrics } from '../../src-renderer/src/lib/compare/compareSettings';
import { formatP, pairSummary } from '../../src-renderer/src/lib/compare/pairSummary';
import type { ComparedPair } from '../../src-main/core/compare/types';

const model = (label: string, over: Partial<ComparedModel> = {}): ComparedModel => ({
  run: 12,
  runTitle: 'Course 6',
  modelId: label,
  label,
  type: 'randomForest',
  champion: false,
  params: {},
  cv: {},
  validation: { rows: 100, metrics: {}, confusion: [] },
  test: null,
  classes: ['opinion', 'claim'],
  dataset: { name: 'claims', contentHash: 'abc' },
  rows: { train: 200, validation: 100, test: 100 },
  leakage: [],
  ...over,
});

const models = [model('rf'), model('xgb', { champion: true, test: { rows: 100, metrics: {}, confusion: [] } })];

const metrics: MetricRow[] = [
  {
    metric: 'recall',
    cv: [
      { mean: 0.9912, std: 0.0041 },
      { mean: 0.9871, std: 0.0052 },
    ],
    validation: [0.99, 0.993],
    test: [null, 0.9894],
    best: { cv: [0], validation: [1], test: [1] },
  },
  {
    metric: 'accuracy',
    cv: [null, { mean: 0.99, std: 0.001 }],
    validation: [0.995, 0.995],
    test: [null, 0.994],
    best: { cv: [1], validation: [0, 1], test: [1] },
  },
];

describe('the metrics table', () => {
  it('shows CV mean ± std, validation and test per model, and marks the best per row and set (ties share)', () => {
    const v = metricsView({ models, metrics });
    expect(v.sets).toEqual(['cv', 'validation', 'test']);
    expect(v.rows[0].metric).toBe('recall');
    expect(v.rows[0].cells).toEqual([
      [
        { text: '0.991 ± 0.004', best: true },
        { text: '0.990', best: false },
        { text: '—', best: false },
      ],
      [
        { text: '0.987 ± 0.005', best: false },
        { text: '0.993', best: true },
        { text: '0.989', best: true },
      ],
    ]);
    expect(v.rows[1].cells.map((c) => c[1].best)).toEqual([true, true]);
    expect(v.rows[1].cells[0][0]).toEqual({ text: '—', best: false });
  });

  it('leaves out a set no model was scored on', () => {
    const noTest = metrics.map((r) => ({ ...r, test: [null, null], best: { ...r.best, test: [] } }));
    expect(metricsView({ models, metrics: noTest }).sets).toEqual(['cv', 'validation']);
  });

  it('exports mean and std as their own columns at full precision, blanks where a model has no score', () => {
    const t = metricsExport({ models, metrics });
    expect(t.header).toEqual(['metric', 'rf CV mean', 'rf CV std', 'rf validation', 'rf test', 'xgb CV mean', 'xgb CV std', 'xgb validation', 'xgb test']);
    expect(t.rows[0]).toEqual(['recall', 0.9912, 0.0041, 0.99, null, 0.9871, 0.0052, 0.993, 0.9894]);
    expect(toTsv(t.header, t.rows).split('\n')[2]).toBe('accuracy\t\t\t0.995\t\t0.99\t0.001\t0.995\t0.994');
  });
});

describe('the parameters side by side', () => {
  const rows: ParamRow[] = [
    { name: 'max_depth', values: [5, null], differs: true },
    { name: 'n_estimators', values: [300, 300], differs: false },
    { name: 'learning_rate', values: [undefined, 0.1], differs: true },
    { name: 'bootstrap', values: [true, true], differs: false },
  ];

  it('shows only the rows that differ when asked, all of them otherwise', () => {
    expect(shownParams(rows, true).map((r) => r.name)).toEqual(['max_depth', 'learning_rate']);
    expect(shownParams(rows, false)).toHaveLength(4);
  });

  it('writes values as Python does, and a dash where the model type has no such parameter', () => {
    expect([null, true, false, 0.1, 'sqrt', undefined].map(paramText)).toEqual(['None', 'True', 'False', '0.1', 'sqrt', '—']);
  });

  it('exports what is shown, one column per model', () => {
    const t = paramsExport(models, shownParams(rows, true));
    expect(toTsv(t.header, t.rows)).toBe('parameter\trf\txgb\nmax_depth\t5\tNone\nlearning_rate\t\t0.1\n');
  });
});

describe('recipe steps side by side', () => {
  it('lines the steps up by position, marks rows that differ and the steps a leakage note names', () => {
    const v = stepsView([
      { steps: ['drop columns video_id', 'split test 25 %'], leakage: [{ step: 1, op: 'split', message: 'scaled before the split' }] },
      { steps: ['drop columns video_id', 'split test 20 %', 'drop missing'], leakage: [] },
    ]);
    expect(v.map((r) => r.differs)).toEqual([false, true, true]);
    expect(v[1].cells[0]).toEqual({ text: 'split test 25 %', leak: 'scaled before the split' });
    expect(v[2].cells[0]).toEqual({ text: '', leak: null });
  });
});

describe('leakage warnings', () => {
  const leak = { step: 1, op: 'split', message: 'scaled before the split' };
  it('names the model whose recipe leaks when the recipes differ, and says a shared warning once', () => {
    const sides = [
      { steps: ['a', 'b'], leakage: [leak] },
      { steps: ['a', 'b'], leakage: [leak] },
    ];
    expect(leakageNotes(models, { differ: true, sides })).toEqual([
      { model: 'rf', text: 'Step 2 (split): scaled before the split' },
      { model: 'xgb', text: 'Step 2 (split): scaled before the split' },
    ]);
    expect(leakageNotes(models, { differ: false, sides })).toEqual([{ model: null, text: 'Step 2 (split): scaled before the split' }]);
  });
});

describe('confusion matrices on one colour scale', () => {
  const a = [
    [80, 5],
    [10, 5],
  ];
  const b = [
    [40, 45],
    [1, 14],
  ];

  it('shares the largest count, or the largest row share, of all the matrices', () => {
    expect(sharedScaleMax([a, b, null], false)).toBe(80);
    expect(sharedScaleMax([a, b], true)).toBeCloseTo(80 / 85);
    expect(sharedScaleMax([b], true)).toBeCloseTo(14 / 15);
    expect(sharedScaleMax([null], false)).toBeGreaterThan(0);
  });

  it('states the rows the matrices share, or why there are none', () => {
    const settings = { metric: 'recall', rope: 0.01, exactMcNemar: true, threshold: 0.5 };
    expect(confusionNote({ models, settings, confusion: { set: 'validation', reason: null, matrices: [a, b] } })).toBe(
      'On the same 100 validation rows for every model, positive when p > 0.5; one colour scale for all.',
    );
    expect(confusionNote({ models, settings, confusion: { set: null, reason: 'the runs used different data.', matrices: [null, null] } })).toBe(
      'No side-by-side matrices: the runs used different data.',
    );
  });

  it('exports every model’s matrix as rows of one table', () => {
    const t = confusionExport(models, [a, null]);
    expect(t.header).toEqual(['model', 'actual', 'predicted opinion', 'predicted claim']);
    expect(t.rows).toEqual([
      ['rf', 'opinion', 80, 5],
      ['rf', 'claim', 10, 5],
    ]);
  });
});

describe('curves and importances', () => {
  const base = { models, confusion: { set: null, reason: 'different rows', matrices: [null, null] } } as unknown as Comparison;

  it('draws the curves on the set the matrices share, else on a set every model has', () => {
    expect(curveSet({ ...base, confusion: { ...base.confusion, set: 'test' } })).toBe('test');
    expect(curveSet(base)).toBe('validation');
    expect(curveSet({ ...base, models: [model('a', { validation: null }), model('b')] })).toBeNull();
    expect(curvesNote(base)).toBe('Each model on its own validation rows: they are not the same rows, so read the differences with care.');
  });

  it('exports the aligned importances, a blank where a model lacks the feature', () => {
    const t = importancesExport(models, { kind: 'impurity', features: ['views', 'likes'], values: [[0.5, null], [0.3, 0.2]] });
    expect(t.header).toEqual(['feature', 'rf', 'xgb']);
    expect(t.rows).toEqual([
      ['views', 0.5, 0.3],
      ['likes', null, 0.2],
    ]);
  });
});

describe('comparison settings', () => {
  it('reads a ROPE from 0 to below 1, as run.compare takes it', () => {
    expect(parseRope('0.01')).toEqual({ value: 0.01, error: null });
    expect(parseRope(' 0 ')).toEqual({ value: 0, error: null });
    expect(parseRope('0.999')).toEqual({ value: 0.999, error: null });
    for (const bad of ['', 'abc', '-0.1', '1', '1.5', 'NaN', 'Infinity']) expect(parseRope(bad).value, bad).toBeNull();
    expect(parseRope('2').error).toBe('The region of practical equivalence is a half-width from 0 to below 1.');
  });

  it('offers the t-test on the metrics every model has cross-validation scores for', () => {
    const ms = [model('a', { cv: { recall: { mean: 1, std: 0, folds: [1] }, f1: { mean: 1, std: 0, folds: [1] } } }), model('b', { cv: { recall: { mean: 1, std: 0, folds: [1] } } })];
    expect(testMetrics({ models: ms, metrics: [{ ...metrics[0], metric: 'f1' }, metrics[0]] })).toEqual(['recall']);
  });
});

describe('the statistics cards', () => {
  const pair: ComparedPair = {
    a: 0,
    b: 1,
    mcnemar: { set: 'validation', rows: 3817, b: 30, c: 14, exact: false, statistic: 5.1136, pValue: 0.0237 },
    cvTest: {
      metric: 'recall',
      differences: [0.01, -0.002, 0.004, 0.006, 0.002],
      trainRows: 9160,
      testRows: 2290,
      t: 1.2104,
      df: 4,
      pValue: 0.2927,
      pBetterA: 0.12,
      pBetterB: 0.003,
      pRope: 0.877,
      rope: 0.01,
    },
    reason: null,
    reasons: { mcnemar: null, cvTest: null },
    identical: false,
    verdict: 'rf and xgb disagree on 44 of 3,817 validation rows.',
  };

  it('rounds p-values as a statistician does', () => {
    expect([0.0237, 0.2927, 0.0004, 1, 0.05].map(formatP)).toEqual(['0.024', '0.29', '< 0.001', '1', '0.05']);
  });

  it('names the tests with their facts, and the Bayesian shares with percentages', () => {
    const s = pairSummary({ models }, pair);
    expect(s.title).toBe('rf vs xgb');
    if ('reason' in s.mcnemar || 'reason' in s.cvTest) throw new Error('both tests apply');
    expect(s.mcnemar.name).toBe("McNemar's test (χ² with continuity correction)");
    expect(s.mcnemar.facts.map((f) => `${f.term}: ${f.value}`)).toEqual([
      'Rows: 3,817 validation rows, the same for both',
      'b: rf right, xgb wrong: 30',
      'c: xgb right, rf wrong: 14',
      'χ²: 5.114',
      'p: 0.024',
    ]);
    expect(s.cvTest.facts.find((f) => f.term.startsWith('Mean difference'))?.value).toBe('+0.0040');
    expect(s.cvTest.bayes.map((x) => [x.label, x.percent])).toEqual([
      ['rf better', '12 %'],
      ['Equivalent (±0.01)', '88 %'],
      ['xgb better', '< 1 %'],
    ]);
  });

  it('gives the reason where a test does not apply', () => {
    const s = pairSummary({ models }, { ...pair, mcnemar: null, reasons: { mcnemar: 'the runs used different data', cvTest: null } });
    expect(s.mcnemar).toEqual({ reason: 'the runs used different data' });
  });
});
