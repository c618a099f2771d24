import { describe, expect, it } from 'vitest';
import { correlationMatrix, formatCell, heatmap } from '../../../src-main/core/charts/heatmap';
import { numberColumn } from '../../../src-main/core/recipe/frame';
import { sampleFrame } from '../recipe/sampleFrame';
import { chartFixtures, loose, seriesOf } from './fixtures';

describe('heatmap', () => {
  const labels = ['a', 'b', 'c'];
  const matrix = [
    [1, -0.814, NaN],
    [-0.814, 1, 0.004],
    [NaN, 0.004, 1],
  ];

  it('annotates every cell with two decimals, on a diverging −1…1 scale', () => {
    const { option, note } = heatmap({ kind: 'heatmap', matrix, labels });
    const [s] = seriesOf(option);
    expect(s.type).toBe('heatmap');
    expect(s.data).toHaveLength(9);
    const text = s.data.map((d: { value: unknown }) => s.label.formatter({ value: d.value }));
    expect(text).toEqual(['1.00', '-0.81', '', '-0.81', '1.00', '0.00', '', '0.00', '1.00']);
    // Cell (row 0, column 1) is at x = 1, y = 0; dark cells get white text.
    expect(s.data[1]).toEqual({ value: [1, 0, -0.814], label: { color: '#ffffff' } });
    expect(s.data[5].label.color).not.toBe('#ffffff');
    const o = loose(option);
    expect([o.visualMap.min, o.visualMap.max]).toEqual([-1, 1]);
    expect(o.visualMap.inRange.color.length).toBeGreaterThanOrEqual(3);
    expect(o.xAxis.data).toEqual(labels);
    expect(o.yAxis.inverse).toBe(true);
    expect(note).toBe('2 undefined cells left blank');
  });

  it('formats like %.2f without a negative zero', () => {
    expect([formatCell(0.005), formatCell(-0.004), formatCell(0.996), formatCell(NaN)]).toEqual(['0.01', '0.00', '1.00', '']);
  });

  it('refuses a matrix that does not fit its labels', () => {
    expect(() => heatmap({ kind: 'heatmap', matrix: [[1]], labels })).toThrow(/3×3/);
  });

  it("correlationMatrix matches pandas' corr() on the sample", () => {
    const f = sampleFrame();
    const { labels: names, matrix: expected } = chartFixtures.corr;
    const r = correlationMatrix(names.map((n) => ({ name: n, values: numberColumn(f, n, 't') })));
    for (let i = 0; i < names.length; i++) for (let j = 0; j < names.length; j++) expect(r[i][j]).toBeCloseTo(expected[i][j], 10);
  });
});
