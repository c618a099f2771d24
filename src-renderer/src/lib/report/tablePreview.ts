import type { ReportTable } from '../../../../src-main/core/report/schema';

/** Rows a slide card shows of its table; the slide itself has them all. */
export const PREVIEW_ROWS = 8;

export interface PreviewCell {
  text: string;
  numeric: boolean;
  fill: string | null;
  /** Dark text on light fills, white on dark ones (a confusion matrix's darkest cells). */
  color: string | null;
}

/** The first rows of a slide's table as the card draws them, and how many more there are. */
export function tablePreview(table: ReportTable, max = PREVIEW_ROWS): { rows: PreviewCell[][]; more: number } {
  const rows = table.rows.slice(0, max).map((r, i) =>
    r.map((text, j): PreviewCell => {
      const fill = table.fills?.[i]?.[j] ?? null;
      return { text: text ?? '', numeric: table.numeric[j] ?? false, fill, color: fill === null ? null : textOn(fill) };
    }),
  );
  return { rows, more: Math.max(0, table.rows.length - max) };
}

/** The text colour readable on a #rrggbb fill, by its relative luminance (WCAG). */
export function textOn(fill: string): string {
  const channel = (i: number) => {
    const c = parseInt(fill.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  // Where white and near-black text have equal contrast.
  return luminance > 0.179 ? '#1f1f1f' : '#ffffff';
}
