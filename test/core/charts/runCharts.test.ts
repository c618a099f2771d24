import { describe, expect, it } from 'vitest';
import { runChart, runChartRequestSchema } from '../../../src-main/core/charts/runCharts';
import { MAX_CURVE_POINTS } from '../../../src-main/core/charts/curveChart';
import { averagePrecision, rocAucScore } from '../../../src-main/core/metrics/curves';
import { confusionAtThreshold } from '../../../src-main/core/metrics/thresholds';
import type { ImportanceSet } from '../../../src-main/core/search/runRecord';
import { renderSvg } from '../../../src-main/node/charts/renderChart';

type Series = { name: string; type: string; data: unknown[] };
const series = (o: unknown) => (o as { series: Series[] }).series;

let seed = 11;
const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
const y = Array.from({ length: 3800 }, () => (rnd() < 0.5 ? 1 : 0));
const score = y.map((v) => Math.min(1, Math.max(0, (v ? 0.7 : 0.3) + (rnd() - 0.5) * 0.9)));

describe('run charts', () => {
  it('confusion matrix cells show counts with shares, or row shares when normalized', () => {
    const matrix = [
      [1887, 5],
      [20, 1905],
    ];
    const cells = (normalize: boolean) =>
      (series(runChart({ kind: 'confusion', matrix, classes: ['opinion', 'claim'], normalize }).option)[0].data as { value: number[]; label: { formatter: string } }[]).map((d) => d.label.formatter);
    expect(cells(false)).toEqual(['1,887\n49.4%', '5\n0.1%', '20\n0.5%', '1,905\n49.9%']);
    expect(cells(true)).toEqual(['1.00\n1,887 rows', '0.00\n5 rows', '0.01\n20 rows', '0.99\n1,905 rows']);
    expect(() => runChart({ kind: 'confusion', matrix: [[1, 2]], classes: ['a', 'b'], normalize: false })).toThrow('A confusion matrix of 2 classes needs 2×2 counts.');
    expect(() => runChart({ kind: 'confusion', matrix: [[1, -2], [0, 1]], classes: ['a', 'b'], normalize: false })).toThrow(/finite numbers ≥ 0/);
  });

  it('ROC and PR curves name their AUC and AP and mark the threshold where the metrics put it', () => {
    const yi = Int32Array.from(y);
    const roc = series(runChart({ kind: 'roc', y, score, threshold: 0.5 }).option);
    expect(roc[0].name).toBe(`ROC curve (AUC = ${rocAucScore(yi, score).toFixed(3)})`);
    const c = confusionAtThreshold(yi, score, 0.5);
    expect(roc[2].data).toEqual([[c.falsePositiveRate, c.recall]]);
    const pr = runChart({ kind: 'pr', y, score, threshold: 0.5 });
    expect(series(pr.option)[0].name).toBe(`PR curve (AP = ${averagePrecision(yi, score).toFixed(3)})`);
    expect(series(pr.option)[2].data).toEqual([[c.recall, c.precision]]);
    expect(series(pr.option)[0].data.length).toBeLessThanOrEqual(MAX_CURVE_POINTS + 1);
    expect(pr.note).toMatch(/^Drawn with [\d,]+ of [\d,]+ points; AP uses all$/);
    expect(() => runChart({ kind: 'roc', y: [1, 1], score: [0.2, 0.3] })).toThrow('A ROC curve needs both classes among the rows; these have only positive rows.');
    expect(() => runChart({ kind: 'pr', y: [1, 0], score: [0.2] })).toThrow('The curve has 2 labels but 1 scores.');
  });

  it('importance bars are sorted, cut to the top N with a note, with whiskers for spreads and intervals', () => {
    const set: ImportanceSet = {
      kind: 'permutation',
      title: 'Permutation (recall, validation)',
      description: '',
      features: Array.from({ length: 25 }, (_, i) => ({ feature: i === 3 ? 'video_transcription_text__colleague learned the news' : `f${i}`, value: (i % 7) / 10, std: 0.01 })),
    };
    const r = runChart({ kind: 'importance', set, top: 5 });
    expect(r.note).toBe('Top 5 of 25 features');
    const labels = (r.option.yAxis as { data: string[] }).data;
    expect(labels.at(-1)).toBe('f6');
    expect(labels).toHaveLength(5);
    expect(series(r.option)[1].data).toHaveLength(5);
    const long = runChart({ kind: 'importance', set: { ...set, features: [set.features[3]] } });
    expect((long.option.yAxis as { data: string[] }).data[0]).toBe('video_transcription_text__colle…');
    const odds: ImportanceSet = { kind: 'oddsRatio', title: 'Odds ratios', description: '', features: [{ feature: 'a', value: 0.2 }, { feature: 'b', value: 3 }, { feature: 'c', value: 1.1 }] };
    const o = runChart({ kind: 'importance', set: odds });
    expect((o.option.xAxis as { type: string }).type).toBe('log');
    // |log 0.2| > |log 3| > |log 1.1|: the largest effect is drawn on top (last).
    expect((o.option.yAxis as { data: string[] }).data).toEqual(['c', 'b', 'a']);
    expect(() => runChart({ kind: 'importance', set: { ...odds, features: [{ feature: 'a', value: 0 }] } })).toThrow(/not finite positive numbers/);
  });

  it('every kind renders to SVG, and requests are validated', () => {
    const set: ImportanceSet = { kind: 'coefficient', title: 'Coefficients', description: '', features: [{ feature: 'a', value: -0.3, low: -0.5, high: -0.1 }, { feature: 'b', value: 0.2 }] };
    for (const spec of [
      { kind: 'confusion' as const, matrix: [[3, 1], [2, 4]], classes: ['no', 'yes'], normalize: false },
      { kind: 'roc' as const, y, score, threshold: 0.3 },
      { kind: 'pr' as const, y, score },
      { kind: 'importance' as const, set },
    ]) {
      const svg = renderSvg(runChart(spec).option, { width: 600, height: 420 });
      expect(svg.startsWith('<svg')).toBe(true);
    }
    expect(runChartRequestSchema.safeParse({ kind: 'roc', set: 'test', threshold: 1.5 }).success).toBe(false);
    expect(runChartRequestSchema.parse({ kind: 'importance', importance: 0 })).toEqual({ kind: 'importance', importance: 0, top: 15 });
  });
});
