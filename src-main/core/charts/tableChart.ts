import { z } from 'zod';
import { CHART_FONT_FAMILY, TEXT_COLOR, type EChartsOption } from './spec';

/** A results table as the view shows it (cells already formatted), to draw as a slide-ready picture. */
export const tableImageSchema = z
  .object({
    title: z.string().min(1).max(200),
    header: z.array(z.string().max(120)).min(1).max(40),
    rows: z.array(z.array(z.string().max(200).nullable()).max(40)).max(500),
    /** Right-aligned (numeric) columns. */
    numeric: z.array(z.boolean()).max(40),
  })
  .strict()
  .superRefine((t, ctx) => {
    t.rows.forEach((r, i) => {
      if (r.length !== t.header.length) ctx.addIssue({ code: 'custom', path: ['rows', i], message: `row ${i + 1} has ${r.length} cells for ${t.header.length} columns` });
    });
  });
export type TableImage = z.infer<typeof tableImageSchema>;

const FONT = 13;
const CHAR = 7.2; // Lato at 13 px averages about 7 px a character; bold headers a little more.
const PAD = 12;
const ROW = 26;
const TOP = 48;

/** The picture's size: every column as wide as its longest text, every row the same height. */
export function tableSize(t: TableImage): { width: number; height: number; columns: number[] } {
  const columns = t.header.map((h, c) => Math.ceil(Math.max(h.length * (CHAR + 0.6), ...t.rows.map((r) => (r[c] ?? '').length * CHAR)) + 2 * PAD));
  const width = Math.max(320, Math.min(4000, columns.reduce((a, b) => a + b, 0) + 32));
  const height = Math.min(3000, TOP + ROW * (t.rows.length + 1) + 16);
  return { width, height, columns };
}

/**
 * The table drawn with echarts' graphic elements (text and lines only), so
 * it renders to SVG and PNG like every chart: title, bold header over a rule,
 * light bands on every other row, numbers right-aligned.
 */
export function tableChart(t: TableImage): { option: EChartsOption; width: number; height: number } {
  const { width, height, columns } = tableSize(t);
  const left = 16;
  const x: number[] = [];
  columns.reduce((at, w, i) => ((x[i] = at), at + w), left);
  const text = (s: string, c: number, y: number, bold: boolean) => ({
    type: 'text',
    style: {
      text: s,
      x: t.numeric[c] ? x[c] + columns[c] - PAD : x[c] + PAD,
      y: y + ROW / 2,
      align: t.numeric[c] ? 'right' : 'left',
      verticalAlign: 'middle',
      fontFamily: CHART_FONT_FAMILY,
      fontSize: FONT,
      fontWeight: bold ? 'bold' : 'normal',
      fill: TEXT_COLOR,
    },
  });
  const tableWidth = columns.reduce((a, b) => a + b, 0);
  const elements: unknown[] = [];
  t.rows.forEach((_, r) => {
    if (r % 2 === 1) elements.push({ type: 'rect', shape: { x: left, y: TOP + ROW * (r + 1), width: tableWidth, height: ROW }, style: { fill: '#f4f6f8' } });
  });
  t.header.forEach((h, c) => elements.push(text(h, c, TOP, true)));
  elements.push({ type: 'line', shape: { x1: left, y1: TOP + ROW, x2: left + tableWidth, y2: TOP + ROW }, style: { stroke: '#595959', lineWidth: 1 } });
  t.rows.forEach((row, r) => row.forEach((cell, c) => elements.push(text(cell ?? '', c, TOP + ROW * (r + 1), false))));
  elements.push({ type: 'line', shape: { x1: left, y1: TOP + ROW * (t.rows.length + 1), x2: left + tableWidth, y2: TOP + ROW * (t.rows.length + 1) }, style: { stroke: '#bdbdbd', lineWidth: 1 } });
  const option: EChartsOption = {
    animation: false,
    backgroundColor: '#ffffff',
    title: { text: t.title, left: 16, top: 12, textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 16, fontWeight: 'bold', color: TEXT_COLOR } },
    graphic: elements as EChartsOption['graphic'],
  };
  return { option, width, height };
}
