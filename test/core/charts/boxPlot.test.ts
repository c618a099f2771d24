import { describe, expect, it } from 'vitest';
import { boxPlot, boxStats } from '../../../src-main/core/charts/boxPlot';
import { numberColumn } from '../../../src-main/core/recipe/frame';
import { sampleFrame } from '../recipe/sampleFrame';
import { chartFixtures, loose, seriesOf } from './fixtures';

describe('boxStats', () => {
  it('puts whiskers at the furthest points within 1.5 IQR (by hand)', () => {
    // Sorted 1..9, 100: h = 9·0.25 = 2.25 → q1 = 3 + 0.25 = 3.25; q3 at h = 6.75 → 7.75; median 5.5.
    // IQR 4.5: fences −3.5 and 14.5, so the whiskers are 1 and 9 and 100 is the only outlier.
    const s = boxStats([5, 3, 100, 1, 2, 4, 6, 7, 8, 9]);
    expect([s.q1, s.median, s.q3, s.iqr]).toEqual([3.25, 5.5, 7.75, 4.5]);
    expect([s.whiskerLow, s.whiskerHigh]).toEqual([1, 9]);
    expect(s.outliers).toEqual([100]);
  });

  it('whiskers stop at the quartile when no point lies between it and the fence', () => {
    const s = boxStats([0, 10, 10, 10, 10, 20]);
    expect([s.q1, s.q3]).toEqual([10, 10]);
    expect([s.whiskerLow, s.whiskerHigh]).toEqual([10, 10]);
    expect(s.outliers).toEqual([0, 20]);
  });

  for (const c of chartFixtures.boxes) {
    it(`matches matplotlib's boxplot_stats: ${c.name}`, () => {
      const values = c.values ?? Array.from(numberColumn(sampleFrame(), c.column!, 't'));
      const s = boxStats(values);
      expect(s.q1).toBeCloseTo(c.q1, 9);
      expect(s.median).toBeCloseTo(c.median, 9);
      expect(s.q3).toBeCloseTo(c.q3, 9);
      expect(s.whiskerLow).toBe(c.whiskerLow);
      expect(s.whiskerHigh).toBe(c.whiskerHigh);
      expect(s.outliers).toEqual(c.outliers);
    });
  }

  it('is NaN throughout without values', () => {
    const s = boxStats([NaN]);
    expect(s.n).toBe(0);
    expect(s.median).toBeNaN();
  });
});

describe('boxPlot option', () => {
  const x = { name: 'video_view_count', values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 100, NaN, 10, 11, 12, 13] };
  const by = { name: 'claim_status', values: ['a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', null] };

  it('draws one horizontal box with its outliers as points', () => {
    const { option, note, boxes } = boxPlot({ kind: 'box', x: { name: x.name, values: x.values.slice(0, 11) } });
    const [box, outliers] = seriesOf(option);
    expect(box.type).toBe('boxplot');
    expect(box.data[0].value).toEqual([1, 3.25, 5.5, 7.75, 9]);
    expect(outliers.type).toBe('scatter');
    expect(outliers.data).toEqual([[100, 0]]);
    // Horizontal: values along x, the box on a category y axis.
    const o = loose(option);
    expect(o.xAxis.type).toBe('value');
    expect(o.yAxis.type).toBe('category');
    expect(o.xAxis.name).toBe('Video view count');
    expect(o.title.text).toBe('Box plot of video view count');
    expect(boxes).toHaveLength(1);
    expect(note).toBe('1 row with missing values skipped · 1 outlier beyond 1.5×IQR');
  });

  it('draws one box per category, top to bottom in first-seen order', () => {
    const { option, boxes } = boxPlot({ kind: 'box', x, by });
    expect(boxes.map((b) => b.label)).toEqual(['a', 'b']);
    const o = loose(option);
    expect(o.yAxis.data).toEqual(['a', 'b']);
    expect(o.yAxis.inverse).toBe(true);
    expect(o.title.text).toBe('Video view count by claim status');
    const [box, outliers] = seriesOf(option);
    expect(box.data[1].value).toEqual([10, 10.5, 11, 11.5, 12]);
    expect(outliers.data).toEqual([[100, 0]]);
  });
});
