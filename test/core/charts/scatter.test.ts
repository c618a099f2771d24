import { describe, expect, it } from 'vitest';
import { sampleRows, scatter } from '../../../src-main/core/charts/scatter';
import { loose, seriesOf } from './fixtures';

describe('scatter', () => {
  it('draws every point below the limit, one series per hue level', () => {
    const r = scatter({
      kind: 'scatter',
      x: { name: 'video_view_count', values: [1, 2, 3, NaN, 5] },
      y: { name: 'video_like_count', values: [10, 20, 30, 40, 50] },
      hue: { name: 'claim_status', values: ['b', 'a', 'b', 'a', null] },
    });
    const series = seriesOf(r.option);
    expect(series.map((s) => s.name)).toEqual(['b', 'a']);
    expect(series[0].data).toEqual([
      [1, 10],
      [3, 30],
    ]);
    expect(series[1].data).toEqual([[2, 20]]);
    expect(r.note).toBe('2 rows with missing values skipped');
    expect(loose(r.option).title.text).toBe('Video like count vs video view count by claim status');
  });

  it('samples a million points down to 20,000, deterministically, and says so in the subtitle', () => {
    const n = 1_000_000;
    const xs = new Float64Array(n).map((_, i) => i);
    const ys = new Float64Array(n).map((_, i) => i % 97);
    const a = scatter({ kind: 'scatter', x: { name: 'x', values: xs }, y: { name: 'y', values: ys } });
    expect(a.note).toBe('showing 20,000 of 1,000,000 points');
    expect(loose(a.option).title.subtext).toBe(a.note);
    expect([a.shown, a.total]).toEqual([20_000, 1_000_000]);
    const pts = seriesOf(a.option)[0].data as [number, number][];
    expect(pts).toHaveLength(20_000);
    // Distinct rows in ascending order, and each point keeps its own y.
    for (let i = 1; i < pts.length; i++) expect(pts[i][0]).toBeGreaterThan(pts[i - 1][0]);
    expect(pts.every(([px, py]) => py === px % 97)).toBe(true);
    const b = scatter({ kind: 'scatter', x: { name: 'x', values: xs }, y: { name: 'y', values: ys } });
    expect(seriesOf(b.option)[0].data).toEqual(pts);
    const c = scatter({ kind: 'scatter', x: { name: 'x', values: xs }, y: { name: 'y', values: ys }, seed: 1 });
    expect(seriesOf(c.option)[0].data).not.toEqual(pts);
  });

  it('sampleRows is the identity below the limit and a sorted sample above it', () => {
    expect(Array.from(sampleRows(3, 5))).toEqual([0, 1, 2]);
    const s = sampleRows(100, 10, 42);
    expect(s).toHaveLength(10);
    expect(new Set(s).size).toBe(10);
    expect(Array.from(s)).toEqual(Array.from(s).sort((p, q) => p - q));
  });

  it('puts a positive column on a log axis as it is', () => {
    const r = scatter({ kind: 'scatter', x: { name: 'video_view_count', values: [20, 300, 999_817] }, y: { name: 'y', values: [1, 2, 3] }, logX: true });
    const o = loose(r.option);
    expect(o.xAxis.type).toBe('log');
    expect(o.xAxis.name).toBe('Video view count (log scale)');
    expect(o.yAxis.type).toBe('value');
    expect(seriesOf(r.option)[0].data).toEqual([
      [20, 1],
      [300, 2],
      [999_817, 3],
    ]);
    expect(r.note).toBeUndefined();
  });

  it('draws a count with zeros as 1 + x on a log axis, labelled so, the tooltip keeping the count', () => {
    const r = scatter({
      kind: 'scatter',
      x: { name: 'video_view_count', values: [20, 300, 999_817] },
      y: { name: 'video_comment_count', values: [0, 9, 999] },
      logY: true,
    });
    const o = loose(r.option);
    expect(o.yAxis.type).toBe('log');
    expect(o.yAxis.name).toBe('Video comment count + 1 (log scale)');
    const s = seriesOf(r.option)[0];
    expect(s.data).toEqual([
      [20, 1, 20, 0],
      [300, 10, 300, 9],
      [999_817, 1000, 999_817, 999],
    ]);
    expect(s.encode).toEqual({ x: 0, y: 1, tooltip: [2, 3] });
  });

  it('leaves negative values off a log axis and says how many', () => {
    const r = scatter({ kind: 'scatter', x: { name: 'x', values: [-5, 0, 4, -1, NaN] }, y: { name: 'y', values: [1, 2, 3, 4, 5] }, logX: true });
    expect(seriesOf(r.option)[0].data).toEqual([
      [1, 2, 0, 2],
      [5, 3, 4, 3],
    ]);
    expect(r.note).toBe('1 row with missing values skipped · 2 rows with negative values left off the log axis');
    expect(r.total).toBe(2);
  });
});
