import { z } from 'zod';
import { AXIS_COLOR, CHART_FONT_FAMILY, formatCount, TEXT_COLOR, type EChartsOption } from './spec';
import { clipText } from './xmlText';

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
const BOTTOM = 16;
const LEFT = 16;
/** A picture larger than this is no longer a figure, and each text drawn costs time on the host: what does not fit is left off and counted. */
export const MAX_TABLE_WIDTH = 4000;
export const MAX_TABLE_HEIGHT = 3000;
/** Characters of a cell or header drawn at most (longer ones end in "…"): a column is never wider than this much text. */
export const MAX_CELL_CHARS = 80;

export interface TableLimits {
  /** Rows drawn at most (a slide shows fewer than a picture can hold). */
  rows?: number;
  /** The picture's width at most, in pixels (at most MAX_TABLE_WIDTH). */
  width?: number;
}

/**
 * What a table left off says, the same line under a slide's table and a
 * picture's: "Showing the first 20 of 500 rows." (and "… and 8 of 40
 * columns."); null when everything is shown.
 */
export function tableCutNote(rows: { shown: number; of: number }, columns: { shown: number; of: number } = { shown: 1, of: 1 }): string | null {
  const parts: string[] = [];
  if (rows.shown < rows.of) parts.push(`${formatCount(rows.shown)} of ${formatCount(rows.of)} rows`);
  if (columns.shown < columns.of) parts.push(`${formatCount(columns.shown)} of ${formatCount(columns.of)} columns`);
  return parts.length ? `Showing the first ${parts.join(' and ')}.` : null;
}

export interface TableSize {
  width: number;
  height: number;
  /** Widths of the columns drawn (the first `columns.length`). */
  columns: number[];
  /** Rows drawn (the first `rows`). */
  rows: number;
  /** What was left off, under the table; null when nothing was. */
  note: string | null;
}

/** One line of at most MAX_CELL_CHARS: every row is one line high, so a line break or tab in a cell reads as a space. */
const oneLine = (s: string) => s.replace(/\s*[\r\n\t\u2028\u2029]+\s*/g, ' ');
const cellText = (s: string | null) => clipText(oneLine(s ?? ''), MAX_CELL_CHARS);

/**
 * The picture's size: every column as wide as its longest text (at most
 * MAX_CELL_CHARS), every row the same height; the rows that fit the height
 * (and `limits.rows`) and the columns that fit the width, the others left
 * off with a line that says so.
 */
export function tableSize(t: TableImage, limits: TableLimits = {}): TableSize {
  const maxWidth = Math.min(MAX_TABLE_WIDTH, limits.width ?? MAX_TABLE_WIDTH);
  const fitting = (note: boolean) => Math.floor((MAX_TABLE_HEIGHT - TOP - BOTTOM - (note ? ROW : 0)) / ROW) - 1;
  let rows = Math.min(t.rows.length, Math.max(0, limits.rows ?? Infinity), fitting(false));
  if (rows < t.rows.length) rows = Math.min(rows, fitting(true));
  const shown = t.rows.slice(0, rows);
  const all = t.header.map((h, c) => Math.ceil(Math.max(cellText(h).length * (CHAR + 0.6), ...shown.map((r) => cellText(r[c]).length * CHAR)) + 2 * PAD));
  const columns: number[] = [];
  let used = 2 * LEFT;
  for (const w of all) {
    // The first column is drawn however wide it is (at most MAX_CELL_CHARS of text).
    if (columns.length > 0 && used + w > maxWidth) break;
    columns.push(w);
    used += w;
  }
  const note = tableCutNote({ shown: rows, of: t.rows.length }, { shown: columns.length, of: t.header.length });
  const natural = Math.max(columns.reduce((a, b) => a + b, 0), note ? note.length * CHAR : 0) + 2 * LEFT;
  const width = Math.max(320, Math.min(maxWidth, Math.ceil(natural)));
  const height = TOP + ROW * (rows + 1) + BOTTOM + (note ? ROW : 0);
  return { width, height, columns, rows, note };
}

/**
 * The table drawn with echarts' graphic elements (text and lines only), so
 * it renders to SVG and PNG like every chart: title, bold header over a rule,
 * light bands on every other row, numbers right-aligned; what did not fit
 * is counted in a line under it.
 */
export function tableChart(t: TableImage, limits: TableLimits = {}): { option: EChartsOption; width: number; height: number } {
  const { width, height, columns, rows, note } = tableSize(t, limits);
  const x: number[] = [];
  columns.reduce((at, w, i) => ((x[i] = at), at + w), LEFT);
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
  const bottom = TOP + ROW * (rows + 1);
  const elements: unknown[] = [];
  for (let r = 1; r < rows; r += 2) elements.push({ type: 'rect', shape: { x: LEFT, y: TOP + ROW * (r + 1), width: tableWidth, height: ROW }, style: { fill: '#f4f6f8' } });
  columns.forEach((_, c) => elements.push(text(cellText(t.header[c]), c, TOP, true)));
  elements.push({ type: 'line', shape: { x1: LEFT, y1: TOP + ROW, x2: LEFT + tableWidth, y2: TOP + ROW }, style: { stroke: '#595959', lineWidth: 1 } });
  for (let r = 0; r < rows; r++) columns.forEach((_, c) => elements.push(text(cellText(t.rows[r][c]), c, TOP + ROW * (r + 1), false)));
  elements.push({ type: 'line', shape: { x1: LEFT, y1: bottom, x2: LEFT + tableWidth, y2: bottom }, style: { stroke: '#bdbdbd', lineWidth: 1 } });
  if (note) {
    elements.push({
      type: 'text',
      style: { text: note, x: LEFT, y: bottom + ROW / 2 + 4, verticalAlign: 'middle', fontFamily: CHART_FONT_FAMILY, fontSize: FONT - 1, fontStyle: 'italic', fill: AXIS_COLOR },
    });
  }
  const option: EChartsOption = {
    animation: false,
    backgroundColor: '#ffffff',
    title: { text: oneLine(t.title), left: 16, top: 12, textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 16, fontWeight: 'bold', color: TEXT_COLOR } },
    graphic: elements as EChartsOption['graphic'],
  };
  return { option, width, height };
}
