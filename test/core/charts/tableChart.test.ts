import { describe, expect, it } from 'vitest';
import { tableChart, tableImageSchema, tableSize } from '../../../src-main/core/charts/tableChart';
import { renderPng, renderSvg } from '../../../src-main/node/charts/renderChart';

const report = {
  title: 'Classification report',
  header: ['', 'precision', 'recall', 'f1-score', 'support'],
  rows: [
    ['opinion', '0.99', '1.00', '0.99', '1,928'],
    ['claim', '1.00', '0.99', '0.99', '1,889'],
    ['accuracy', null, null, '0.99', '3,817'],
  ],
  numeric: [false, true, true, true, true],
};

describe('table pictures', () => {
  it('size every column to its longest text and every row alike', () => {
    const s = tableSize(report);
    expect(s.columns).toHaveLength(5);
    // 'precision' (a bold header) is wider than 'support', and both than their numbers.
    expect(s.columns[1]).toBeGreaterThan(s.columns[4]);
    expect(s.height).toBe(48 + 26 * 4 + 16);
  });

  it('draw the cells as text, numbers right-aligned, and render to SVG and PNG', () => {
    const { option, width, height } = tableChart(report);
    const texts = (option.graphic as { type: string; style: { text?: string; align?: string } }[]).filter((g) => g.type === 'text');
    expect(texts.map((t) => t.style.text)).toContain('1,928');
    expect(texts.find((t) => t.style.text === '1,928')!.style.align).toBe('right');
    expect(texts.find((t) => t.style.text === 'opinion')!.style.align).toBe('left');
    const svg = renderSvg(option, { width, height });
    expect(svg).toContain('Classification report');
    expect(svg).toContain('1,889');
    const png = renderPng(option, { width, height, scale: 2 });
    expect(png.readUInt32BE(16)).toBe(width * 2);
  });

  it('refuses ragged rows with the row named', () => {
    const r = tableImageSchema.safeParse({ ...report, rows: [['a', 'b']] });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].message).toBe('row 1 has 2 cells for 5 columns');
  });
});
