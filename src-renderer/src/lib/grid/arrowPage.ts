import { tableFromIPC } from 'apache-arrow';
import type { CellValue } from './format';

/** One decoded page of rows, column-major, in dataset column order. */
export interface RowPage {
  /** 0-based index of the page's first row in the dataset. */
  offset: number;
  rowCount: number;
  columns: CellValue[][];
  /** Original 1-based row numbers of a query page (its last Arrow field); absent for plain pages. */
  rowNumbers?: number[];
}

/**
 * Decodes an Arrow IPC stream (one record batch, one field per dataset
 * column) into plain values: numbers, booleans, strings; null for missing.
 */
export function decodeRowPage(bytes: Uint8Array, offset: number, withRowNumbers = false): RowPage {
  const table = tableFromIPC(bytes);
  const columns: CellValue[][] = [];
  const dataCols = withRowNumbers ? table.numCols - 1 : table.numCols;
  for (let c = 0; c < dataCols; c++) {
    const vector = table.getChildAt(c);
    const values: CellValue[] = new Array(table.numRows);
    for (let r = 0; r < table.numRows; r++) values[r] = toCellValue(vector?.get(r));
    columns.push(values);
  }
  if (!withRowNumbers) return { offset, rowCount: table.numRows, columns };
  // The row-number field is the last one; read it by position (its name may be suffixed).
  const numbers = table.getChildAt(table.numCols - 1);
  const rowNumbers: number[] = new Array(table.numRows);
  for (let r = 0; r < table.numRows; r++) rowNumbers[r] = Number(numbers?.get(r));
  return { offset, rowCount: table.numRows, columns, rowNumbers };
}

function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString();
  return String(v);
}
