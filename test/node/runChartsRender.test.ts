import { describe, expect, it } from 'vitest';
import { runChart, type RunChartSpec } from '../../src-main/core/charts/runCharts';
import { rocAucScore } from '../../src-main/core/metrics/curves';
import type { ImportanceSet } from '../../src-main/core/search/runRecord';
import { renderPng, renderSvg } from '../../src-main/node/charts/renderChart';

let seed = 3;
const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const y = Array.from({ length: 3817 }, () => (rnd() < 0.5 ? 1 : 0));
const score = y.map((v) => 1 / (1 + Math.exp(-(v ? 2 : -2) - (rnd() - 0.5) * 5)));
const coefficients: ImportanceSet = {
  kind: 'coefficient',
  title: 'Coefficients (log-odds)',
  description: '',
  features: [
    { feature: 'video_view_count', value: 1.6, low: 1.3, high: 1.9 },
    { feature: 'video_transcription_text__colleague learned', value: -0.7, low: -1, high: -0.4 },
    { feature: 'verified_status_verified', value: 0.3, low: -0.1, high: 0.7 },
  ],
};
const odds: ImportanceSet = { ...coefficients, kind: 'oddsRatio', title: 'Odds ratios', features: coefficients.features.map((w) => ({ ...w, value: Math.exp(w.value), low: Math.exp(w.low!), high: Math.exp(w.high!) })) };

const SPECS: Record<string, RunChartSpec> = {
  confusion: {
    kind: 'confusion',
    matrix: [
      [1853, 47],
      [43, 1874],
    ],
    classes: ['opinion', 'claim'],
    normalize: false,
    title: 'Confusion matrix: random_forest, validation set',
    subtitle: 'tiktok claims, threshold 0.50',
  },
  roc: { kind: 'roc', y, score, threshold: 0.5, label: 'claim' },
  pr: { kind: 'pr', y, score, threshold: 0.5, label: 'claim' },
  coefficients: { kind: 'importance', set: coefficients },
  odds: { kind: 'importance', set: odds },
};

/** The text nodes echarts wrote, in document order. */
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1].replace(/&amp;/g, '&'));

describe('run charts rendered in the host', () => {
  it('confusion matrix: titles, class names, axis names and the cell texts are in the SVG', () => {
    const t = texts(renderSvg(runChart(SPECS.confusion).option, { width: 720, height: 480 }));
    for (const s of ['Confusion matrix: random_forest, validation set', 'tiktok claims, threshold 0.50', 'Predicted', 'Actual', 'opinion', 'claim', '1,853', '48.5%', '1,874', '49.1%']) {
      expect(t).toContain(s);
    }
  });

  it('ROC and PR: the legend names the AUC and the threshold label is drawn', () => {
    const auc = rocAucScore(Int32Array.from(y), score).toFixed(3);
    const roc = texts(renderSvg(runChart(SPECS.roc).option, { width: 720, height: 480 }));
    expect(roc).toContain(`ROC curve (AUC = ${auc})`);
    expect(roc).toContain('threshold 0.50');
    expect(roc).toContain('False positive rate');
    const pr = texts(renderSvg(runChart(SPECS.pr).option, { width: 720, height: 480 }));
    expect(pr.some((s) => /^PR curve \(AP = 0\.\d{3}\)$/.test(s))).toBe(true);
    expect(pr).toContain('Recall of claim');
  });

  it('importance: shortened names, and powers of ten on the odds-ratio axis', () => {
    const c = texts(renderSvg(runChart(SPECS.coefficients).option, { width: 720, height: 480 }));
    expect(c).toContain('video_transc…__colleague learned');
    const o = texts(renderSvg(runChart(SPECS.odds).option, { width: 720, height: 480 }));
    expect(o).toContain('1');
    expect(o.some((s) => s === '0.1' || s === '10')).toBe(true);
  });

  it('every kind rasterizes to a PNG of the asked size', () => {
    for (const spec of Object.values(SPECS)) {
      const png = renderPng(runChart(spec).option, { width: 720, height: 480, scale: 1 });
      expect(png.readUInt32BE(16)).toBe(720);
      expect(png.readUInt32BE(20)).toBe(480);
    }
  });
});
