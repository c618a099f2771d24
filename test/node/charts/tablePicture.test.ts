import { describe, expect, it } from 'vitest';
import { MAX_CELL_CHARS, MAX_TABLE_HEIGHT, MAX_TABLE_WIDTH, tableChart, tableCutNote, tableSize, type TableImage } from '../../../src-main/core/charts/tableChart';
import { renderPng, renderSvg } from '../../../src-main/node/charts/renderChart';
import { xmlProblems } from '../report/pptxParts';

/** The largest table `table.render` takes: 500 rows of 40 columns, cells of 200 characters. */
function largest(): TableImage {
  const cell = (r: number, c: number) => `r${r}c${c} `.padEnd(200, 'x');
  return {
    title: 'Everything',
    header: Array.from({ length: 40 }, (_, c) => `column ${c}`),
    rows: Array.from({ length: 500 }, (_, r) => Array.from({ length: 40 }, (_, c) => cell(r, c))),
    numeric: Array.from({ length: 40 }, () => false),
  };
}

type Text = { type: string; style: { text: string } };
const texts = (option: ReturnType<typeof tableChart>['option']) => (option.graphic as Text[]).filter((g) => g.type === 'text').map((g) => g.style.text);

describe('a table picture', () => {
  it('draws only the rows that fit its height and the columns that fit its width, and says so', () => {
    const t = largest();
    const s = tableSize(t);
    expect(s.height).toBeLessThanOrEqual(MAX_TABLE_HEIGHT);
    expect(s.width).toBeLessThanOrEqual(MAX_TABLE_WIDTH);
    expect(s.rows).toBeLessThan(500);
    expect(s.columns.length).toBeLessThan(40);
    expect(s.note).toBe(`Showing the first ${s.rows} of 500 rows and ${s.columns.length} of 40 columns.`);
    const drawn = texts(tableChart(t).option);
    // The header and the rows shown, then the note.
    expect(drawn).toHaveLength((s.rows + 1) * s.columns.length + 1);
    expect(drawn.at(-1)).toBe(s.note);
  });

  it('shortens long cells to what a column shows', () => {
    const drawn = texts(tableChart(largest()).option);
    expect(drawn).toContain(`${'r0c0 '.padEnd(MAX_CELL_CHARS - 1, 'x')}…`);
    for (const t of drawn) expect(t.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
  });

  it('draws at most the rows asked for, within the width asked for', () => {
    const s = tableSize(largest(), { rows: 20, width: 1200 });
    expect(s.rows).toBe(20);
    expect(s.width).toBeLessThanOrEqual(1200);
    expect(s.columns.reduce((a, b) => a + b, 0) + 32).toBeLessThanOrEqual(1200);
    expect(s.note).toBe(`Showing the first 20 of 500 rows and ${s.columns.length} of 40 columns.`);
    const { option, width, height } = tableChart(largest(), { rows: 20, width: 1200 });
    const svg = renderSvg(option, { width, height });
    expect(xmlProblems(svg)).toEqual([]);
    const png = renderPng(option, { width, height, scale: 2 });
    expect(png.readUInt32BE(16)).toBe(2 * width);
    expect(png.readUInt32BE(20)).toBe(2 * height);
  });

  it('leaves a table that fits as it was: every row and column, no note', () => {
    const t: TableImage = { title: 'Small', header: ['a', 'b'], rows: [['1', '2'], ['3', null]], numeric: [true, true] };
    const s = tableSize(t);
    expect(s).toMatchObject({ rows: 2, note: null, height: 48 + 26 * 3 + 16 });
    expect(s.columns).toHaveLength(2);
    expect(texts(tableChart(t).option)).toEqual(['a', 'b', '1', '2', '3', '']);
  });

  it('draws each cell, header and the title on one line: line breaks and tabs read as spaces', () => {
    const t: TableImage = { title: 'Two\nlines', header: ['a\r\nb', 'c'], rows: [['one\ttwo', 'x \n y']], numeric: [false, false] };
    const { option } = tableChart(t);
    expect(texts(option)).toEqual(['a b', 'c', 'one two', 'x y']);
    expect((option.title as { text: string }).text).toBe('Two lines');
  });

  it('words what was left off', () => {
    expect(tableCutNote({ shown: 20, of: 20 })).toBeNull();
    expect(tableCutNote({ shown: 20, of: 1500 })).toBe('Showing the first 20 of 1,500 rows.');
    expect(tableCutNote({ shown: 3, of: 3 }, { shown: 8, of: 40 })).toBe('Showing the first 8 of 40 columns.');
    expect(tableCutNote({ shown: 0, of: 5 }, { shown: 1, of: 2 })).toBe('Showing the first 0 of 5 rows and 1 of 2 columns.');
  });
});
