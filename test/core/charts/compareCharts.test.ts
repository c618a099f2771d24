import { describe, expect, it } from 'vitest';
import { compareChart, compareChartRequestSchema, compareChartSpec, type CompareChartData } from '../../../src-main/core/charts/compareCharts';
import { firstBarOffset } from '../../../src-main/core/charts/compareMetricChart';
import { MAX_CURVE_POINTS } from '../../../src-main/core/charts/curveChart';
import { paletteColor } from '../../../src-main/core/charts/spec';
import type { ComparedModel, Comparison } from '../../../src-main/core/compare/types';
import { averagePrecision, rocAucScore } from '../../../src-main/core/metrics/curves';
import { loose, seriesOf } from './fixtures';

let seed = 5;
const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const y = Array.from({ length: 3817 }, () => (rnd() < 0.5 ? 1 : 0));
/** Scores that separate the classes more or less well. */
const scores = (spread: number) => y.map((v) => Math.min(1, Math.max(0, (v ? 0.7 : 0.3) + (rnd() - 0.5) * spread)));
const rf = { y, score: scores(0.9) };
const xgb = { y, score: scores(1.4) };

describe('metric bars', () => {
  const models = [
    { label: 'rf', cv: { mean: 0.991, std: 0.004, folds: 5 }, validation: 0.993, test: 0.99 },
    { label: 'xgb', cv: { mean: 0.985, std: 0.012, folds: 5 }, validation: 0.988, test: null },
    { label: '#13 lr', cv: null, validation: 0.7, test: null },
  ];

  it('draws per model the CV mean with error bars at mean ± std, validation and test bars where present', () => {
    const { option, note } = compareChart({ kind: 'metricBars', metric: 'recall', models });
    const s = seriesOf(option);
    expect(s.map((x) => [x.type, x.name])).toEqual([
      ['bar', 'CV mean ± std'],
      ['bar', 'Validation'],
      ['bar', 'Test'],
      ['custom', 'CV ±1 std'],
    ]);
    expect(s[0].data).toEqual([0.991, 0.985, '-']);
    expect(s[2].data).toEqual([0.99, '-', '-']);
    // [model index, mean − std, mean + std, mean]; a model without CV scores has no error bar.
    expect(s[3].data).toHaveLength(2);
    expect(s[3].data[0][0]).toBe(0);
    expect(s[3].data[0][1]).toBeCloseTo(0.987, 12);
    expect(s[3].data[0][2]).toBeCloseTo(0.995, 12);
    expect(s[3].data[1].slice(1)).toEqual([0.985 - 0.012, 0.985 + 0.012, 0.985]);
    expect(loose(option).xAxis.data).toEqual(['rf', 'xgb', '#13 lr']);
    expect(loose(option).yAxis).toMatchObject({ min: 0, max: 1, name: 'recall' });
    expect(loose(option).legend.data).toEqual(['CV mean ± std', 'Validation', 'Test']);
    expect(note).toBe('error bars: CV ±1 std over 5 folds · test: champions only · no CV recall for #13 lr');
    expect(loose(option).title.subtext).toBe(note);
    expect(loose(option).title.text).toBe('recall by model');
  });

  it('leaves out the test bars when no model has a test score, and the 0–1 axis for unbounded scores', () => {
    const two = models.slice(0, 2).map((m) => ({ ...m, test: null }));
    const s = seriesOf(compareChart({ kind: 'metricBars', metric: 'neg_log_loss', models: two }).option);
    expect(s.map((x) => x.name)).toEqual(['CV mean ± std', 'Validation', 'CV ±1 std']);
    const yAxis = loose(compareChart({ kind: 'metricBars', metric: 'neg_log_loss', models: two }).option).yAxis;
    expect(yAxis.min).toBeUndefined();
    expect(yAxis.max).toBeUndefined();
  });

  it('places the error bar on the CV bar, the first of its group, as echarts lays bars out', () => {
    // Three bars of width w with gaps of 0.3 w fill 70% of the category, centred.
    const { width, offset } = firstBarOffset(3);
    expect(width * 3 + 0.3 * width * 2).toBeCloseTo(0.7, 12);
    expect(offset).toBeCloseTo(-0.35 + width / 2, 12);
    // A lone bar is capped so two models do not get slabs.
    expect(firstBarOffset(1)).toEqual({ width: 0.24, offset: 0 });
  });

  it('refuses a metric no model has', () => {
    expect(() => compareChart({ kind: 'metricBars', metric: 'f1', models: [{ label: 'rf', cv: null, validation: null, test: null }] })).toThrow('None of the models has a f1 score.');
  });
});

describe('ROC and precision–recall curves overlaid', () => {
  const models = [
    { label: 'rf', scores: rf },
    { label: 'xgb', scores: null },
    { label: '#13 rf', scores: xgb },
  ];

  it('one curve per scored model in its colour, its AUC in the legend; the unscored one named in the note', () => {
    const { option, note } = compareChart({ kind: 'roc', set: 'test', models, positive: 'claim' });
    const s = seriesOf(option);
    const auc = (d: { y: number[]; score: number[] }) => rocAucScore(Int32Array.from(d.y), d.score).toFixed(3);
    expect(s.map((x) => x.name)).toEqual([`rf — AUC ${auc(rf)}`, `#13 rf — AUC ${auc(xgb)}`, 'Chance (AUC = 0.5)']);
    expect(s[0].lineStyle.color).toBe(paletteColor(0));
    // The model keeps its comparison colour although the one before it is left out.
    expect(s[1].lineStyle.color).toBe(paletteColor(2));
    expect(s[2].data).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(note).toBe('xgb has no test predictions (only champions do)');
    expect(loose(option).title.text).toBe('ROC curves, test set');
    expect(loose(option).yAxis.name).toBe('True positive rate (recall of claim)');
  });

  it('PR: AP in the legend, one chance line at the shared positive share, long curves thinned', () => {
    const { option, note } = compareChart({ kind: 'pr', set: 'validation', models: [models[0], models[2]] });
    const s = seriesOf(option);
    const ap = (d: { y: number[]; score: number[] }) => averagePrecision(Int32Array.from(d.y), d.score).toFixed(3);
    const share = y.filter((v) => v === 1).length / y.length;
    expect(s.map((x) => x.name)).toEqual([`rf — AP ${ap(rf)}`, `#13 rf — AP ${ap(xgb)}`, `Chance (${share.toFixed(2)})`]);
    expect(s[0].step).toBe('end');
    expect(s[2].data).toEqual([
      [0, share],
      [1, share],
    ]);
    expect(s[0].data.length).toBeLessThanOrEqual(MAX_CURVE_POINTS);
    expect(note).toBe('curves thinned to 2,000 points; AP uses all');
  });

  it('PR: a chance line per model when their rows differ in class balance', () => {
    const few = { y: [1, 0, 0, 0], score: [0.9, 0.2, 0.6, 0.1] };
    const s = seriesOf(compareChart({ kind: 'pr', set: 'validation', models: [models[0], { label: 'lr', scores: few }] }).option);
    expect(s.slice(2).map((x) => x.name)).toEqual([`Chance, rf (${(y.filter((v) => v === 1).length / y.length).toFixed(2)})`, 'Chance, lr (0.25)']);
    expect(s[3].lineStyle.color).toBe(paletteColor(1));
  });

  it('refuses when no model was scored on the set', () => {
    expect(() => compareChart({ kind: 'roc', set: 'test', models: [models[1], { label: 'lr', scores: null }] })).toThrow('None of the models has test set predictions: only a run’s champion is scored on the test set.');
  });
});

describe('confusion matrices side by side', () => {
  const a = [
    [1887, 5],
    [20, 1905],
  ];
  const b = [
    [1700, 192],
    [236, 1989],
  ];
  type Cell = { value: [number, number, number]; label: { color: string } };

  it('one grid per model on one colour scale whose top is the largest count of any matrix', () => {
    const { option, note } = compareChart({
      kind: 'confusion',
      set: 'validation',
      classes: ['opinion', 'claim'],
      normalize: false,
      models: [
        { label: 'rf', matrix: a },
        { label: 'xgb', matrix: b },
      ],
    });
    const o = loose(option);
    expect(o.grid).toHaveLength(2);
    expect(o.visualMap).toMatchObject({ min: 0, max: 1989, seriesIndex: [0, 1], text: ['1,989', '0'] });
    const s = seriesOf(option);
    expect(s.map((x) => [x.type, x.name, x.xAxisIndex, x.yAxisIndex])).toEqual([
      ['heatmap', 'rf', 0, 0],
      ['heatmap', 'xgb', 1, 1],
    ]);
    expect(s[1].data.map((c: Cell) => c.value[2])).toEqual([1700, 192, 236, 1989]);
    // Text colour follows the shared scale: 1,905 of rf is dark (white text) against 1,989.
    expect(s[0].data.map((c: Cell) => c.label.color)).toEqual(['#ffffff', '#262626', '#262626', '#ffffff']);
    // The bottom axes name the predicted classes; a top axis per grid carries the model's label.
    expect(o.xAxis.map((x: { name: string; position?: string }) => [x.name, x.position ?? 'bottom'])).toEqual([
      ['Predicted', 'bottom'],
      ['Predicted', 'bottom'],
      ['rf', 'top'],
      ['xgb', 'top'],
    ]);
    expect(o.yAxis[0]).toMatchObject({ name: 'Actual', data: ['opinion', 'claim'], gridIndex: 0 });
    expect(note).toBe('predicted claim when p > 0.50');
    expect(o.title.text).toBe('Confusion matrices, validation set');
  });

  it('row shares on one 0–1 scale; a model not scored on the set is named in the note', () => {
    const { option, note } = compareChart({
      kind: 'confusion',
      set: 'test',
      classes: ['opinion', 'claim'],
      normalize: true,
      models: [
        { label: '#12 rf', matrix: a },
        { label: '#12 xgb', matrix: null },
        { label: '#13 rf', matrix: b },
      ],
    });
    const s = seriesOf(option);
    expect(s).toHaveLength(2);
    expect(s[1].data[0].value[2]).toBeCloseTo(1700 / 1892, 12);
    // Shares run on 0–1, as in the single-model chart.
    expect(loose(option).visualMap).toMatchObject({ max: 1, text: ['1.00', '0'] });
    expect(note).toBe('predicted claim when p > 0.50; shares of each actual class · #12 xgb has no test predictions (only champions do)');
  });
});

describe('importances side by side', () => {
  const spec = {
    kind: 'importance' as const,
    importance: 'permutation' as const,
    setTitle: 'Permutation (recall, validation)',
    features: ['video_view_count', 'video_like_count', 'video_transcription_text__colleague learned', 'author_ban_status_banned'],
    models: [
      { label: 'rf', values: [0.4, 0.1, 0.01, 0.002] },
      { label: 'xgb', values: [0.45, 0.02, null, -0.001] },
    ],
  };

  it('the same features for every model, grouped per feature, the most important on top', () => {
    const { option, note } = compareChart({ ...spec, top: 3 });
    const o = loose(option);
    expect(o.yAxis.data).toEqual(['video_transc…__colleague learned', 'video_like_count', 'video_view_count']);
    const s = seriesOf(option);
    expect(s.map((x) => [x.name, x.itemStyle.color])).toEqual([
      ['rf', paletteColor(0)],
      ['xgb', paletteColor(1)],
    ]);
    expect(s[0].data).toEqual([0.01, 0.1, 0.4]);
    expect(s[1].data).toEqual(['-', 0.02, 0.45]);
    // The axis says what the single-model chart says: the metric of the permutation.
    expect(o.xAxis.name).toBe('Drop in recall when shuffled');
    expect(note).toBe('Top 3 of 4 features · no bar where a model lacks the feature (xgb)');
    expect(o.title.text).toBe('Permutation (recall, validation) by model');
  });
});

describe('compareChartSpec: the data of each chart from the comparison and the stored results', () => {
  const model = (label: string, over: Partial<ComparedModel>): ComparedModel =>
    ({
      label,
      classes: ['opinion', 'claim'],
      cv: { recall: { mean: 0.99, std: 0.01, folds: [0.98, 0.99, 1, 0.99, 0.99] } },
      validation: { rows: 4, metrics: { recall: 0.98 }, confusion: [[2, 0], [1, 1]] },
      test: null,
      ...over,
    }) as ComparedModel;
  const comparison = {
    models: [model('rf', { test: { rows: 4, metrics: { recall: 1 }, confusion: [[2, 0], [0, 2]] } }), model('xgb', { cv: {} })],
    importances: { kind: 'impurity', features: ['a', 'b'], values: [[0.6, 0.4], [0.7, null]] },
  } as unknown as Comparison;
  const data: CompareChartData = {
    comparison,
    results: [
      { heldOut: { validation: rf, test: rf }, importances: [{ kind: 'impurity', title: 'Impurity decrease', description: '', features: [] }] },
      { heldOut: { validation: xgb, test: null }, importances: [] },
    ],
  };
  const request = (r: unknown) => compareChartRequestSchema.parse(r);

  it('metric bars from the comparison: CV with its fold count, validation, test of the champion', () => {
    const spec = compareChartSpec(data, request({ kind: 'metricBars', metric: 'recall' }));
    expect(spec).toEqual({
      kind: 'metricBars',
      metric: 'recall',
      models: [
        { label: 'rf', cv: { mean: 0.99, std: 0.01, folds: 5 }, validation: 0.98, test: 1 },
        { label: 'xgb', cv: null, validation: 0.98, test: null },
      ],
      title: undefined,
      subtitle: undefined,
    });
    expect(() => compareChartSpec(data, request({ kind: 'metricBars', metric: 'f1' }))).toThrow('None of the models has a f1 score; they were scored on recall.');
  });

  it('curves from the held-out predictions, matrices from the stored evaluations, importances aligned', () => {
    const roc = compareChartSpec(data, request({ kind: 'roc', set: 'test', title: 'Mine' }));
    expect(roc).toMatchObject({ kind: 'roc', set: 'test', positive: 'claim', title: 'Mine', models: [{ label: 'rf', scores: rf }, { label: 'xgb', scores: null }] });
    const confusion = compareChartSpec(data, request({ kind: 'confusion', set: 'validation', normalize: true }));
    expect(confusion).toMatchObject({ classes: ['opinion', 'claim'], normalize: true, models: [{ matrix: [[2, 0], [1, 1]] }, { matrix: [[2, 0], [1, 1]] }] });
    const imp = compareChartSpec(data, request({ kind: 'importance' }));
    expect(imp).toMatchObject({ importance: 'impurity', setTitle: 'Impurity decrease', features: ['a', 'b'], top: 15, models: [{ label: 'rf', values: [0.6, 0.4] }, { label: 'xgb', values: [0.7, null] }] });
  });

  it('refuses matrices of models that predict different classes, and importances none share', () => {
    const other = { ...data, comparison: { ...comparison, models: [comparison.models[0], model('lr', { classes: ['not verified', 'verified'] })], importances: null } };
    expect(() => compareChartSpec(other, request({ kind: 'confusion', set: 'validation', normalize: false }))).toThrow('rf predicts opinion / claim but lr predicts not verified / verified; their charts cannot share axes.');
    expect(() => compareChartSpec(other, request({ kind: 'importance' }))).toThrow('The models have no kind of feature importance in common to compare.');
  });
});
