import { tableFromIPC } from 'apache-arrow';
import type { CellValue } from './format';

/** One decoded page of rows, column-major, in dataset column order. */
export interface RowPage {
  /** 0-based index of the page's first row in the dataset. */
  offset: number;
  rowCount: number;
  columns: CellValue[][];
}

/**
 * Decodes an Arrow IPC stream (one record batch, one field per dataset
 * column) into plain values: numbers, booleans, strings; null for missing.
 */
export function decodeRowPage(bytes: Uint8Array, offset: number): RowPage {
  const table = tableFromIPC(bytes);
  const columns: CellValue[][] = [];
  for (let c = 0; c < table.numCols; c++) {
    const vector = table.getChildAt(c);
    const values: CellValue[] = new Array(table.numRows);
    for (let r = 0; r < table.numRows; r++) values[r] = toCellValue(vector?.get(r));
    columns.push(values);
  }
  return { offset, rowCount: table.numRows, columns };
}

function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString();
  return String(v);
}
