import { describe, expect, it } from 'vitest';
import { barCounts, barCountsChart } from '../../../src-main/core/charts/barCounts';
import { stringColumn } from '../../../src-main/core/recipe/frame';
import { sampleFrame } from '../recipe/sampleFrame';
import { loose, seriesOf } from './fixtures';

const x = { name: 'claim_status', values: ['opinion', 'claim', 'claim', null, 'opinion', 'claim', 'other'] };
const hue = { name: 'verified_status', values: ['v', 'n', 'v', 'n', 'n', 'n', 'n'] };

describe('barCounts', () => {
  it('counts like value_counts: by descending count, missing skipped', () => {
    const c = barCounts({ x });
    expect(c.categories).toEqual(['claim', 'opinion', 'other']);
    expect(c.counts).toEqual([[3, 2, 1]]);
    expect(c.shares[0]).toEqual([0.5, 2 / 6, 1 / 6]);
    expect(c.skipped).toBe(1);
  });

  it('labels each bar with its count and share (the class balance)', () => {
    const { option, note } = barCountsChart({ kind: 'barCounts', x });
    const [s] = seriesOf(option);
    expect(s.data).toEqual([3, 2, 1]);
    expect(s.label.formatter({ dataIndex: 0 })).toBe('3 (50.0%)');
    expect(note).toBe('1 row with missing values skipped');
    const o = loose(option);
    expect(o.title.text).toBe('Count of claim status');
    expect(o.xAxis.data).toEqual(['claim', 'opinion', 'other']);
  });

  it('normalizes to shares', () => {
    const { option } = barCountsChart({ kind: 'barCounts', x, normalize: true });
    const [s] = seriesOf(option);
    expect(s.data[0]).toBe(0.5);
    expect(s.label.formatter({ dataIndex: 1 })).toBe('33.3%');
    expect(loose(option).yAxis.max).toBe(1);
  });

  it('splits by hue: one series per level, shares within each category', () => {
    const c = barCounts({ x, hue });
    expect(c.levels).toEqual(['v', 'n']);
    expect(c.counts).toEqual([
      [1, 1, 0],
      [2, 1, 1],
    ]);
    expect(c.shares[0]).toEqual([1 / 3, 0.5, 0]);
    const series = seriesOf(barCountsChart({ kind: 'barCounts', x, hue }).option);
    expect(series.map((s) => s.name)).toEqual(['v', 'n']);
  });

  it('matches the sample class balance', () => {
    const c = barCounts({ x: { name: 'claim_status', values: stringColumn(sampleFrame(), 'claim_status', 't') } });
    expect(c.categories).toEqual(['claim', 'opinion']);
    expect(c.counts[0]).toEqual([9608, 9476]);
    expect(c.skipped).toBe(298);
  });
});
