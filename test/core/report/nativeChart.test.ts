import { describe, expect, it } from 'vitest';
import { barCountsChart } from '../../../src-main/core/charts/barCounts';
import { boxPlot } from '../../../src-main/core/charts/boxPlot';
import { compareConfusionChart } from '../../../src-main/core/charts/compareConfusionChart';
import { compareRocChart } from '../../../src-main/core/charts/compareCurveChart';
import { compareImportanceChart } from '../../../src-main/core/charts/compareImportanceChart';
import { metricBarsChart } from '../../../src-main/core/charts/compareMetricChart';
import { confusionChart } from '../../../src-main/core/charts/confusionChart';
import { prChart, rocChart } from '../../../src-main/core/charts/curveChart';
import { groupedMean } from '../../../src-main/core/charts/groupedMean';
import { heatmap } from '../../../src-main/core/charts/heatmap';
import { histogram } from '../../../src-main/core/charts/histogram';
import { importanceChart } from '../../../src-main/core/charts/importanceChart';
import { scatter } from '../../../src-main/core/charts/scatter';
import { paletteColor, type EChartsOption } from '../../../src-main/core/charts/spec';
import { tableChart } from '../../../src-main/core/charts/tableChart';
import {
  hexColor,
  MAX_LINE_POINTS,
  MAX_SCATTER_POINTS,
  nativeChart,
  stepPoints,
  thinPoints,
  type NativeBarChart,
  type NativeLineChart,
  type NativeScatterChart,
} from '../../../src-main/core/report/nativeChart';
import type { ImportanceSet } from '../../../src-main/core/search/runRecord';

const hex = (i: number) => paletteColor(i).slice(1).toUpperCase();

function bar(option: EChartsOption): NativeBarChart {
  const c = nativeChart(option);
  expect(c?.type).toBe('bar');
  return c as NativeBarChart;
}

function xy(option: EChartsOption): NativeScatterChart {
  const c = nativeChart(option);
  expect(c?.type).toBe('scatter');
  return c as NativeScatterChart;
}

/** Labels and scores of a small, imperfect classifier. */
function scores(n = 200): { y: number[]; score: number[] } {
  const y = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0));
  const score = y.map((v, i) => Math.min(0.99, Math.max(0.01, (v ? 0.65 : 0.35) + (((i * 37) % 41) - 20) / 50)));
  return { y, score };
}

const permutation: ImportanceSet = {
  kind: 'permutation',
  title: 'Permutation (recall, validation)',
  description: '',
  features: [
    { feature: 'video_view_count', value: 0.15, std: 0.01 },
    { feature: 'video_like_count', value: -0.02, std: 0.005 },
    { feature: 'text_length', value: 0.04, std: 0.002 },
  ],
};

describe('nativeChart: bars', () => {
  it('draws importance as horizontal bars in the app’s order, negative bars red, with the repeats’ spread as whiskers', () => {
    const c = bar(importanceChart({ kind: 'importance', set: permutation }).option);
    expect(c.direction).toBe('horizontal');
    // ECharts and PowerPoint both put the first category at the bottom: the largest is last, on top.
    expect(c.categories).toEqual(['video_like_count', 'text_length', 'video_view_count']);
    expect(c.series).toHaveLength(1);
    expect(c.series[0].values).toEqual([-0.02, 0.04, 0.15]);
    expect(c.series[0].pointColors).toEqual([hex(3), hex(0), hex(0)]);
    expect(c.valueAxis.title).toBe('Drop in recall when shuffled');
    expect(c.valueAxis.log).toBeUndefined();
    expect(c.legend).toBe(false);
    expect(c.errorBars).not.toBeNull();
    expect(c.errorBars!.series).toBe(0);
    expect(c.errorBars!.minus.map((v) => +v!.toFixed(6))).toEqual([0.005, 0.002, 0.01]);
    expect(c.errorBars!.plus.map((v) => +v!.toFixed(6))).toEqual([0.005, 0.002, 0.01]);
  });

  it('has no whiskers where the importance has no spread, and one colour for unsigned importances', () => {
    const set: ImportanceSet = { kind: 'impurity', title: 'Impurity', description: '', features: [{ feature: 'a', value: 0.7 }, { feature: 'b', value: 0.3 }] };
    const c = bar(importanceChart({ kind: 'importance', set }).option);
    expect(c.errorBars).toBeNull();
    expect(c.series[0].pointColors).toBeUndefined();
    expect(c.series[0].color).toBe(hex(0));
  });

  it('draws odds ratios on a log axis with the bars growing from 1', () => {
    const set: ImportanceSet = { kind: 'oddsRatio', title: 'Odds ratios', description: '', features: [{ feature: 'a', value: 4.7, low: 4.2, high: 5.2 }, { feature: 'b', value: 0.77 }] };
    const c = bar(importanceChart({ kind: 'importance', set }).option);
    expect(c.valueAxis.log).toBe(true);
    expect(c.valueAxis.crossesAt).toBe(1);
    // Only "a" has an interval; whiskers are measured from the bar's value.
    expect(c.errorBars!.minus).toEqual([null, expect.closeTo(0.5, 9)]);
    expect(c.errorBars!.plus).toEqual([null, expect.closeTo(0.5, 9)]);
  });

  it('draws a metric across models as clustered columns, a missing test score as no bar, the CV std as whiskers on the CV bars', () => {
    const option = metricBarsChart({
      kind: 'metricBars',
      metric: 'recall',
      models: [
        { label: 'rf', cv: { mean: 0.99, std: 0.004, folds: 5 }, validation: 0.98, test: 0.985 },
        { label: 'xgb', cv: { mean: 0.97, std: 0.01, folds: 5 }, validation: 0.96, test: null },
      ],
    }).option;
    const c = bar(option);
    expect(c.direction).toBe('vertical');
    expect(c.categories).toEqual(['rf', 'xgb']);
    expect(c.series.map((s) => s.name)).toEqual(['CV mean ± std', 'Validation', 'Test']);
    expect(c.series.map((s) => s.color)).toEqual([hex(0), hex(1), hex(2)]);
    expect(c.series[2].values).toEqual([0.985, null]);
    expect(c.valueAxis).toMatchObject({ title: 'recall', min: 0, max: 1, majorUnit: 0.2 });
    expect(c.categoryAxis.title).toBe('Model');
    expect(c.legend).toBe(true);
    expect(c.labels).toBe('0.000');
    expect(c.errorBars!.series).toBe(0);
    expect(c.errorBars!.plus.map((v) => +v!.toFixed(9))).toEqual([0.004, 0.01]);
  });

  it('draws counts by a hue as clustered columns with a legend, and counts without hue as one series', () => {
    const x = { name: 'claim_status', values: ['claim', 'opinion', 'claim', 'claim', null] };
    const hue = { name: 'verified_status', values: ['verified', 'not verified', 'not verified', 'verified', 'verified'] };
    const withHue = bar(barCountsChart({ kind: 'barCounts', x, hue }).option);
    expect(withHue.series.map((s) => s.name)).toEqual(['verified', 'not verified']);
    expect(withHue.series[0].values).toEqual([2, 0]);
    expect(withHue.legend).toBe(true);
    expect(withHue.labels).toBe('#,##0');
    const plain = bar(barCountsChart({ kind: 'barCounts', x }).option);
    expect(plain.series).toHaveLength(1);
    expect(plain.series[0].values).toEqual([3, 1]);
    expect(plain.legend).toBe(false);
  });

  it('keeps each group’s own colour in a grouped mean', () => {
    const c = bar(groupedMean({ kind: 'groupedMean', by: { name: 'g', values: ['a', 'b', 'a'] }, y: { name: 'v', values: [1, 2, 3] } }).option);
    expect(c.series[0].values).toEqual([2, 2]);
    expect(c.series[0].pointColors).toEqual([hex(0), hex(1)]);
  });

  it('compares importances as one bar series per model', () => {
    const option = compareImportanceChart({
      kind: 'importance',
      importance: 'permutation',
      setTitle: 'Permutation (recall, validation)',
      features: ['a', 'b'],
      models: [
        { label: 'rf', values: [0.2, 0.1] },
        { label: 'xgb', values: [0.3, null] },
      ],
    }).option;
    const c = bar(option);
    expect(c.series.map((s) => s.name)).toEqual(['rf', 'xgb']);
    expect(c.series[1].values).toEqual([null, 0.3]);
    expect(c.legend).toBe(true);
  });
});

describe('nativeChart: curves and points', () => {
  it('draws a ROC curve as an XY chart: the curve, the dashed chance line, the operating point as a dot', () => {
    const { y, score } = scores();
    const c = xy(rocChart({ kind: 'roc', y, score, threshold: 0.5, label: 'claim' }).option);
    expect(c.series.map((s) => [s.line, s.marker])).toEqual([
      ['solid', false],
      ['dash', false],
      ['none', true],
    ]);
    expect(c.series[0].name).toMatch(/^ROC curve \(AUC = 0\.\d{3}\)$/);
    expect(c.series[0].points[0]).toEqual([0, 0]);
    expect(c.series[0].points.at(-1)).toEqual([1, 1]);
    expect(c.series[1].points).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(c.series[2].points).toHaveLength(1);
    expect(c.xAxis).toMatchObject({ title: 'False positive rate', min: 0, max: 1, majorUnit: 0.2 });
    expect(c.yAxis.title).toBe('True positive rate (recall of claim)');
    expect(c.series[0].color).toBe(hex(0));
    expect(c.series[1].color).toBe('8C8C8C');
    expect(c.legend).toBe(true);
  });

  it('draws a precision–recall curve’s steps as the corners ECharts draws', () => {
    const { y, score } = scores();
    const option = prChart({ kind: 'pr', y, score }).option;
    const drawn = (option.series as { data: [number, number][] }[])[0].data;
    const c = xy(option);
    expect(c.series[0].points).toEqual(stepPoints(drawn, 'end'));
    expect(c.series[0].points.length).toBe(2 * drawn.length - 1);
  });

  it('keeps each compared model’s colour', () => {
    const a = scores();
    const b = scores(150);
    const c = xy(
      compareRocChart({
        kind: 'roc',
        set: 'validation',
        models: [
          { label: 'rf', scores: a },
          { label: 'xgb', scores: b },
        ],
      }).option,
    );
    expect(c.series.map((s) => s.color)).toEqual([hex(0), hex(1), '8C8C8C']);
  });

  it('draws a small scatter plot natively, and a large one or one on a log x axis as a picture', () => {
    const n = 50;
    const col = (name: string, f: (i: number) => number) => ({ name, values: Array.from({ length: n }, (_, i) => f(i)) });
    const small = xy(scatter({ kind: 'scatter', x: col('x', (i) => i), y: col('y', (i) => i * 2) }).option);
    expect(small.series[0]).toMatchObject({ line: 'none', marker: true });
    expect(small.series[0].points[3]).toEqual([3, 6]);
    const big = MAX_SCATTER_POINTS + 1;
    const many = (name: string) => ({ name, values: Array.from({ length: big }, (_, i) => i) });
    expect(nativeChart(scatter({ kind: 'scatter', x: many('x'), y: many('y') }).option)).toBeNull();
    expect(nativeChart(scatter({ kind: 'scatter', x: col('x', (i) => i + 1), y: col('y', (i) => i), logX: true }).option)).toBeNull();
    expect(nativeChart(scatter({ kind: 'scatter', x: col('x', (i) => i), y: col('y', (i) => i + 1), logY: true }).option)).toMatchObject({ yAxis: { log: true } });
  });

  it('draws lines over categories (a CV score against a parameter) as a line chart', () => {
    const option: EChartsOption = {
      xAxis: { type: 'category', name: 'max_depth', data: ['3', '5', '8', 'None'] },
      yAxis: { type: 'value', name: 'CV recall' },
      legend: { show: true },
      series: [
        { type: 'line', name: 'n_estimators 100', data: [0.95, 0.97, 0.98, 0.975] },
        { type: 'line', name: 'n_estimators 300', data: [0.955, '-', 0.985, 0.98], lineStyle: { type: 'dashed', width: 2 } },
      ],
    };
    const c = nativeChart(option) as NativeLineChart;
    expect(c.type).toBe('line');
    expect(c.categories).toEqual(['3', '5', '8', 'None']);
    expect(c.series[1].values).toEqual([0.955, null, 0.985, 0.98]);
    expect(c.series[1].dash).toBe(true);
    expect(c.series[1].width).toBe(1.5);
    expect(c.categoryAxis.title).toBe('max_depth');
    expect(c.legend).toBe(true);
  });
});

describe('nativeChart: what PowerPoint cannot draw', () => {
  it('returns null for heatmaps, box plots, histograms (custom series), confusion matrices and table pictures', () => {
    const values = Array.from({ length: 40 }, (_, i) => (i * 7) % 13);
    expect(nativeChart(histogram({ kind: 'histogram', x: { name: 'v', values } }).option)).toBeNull();
    expect(nativeChart(boxPlot({ kind: 'box', x: { name: 'v', values } }).option)).toBeNull();
    expect(nativeChart(heatmap({ kind: 'heatmap', labels: ['a', 'b'], matrix: [[1, 0.5], [0.5, 1]] }).option)).toBeNull();
    const matrix = [
      [10, 2],
      [1, 7],
    ];
    expect(nativeChart(confusionChart({ kind: 'confusion', matrix, classes: ['no', 'yes'], normalize: false }).option)).toBeNull();
    const models = [
      { label: 'a', matrix },
      { label: 'b', matrix },
    ];
    expect(nativeChart(compareConfusionChart({ kind: 'confusion', set: 'test', classes: ['no', 'yes'], models, normalize: false }).option)).toBeNull();
    expect(nativeChart(tableChart({ title: 't', header: ['a'], rows: [['1']], numeric: [true] }).option)).toBeNull();
  });

  it('never combines bars with lines or points (pptxgenjs #1355)', () => {
    const option: EChartsOption = {
      xAxis: { type: 'category', data: ['a', 'b'] },
      yAxis: { type: 'value' },
      series: [
        { type: 'bar', data: [1, 2] },
        { type: 'line', data: [1, 2] },
      ],
    };
    expect(nativeChart(option)).toBeNull();
  });
});

describe('helpers', () => {
  it('turns ECharts step lines into their corners', () => {
    const pts: [number, number][] = [
      [0, 1],
      [1, 0.5],
      [2, 0.25],
    ];
    expect(stepPoints(pts, 'end')).toEqual([
      [0, 1],
      [1, 1],
      [1, 0.5],
      [2, 0.5],
      [2, 0.25],
    ]);
    expect(stepPoints(pts, 'start')).toEqual([
      [0, 1],
      [0, 0.5],
      [1, 0.5],
      [1, 0.25],
      [2, 0.25],
    ]);
    expect(stepPoints(pts, undefined)).toBe(pts);
  });

  it('thins long lines to at most MAX_LINE_POINTS, keeping both ends and the corners', () => {
    const n = 5000;
    // A sharp corner at x = 0.01: up to 1 at once, then flat.
    const pts = Array.from({ length: n }, (_, i): [number, number] => {
      const x = i / (n - 1);
      return [x, Math.min(1, x * 100)];
    });
    const thin = thinPoints(pts, MAX_LINE_POINTS);
    expect(thin.length).toBeLessThanOrEqual(MAX_LINE_POINTS);
    expect(thin[0]).toEqual(pts[0]);
    expect(thin.at(-1)).toEqual(pts.at(-1));
    expect(thin.some(([x, y]) => y === 1 && x < 0.0105)).toBe(true);
    const short = pts.slice(0, 10);
    expect(thinPoints(short, MAX_LINE_POINTS)).toBe(short);
  });

  it('reads colours as OOXML writes them', () => {
    expect(hexColor('#4c72b0')).toBe('4C72B0');
    expect(hexColor('#abc')).toBe('AABBCC');
    expect(hexColor('rgba(0,0,0,0.5)')).toBeNull();
    expect(hexColor(undefined)).toBeNull();
  });
});
