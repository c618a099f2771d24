import { describe, expect, it } from 'vitest';
import { histogram, histogramBars, histogramBinEdges, histogramBins, histogramCounts } from '../../../src-main/core/charts/histogram';
import { textLength } from '../../../src-main/core/features/textLength';
import { numberColumn, stringColumn } from '../../../src-main/core/recipe/frame';
import { sampleFrame } from '../recipe/sampleFrame';
import { chartFixtures, loose, seriesOf, type HistogramCase } from './fixtures';

function caseValues(c: HistogramCase): number[] {
  if (c.values) return c.values;
  const f = sampleFrame();
  const vs = c.column === 'video_transcription_text.str.len()' ? textLength(stringColumn(f, 'video_transcription_text', 't')) : numberColumn(f, c.column!, 't');
  return Array.from(vs).filter((v) => !Number.isNaN(v));
}

describe('histogram bins match np.histogram', () => {
  for (const c of chartFixtures.histograms) {
    it(`${c.name} (bins=${c.bins})`, () => {
      const values = caseValues(c);
      // numpy does not cap 'auto'; lift the cap to compare.
      const edges = histogramBinEdges(values, c.bins, Infinity);
      expect(edges.length).toBe(c.edges.length);
      // np.linspace's arithmetic is copied, so the edges agree bit for bit.
      expect(Array.from(edges)).toEqual(c.edges);
      expect(histogramCounts(values, Float64Array.from(c.edges))).toEqual(c.counts);
      expect(histogramCounts(values, edges)).toEqual(c.counts);
    });
  }

  it('caps the automatic bin count (default 50) but not an explicit one', () => {
    const lognormal = chartFixtures.histograms.find((c) => c.name === 'lognormal 500')!;
    expect(lognormal.edges.length - 1).toBeGreaterThan(50);
    expect(histogramBinEdges(lognormal.values!).length - 1).toBe(50);
    expect(histogramBinEdges(lognormal.values!, 'auto', 20).length - 1).toBe(20);
    expect(histogramBinEdges(lognormal.values!, 80).length - 1).toBe(80);
    expect(() => histogramBinEdges([1, 2], 0)).toThrow(/positive whole number/);
  });
});

const x = { name: 'video_duration_sec', values: [1, 2, 2, 3, 3, 3, 4, 4, 4, 4, NaN, 2] };
const hue = { name: 'claim_status', values: ['b', 'a', 'b', 'a', 'b', 'a', 'b', 'a', 'b', null, 'a', 'a'] };

describe('histogram hue layouts', () => {
  const bins = histogramBins({ x, hue, bins: 3 });

  it('shares one set of bins across levels, in first-seen order, skipping missing values and hues', () => {
    expect(bins.levels).toEqual(['b', 'a']);
    expect(Array.from(bins.edges)).toEqual([1, 2, 3, 4]);
    // b: 1, 2, 3, 4, 4 → [1, 1, 3]; a: 2, 3, 3, 4, 2 → [0, 2, 3]  (the last bin is closed)
    expect(bins.counts).toEqual([
      [1, 1, 3],
      [0, 2, 3],
    ]);
    expect(bins.skipped).toBe(2);
  });

  it('stack piles levels on each other, in hue order', () => {
    const [b, a] = histogramBars(bins, 'stack');
    expect(b).toEqual([
      [1, 2, 0, 1],
      [2, 3, 0, 1],
      [3, 4, 0, 3],
    ]);
    expect(a).toEqual([
      [2, 3, 1, 3],
      [3, 4, 3, 6],
    ]);
  });

  it('dodge splits each bin into one slot per level', () => {
    const [b, a] = histogramBars(bins, 'dodge');
    expect(b).toEqual([
      [1, 1.5, 0, 1],
      [2, 2.5, 0, 1],
      [3, 3.5, 0, 3],
    ]);
    expect(a).toEqual([
      [2.5, 3, 0, 2],
      [3.5, 4, 0, 3],
    ]);
  });

  it('layer overlays full-width bars, semi-transparent', () => {
    const [b, a] = histogramBars(bins, 'layer');
    expect(b[0]).toEqual([1, 2, 0, 1]);
    expect(a).toEqual([
      [2, 3, 0, 2],
      [3, 4, 0, 3],
    ]);
    const { option } = histogram({ kind: 'histogram', x, hue, bins: 3 });
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).toEqual(['b', 'a']);
    expect(series.every((s) => s.type === 'custom' && s.itemStyle.opacity === 0.5)).toBe(true);
  });

  it('stacked and dodged bars are opaque, and the option carries the bars', () => {
    for (const multiple of ['stack', 'dodge'] as const) {
      const { option } = histogram({ kind: 'histogram', x, hue, bins: 3, multiple });
      const series = seriesOf(option);
      expect(series[0].itemStyle.opacity).toBeGreaterThan(0.5);
      expect(series[1].data).toEqual(histogramBars(bins, multiple)[1]);
    }
  });

  it('draws each bar as a rect between its corners', () => {
    const { option } = histogram({ kind: 'histogram', x, bins: 3 });
    const s = seriesOf(option)[0];
    const values = [1, 2, 0, 1];
    const api = { value: (d: number) => values[d], coord: ([a, b]: number[]) => [a * 10, 100 - b * 10] };
    expect(s.renderItem({}, api).shape).toEqual({ x: 10, y: 90, width: 10, height: 10 });
  });
});

describe('histogram texts', () => {
  it('derives the title and axis names from the columns, and notes skipped rows', () => {
    const r = histogram({ kind: 'histogram', x, hue, multiple: 'dodge' });
    const o = loose(r.option);
    expect(o.title.text).toBe('Video duration sec by claim status');
    expect(o.xAxis.name).toBe('Video duration sec');
    expect(o.yAxis.name).toBe('Count');
    expect(r.note).toBe('2 rows with missing values skipped');
    expect(o.title.subtext).toBe(r.note);
    expect(o.animation).toBe(false);
    expect(o.legend.show).toBe(true);
  });

  it('takes edited texts', () => {
    const o = loose(histogram({ kind: 'histogram', x, title: 'Durations', xLabel: 'Seconds', yLabel: 'Videos' }).option);
    expect([o.title.text, o.xAxis.name, o.yAxis.name]).toEqual(['Durations', 'Seconds', 'Videos']);
    expect(o.legend.show).toBe(false);
  });
});
