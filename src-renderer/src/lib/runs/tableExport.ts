import type { ExportFormat } from '../charts/chartExport';
import { saveFile } from '../charts/saveFile';
import { session } from '../state/session.svelte';

export type DisplayCell = string | number | null;

/** The cells as the screen shows them, numbers right-aligned: the picture matches the view. */
export function displayTable(header: string[], rows: DisplayCell[][], format: (v: number, column: number) => string) {
  return {
    header,
    rows: rows.map((r) => r.map((c, i) => (typeof c === 'number' ? format(c, i) : c))),
    numeric: header.map((_, i) => rows.length > 0 && rows.every((r) => r[i] === null || typeof r[i] === 'number')),
  };
}

/** Draws the table in the host as SVG or PNG (1×–3×) and saves it. Returns the file name. */
export async function exportTableImage(title: string, table: ReturnType<typeof displayTable>, format: ExportFormat): Promise<string> {
  const r = await session.client.call('table.render', {
    table: { title, ...table },
    format: format === 'svg' ? 'svg' : 'png',
    scale: format === 'png2' ? 2 : format === 'png3' ? 3 : 1,
  });
  saveFile(r.fileName, r.mime, r.data, r.mime === 'image/png');
  return r.fileName;
}
