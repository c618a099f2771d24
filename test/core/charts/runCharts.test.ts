import { describe, expect, it } from 'vitest';
import { runChart, runChartRequestSchema } from '../../../src-main/core/charts/runCharts';
import { MAX_CURVE_POINTS, thinCurve } from '../../../src-main/core/charts/curveChart';
import { shortLabel } from '../../../src-main/core/charts/importanceChart';
import { averagePrecision, precisionRecallCurve, rocAucScore } from '../../../src-main/core/metrics/curves';
import { confusionAtThreshold } from '../../../src-main/core/metrics/thresholds';
import type { ImportanceSet } from '../../../src-main/core/search/runRecord';

type Series = { name: string; type: string; data: unknown[]; label?: { formatter?: string } };
const series = (o: unknown) => (o as { series: Series[] }).series;
const yLabels = (o: unknown) => (o as { yAxis: { data: string[] } }).yAxis.data;
/** The cell text without echarts' rich-text markup: "{big|1,887}\n{small|49.4%}" → "1,887\n49.4%". */
const plain = (s: string) => s.replace(/\{\w+\|([^}]*)\}/g, '$1');

let seed = 11;
const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const y = Array.from({ length: 3800 }, () => (rnd() < 0.5 ? 1 : 0));
const score = y.map((v) => Math.min(1, Math.max(0, (v ? 0.7 : 0.3) + (rnd() - 0.5) * 0.9)));

describe('confusion matrix chart', () => {
  const matrix = [
    [1887, 5],
    [20, 1905],
  ];
  type Cell = { value: [number, number, number]; label: { formatter: string; color: string } };
  const cells = (normalize: boolean) => series(runChart({ kind: 'confusion', matrix, classes: ['opinion', 'claim'], normalize }).option)[0].data as Cell[];

  it('shows counts with their share of all rows, the first class top left', () => {
    expect(cells(false).map((c) => plain(c.label.formatter))).toEqual(['1,887\n49.4%', '5\n0.1%', '20\n0.5%', '1,905\n49.9%']);
    // [predicted column, actual row, value]; the y axis is inverted so row 0 is on top.
    expect(cells(false).map((c) => c.value)).toEqual([
      [0, 0, 1887],
      [1, 0, 5],
      [0, 1, 20],
      [1, 1, 1905],
    ]);
    const r = runChart({ kind: 'confusion', matrix, classes: ['opinion', 'claim'], normalize: false });
    expect(r.option.yAxis).toMatchObject({ name: 'Actual', inverse: true, data: ['opinion', 'claim'] });
    expect(r.option.xAxis).toMatchObject({ name: 'Predicted', data: ['opinion', 'claim'] });
    // Dark (large) cells get white text, light ones dark text.
    expect(cells(false).map((c) => c.label.color)).toEqual(['#ffffff', '#262626', '#262626', '#ffffff']);
  });

  it('normalized: each row as shares of its actual class, with the count beneath', () => {
    expect(cells(true).map((c) => plain(c.label.formatter))).toEqual(['1.00\n1,887 rows', '0.00\n5 rows', '0.01\n20 rows', '0.99\n1,905 rows']);
    expect(cells(true)[2].value[2]).toBeCloseTo(20 / 1925, 12);
    expect(cells(true)[3].value[2] + cells(true)[2].value[2]).toBeCloseTo(1, 12);
  });

  it('rejects a matrix that does not fit its classes or holds impossible counts', () => {
    expect(() => runChart({ kind: 'confusion', matrix: [[1, 2]], classes: ['a', 'b'], normalize: false })).toThrow('A confusion matrix of 2 classes needs 2×2 counts.');
    expect(() =>
      runChart({
        kind: 'confusion',
        matrix: [
          [1, -2],
          [0, 1],
        ],
        classes: ['a', 'b'],
        normalize: false,
      }),
    ).toThrow(/finite numbers ≥ 0/);
    expect(() =>
      runChart({
        kind: 'confusion',
        matrix: [
          [1, NaN],
          [0, 1],
        ],
        classes: ['a', 'b'],
        normalize: true,
      }),
    ).toThrow(/finite numbers ≥ 0/);
  });
});

describe('ROC and PR charts', () => {
  const yi = Int32Array.from(y);

  it('name their AUC and AP and mark the threshold where the metrics put it', () => {
    const roc = series(runChart({ kind: 'roc', y, score, threshold: 0.5 }).option);
    expect(roc[0].name).toBe(`ROC curve (AUC = ${rocAucScore(yi, score).toFixed(3)})`);
    expect(roc[1].data).toEqual([
      [0, 0],
      [1, 1],
    ]);
    const c = confusionAtThreshold(yi, score, 0.5);
    expect(roc[2].data).toEqual([[c.falsePositiveRate, c.recall]]);
    expect(roc[2].label?.formatter).toBe('threshold 0.50');
    const pr = runChart({ kind: 'pr', y, score, threshold: 0.5 });
    expect(series(pr.option)[0].name).toBe(`PR curve (AP = ${averagePrecision(yi, score).toFixed(3)})`);
    expect(series(pr.option)[2].data).toEqual([[c.recall, c.precision]]);
    // Chance is the positive share.
    const share = y.filter((v) => v === 1).length / y.length;
    expect(series(pr.option)[1].data).toEqual([
      [0, share],
      [1, share],
    ]);
    expect(series(runChart({ kind: 'roc', y, score }).option)).toHaveLength(2);
  });

  it('thin long curves to at most MAX_CURVE_POINTS, keeping the ends and every corner within a hair', () => {
    const pr = runChart({ kind: 'pr', y, score });
    const full = precisionRecallCurve(yi, score);
    expect(full.recall.length).toBeGreaterThan(MAX_CURVE_POINTS);
    const drawn = series(pr.option)[0].data as [number, number][];
    expect(drawn.length).toBeLessThanOrEqual(MAX_CURVE_POINTS);
    expect(pr.note).toBe(`Drawn with ${drawn.length.toLocaleString('en-US')} of ${full.recall.length.toLocaleString('en-US')} points; AP uses all`);

    // 50,000 rows of a weak model: the start of its PR curve zigzags, and every
    // 26th point would be up to 0.05 off it.
    let s = 5;
    const r = () => (s = (s * 48271) % 2147483647) / 2147483647;
    const yb = Int32Array.from({ length: 50_000 }, () => (r() < 0.3 ? 1 : 0));
    const sb = Float64Array.from(yb, (v) => r() + (v ? 0.02 : 0));
    const curve = precisionRecallCurve(yb, sb);
    const { points, thinned } = thinCurve(curve.recall, curve.precision);
    expect(thinned).toBe(true);
    expect(points.length).toBeLessThanOrEqual(MAX_CURVE_POINTS);
    expect(points[0]).toEqual([curve.recall[0], curve.precision[0]]);
    expect(points.at(-1)).toEqual([curve.recall.at(-1), curve.precision.at(-1)]);
    let worst = 0;
    let k = 0;
    for (let i = 0; i < curve.recall.length; i++) {
      // Points are kept in order, so the nearest kept one is the last kept at or before i.
      while (k + 1 < points.length && points[k + 1][0] === curve.recall[i] && points[k + 1][1] === curve.precision[i]) k++;
      worst = Math.max(worst, Math.abs(curve.recall[i] - points[k][0]) + Math.abs(curve.precision[i] - points[k][1]));
    }
    expect(worst).toBeLessThan(0.005);
    expect(thinCurve([0, 0.5, 1], [0, 0.7, 1])).toEqual({ points: [[0, 0], [0.5, 0.7], [1, 1]], thinned: false });
  });

  it('say plainly what is wrong with the rows', () => {
    expect(() => runChart({ kind: 'roc', y: [1, 1], score: [0.2, 0.3] })).toThrow('A ROC curve needs both classes among the rows; these have only positive rows.');
    expect(() => runChart({ kind: 'pr', y: [0, 0], score: [0.2, 0.3] })).toThrow('A precision–recall curve needs both classes among the rows; these have no positive rows.');
    expect(() => runChart({ kind: 'pr', y: [1, 0], score: [0.2] })).toThrow('The curve has 2 labels but 1 scores.');
  });
});

const FEATURES = [
  'video_view_count',
  'video_like_count',
  'video_share_count',
  'video_download_count',
  'video_comment_count',
  'text_length',
  'verified_status_verified',
  'author_ban_status_banned',
  'author_ban_status_under review',
  'video_duration_sec',
  'video_transcription_text__colleague learned',
  'video_transcription_text__friend read',
  'video_transcription_text__internet forum',
  'video_transcription_text__discussion board',
  'video_transcription_text__media claim',
  'video_transcription_text__news claim',
  'video_transcription_text__our opinion',
  'video_transcription_text__willing to wager',
  'likes_per_view',
  'comments_per_view',
  'shares_per_view',
  'video_transcription_text__i think',
  'video_transcription_text__someone shared',
  'video_transcription_text__read media',
  'video_transcription_text__point view',
];

describe('importance chart', () => {
  const perm: ImportanceSet = {
    kind: 'permutation',
    title: 'Permutation (recall, validation)',
    description: '',
    features: FEATURES.map((feature, i) => ({ feature, value: (i % 7) / 10 - 0.05, std: 0.01 })),
  };

  it('draws the top N sorted with the largest on top, and says how many it left out', () => {
    const r = runChart({ kind: 'importance', set: perm, top: 5 });
    expect(r.note).toBe('Top 5 of 25 features');
    // Values (i % 7)/10 − 0.05: 0.55 for i = 6, 13, 20, then 0.45 for i = 5, 12; ties in feature order from the top.
    expect(yLabels(r.option)).toEqual(['video_transcription_text__internet forum', 'text_length', 'shares_per_view', 'video_transcription_text__discussion board', 'verified_status_verified'].map(shortLabel));
    expect((series(r.option)[0].data as { value: number }[]).map((d) => d.value)).toEqual([0.45, 0.45, 0.55, 0.55, 0.55].map((v) => expect.closeTo(v, 12)));
    // Whiskers ± std on the same rows.
    expect(series(r.option)[1].data).toEqual([0, 1, 2, 3, 4].map((i) => [i, expect.closeTo([0.45, 0.45, 0.55, 0.55, 0.55][i] - 0.01, 12), expect.closeTo([0.45, 0.45, 0.55, 0.55, 0.55][i] + 0.01, 12)]));
    expect(r.option.xAxis).toMatchObject({ type: 'value', name: 'Drop in recall when shuffled' });
    expect(runChart({ kind: 'importance', set: perm }).note).toBe('Top 15 of 25 features');
    expect(runChart({ kind: 'importance', set: perm, top: 100 }).note).toBeUndefined();
  });

  it('keeps long feature names readable: n-gram words whole, at most 32 characters', () => {
    expect(shortLabel('video_transcription_text__colleague learned')).toBe('video_transc…__colleague learned');
    expect(shortLabel('author_ban_status_under review')).toBe('author_ban_status_under review');
    expect(shortLabel('x'.repeat(40))).toBe(`${'x'.repeat(31)}…`);
    expect(shortLabel('video_transcription_text__colleague learned the news today')).toHaveLength(32);
    const r = runChart({ kind: 'importance', set: { ...perm, features: perm.features.slice(10, 11) } });
    expect(yLabels(r.option)).toEqual(['video_transc…__colleague learned']);
  });

  it('coefficients: chosen by size, drawn by sign with negatives in another colour, 95% intervals as whiskers', () => {
    const set: ImportanceSet = {
      kind: 'coefficient',
      title: 'Coefficients (log-odds)',
      description: '',
      features: [
        { feature: 'video_view_count', value: 1.6, low: 1.4, high: 1.8 },
        { feature: 'video_share_count', value: -1.5, low: -2, high: -1 },
        { feature: 'text_length', value: 0.1, low: -0.1, high: 0.3 },
        { feature: 'video_like_count', value: -0.9 },
      ],
    };
    const r = runChart({ kind: 'importance', set, top: 3 });
    expect(yLabels(r.option)).toEqual(['video_share_count', 'video_like_count', 'video_view_count']);
    const bars = series(r.option)[0].data as { value: number; itemStyle: { color: string } }[];
    expect(bars[0].itemStyle.color).not.toBe(bars[2].itemStyle.color);
    expect(bars[1].itemStyle.color).toBe(bars[0].itemStyle.color);
    // No interval for video_like_count (row 1).
    expect(series(r.option)[1].data).toEqual([
      [0, -2, -1],
      [2, 1.4, 1.8],
    ]);
    expect((series(r.option)[0] as unknown as { markLine: { data: unknown[] } }).markLine.data).toEqual([{ xAxis: 0 }]);
  });

  it('odds ratios: a log axis with the reference line at 1, chosen by |log|', () => {
    const odds: ImportanceSet = {
      kind: 'oddsRatio',
      title: 'Odds ratios',
      description: '',
      features: [
        { feature: 'a', value: 0.2, low: 0.1, high: 0.4 },
        { feature: 'b', value: 3 },
        { feature: 'c', value: 1.1 },
        { feature: 'd', value: 1.01 },
      ],
    };
    const o = runChart({ kind: 'importance', set: odds, top: 3 });
    expect(o.option.xAxis).toMatchObject({ type: 'log' });
    // |log 0.2| > |log 3| > |log 1.1| > |log 1.01|: d is left out; drawn by value, largest on top (last).
    expect(yLabels(o.option)).toEqual(['a', 'c', 'b']);
    expect((series(o.option)[0] as unknown as { markLine: { data: unknown[] } }).markLine.data).toEqual([{ xAxis: 1 }]);
    expect(() => runChart({ kind: 'importance', set: { ...odds, features: [{ feature: 'a', value: 0 }] } })).toThrow('Some odds ratios are not finite positive numbers.');
    expect(() => runChart({ kind: 'importance', set: { ...odds, features: [] } })).toThrow('There are no features to draw.');
    expect(() => runChart({ kind: 'importance', set: odds, top: 0 })).toThrow('Show at least one feature (asked for 0).');
  });
});

describe('run chart requests', () => {
  it('accept what the Run view may ask for, with defaults, and refuse the rest', () => {
    expect(runChartRequestSchema.parse({ kind: 'importance', importance: 0 })).toEqual({ kind: 'importance', importance: 0, top: 15 });
    expect(runChartRequestSchema.parse({ kind: 'confusion', set: 'validation', normalize: true, threshold: null, title: 'CM' })).toEqual({
      kind: 'confusion',
      set: 'validation',
      normalize: true,
      threshold: null,
      title: 'CM',
    });
    expect(runChartRequestSchema.safeParse({ kind: 'roc', set: 'test', threshold: 1.5 }).success).toBe(false);
    expect(runChartRequestSchema.safeParse({ kind: 'pr', set: 'train', threshold: null }).success).toBe(false);
    expect(runChartRequestSchema.safeParse({ kind: 'importance', importance: 0, top: 101 }).success).toBe(false);
    expect(runChartRequestSchema.safeParse({ kind: 'roc', set: 'test', threshold: null, title: 'x'.repeat(201) }).success).toBe(false);
    // The data comes from the stored run, never from the request.
    expect(runChartRequestSchema.safeParse({ kind: 'roc', set: 'test', threshold: null, y: [1], score: [0.5] }).success).toBe(false);
  });
});
