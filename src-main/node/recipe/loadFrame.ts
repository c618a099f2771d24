import type Database from 'better-sqlite3';
import type { ColumnInfo, DatasetInfo } from '../../core/data/columns';
import { makeFrame, type Frame, type FrameColumn } from '../../core/recipe/frame';
import { chunkedColumns, columnChunks, type StoredCell } from '../store/columnChunks';
import { dataTableOf, storageColumn } from '../store/datasets';

const BOOLEAN_TRUE = new Set(['True', 'TRUE', 'true', '1']);

/** A stored cell as a number column holds it: NaN = missing, booleans 0/1. */
function numberOfCell(v: StoredCell, boolean: boolean): number {
  if (v === null) return NaN;
  if (boolean) return BOOLEAN_TRUE.has(String(v)) ? 1 : 0;
  return typeof v === 'number' ? v : Number(v);
}

function stringOfCell(v: StoredCell): string | null {
  return v === null ? null : typeof v === 'string' ? v : String(v);
}

function isNumberKind(c: ColumnInfo): boolean {
  return c.kind === 'integer' || c.kind === 'float' || c.kind === 'boolean';
}

/**
 * Reads a whole dataset into a recipe frame: integer, float and boolean
 * columns as numbers (NaN = missing, booleans 0/1), the others as strings.
 *
 * Datasets imported with column chunks load from them, a few BLOBs per
 * column (see columnChunks.ts); the cells they hold are the row table's, and
 * go through the same conversion, so the frame is the same either way.
 * Older datasets load from the row table.
 */
export function loadDatasetFrame(db: Database.Database, info: DatasetInfo): Frame {
  const table = dataTableOf(db, info.id);
  const n = info.rows;
  const entries: [string, FrameColumn][] = info.columns.map((c) =>
    isNumberKind(c)
      ? [c.name, { type: 'number', values: new Float64Array(n), kind: c.kind }]
      : [c.name, { type: 'string', values: new Array<string | null>(n).fill(null), kind: c.kind }],
  );
  const chunked = info.columns.length > 0 ? chunkedColumns(db, table, n) : new Set<number>();
  const fromRows: number[] = [];
  info.columns.forEach((c, j) => {
    if (chunked.has(c.index)) fillFromChunks(db, table, c, entries[j][1]);
    else fromRows.push(j);
  });
  if (fromRows.length > 0) fillFromRows(db, table, info, entries, fromRows);
  return makeFrame(n, entries);
}

function fillFromChunks(db: Database.Database, table: string, c: ColumnInfo, out: FrameColumn): void {
  const boolean = c.kind === 'boolean';
  let at = 0;
  for (const chunk of columnChunks(db, table, c.index)) {
    const { rows, numbers, texts } = chunk;
    if (out.type === 'number') {
      const values = out.values;
      if (texts === null && !boolean) {
        if (numbers === null) values.fill(NaN, at, at + rows);
        else values.set(numbers, at);
      } else {
        for (let i = 0; i < rows; i++) values[at + i] = numberOfCell(texts?.[i] ?? cellNumber(numbers, i), boolean);
      }
    } else {
      const values = out.values;
      if (numbers === null && texts !== null) {
        for (let i = 0; i < rows; i++) values[at + i] = texts[i];
      } else {
        for (let i = 0; i < rows; i++) values[at + i] = stringOfCell(texts?.[i] ?? cellNumber(numbers, i));
      }
    }
    at += rows;
  }
}

/** The number a chunk holds at i, or null (missing): SQLite stores no NaN. */
function cellNumber(numbers: Float64Array | null, i: number): number | null {
  if (numbers === null) return null;
  const v = numbers[i];
  return Number.isNaN(v) ? null : v;
}

/**
 * One scan of the row table fills the given columns: the rows are stored
 * whole, so a scan per column would decode each row once per column.
 */
function fillFromRows(db: Database.Database, table: string, info: DatasetInfo, entries: [string, FrameColumn][], which: number[]): void {
  const n = info.rows;
  const k = which.length;
  // Typed per column once, so the row loop only stores.
  const numbers: (Float64Array | null)[] = which.map((j) => {
    const c = entries[j][1];
    return c.type === 'number' ? c.values : null;
  });
  const strings: ((string | null)[] | null)[] = which.map((j) => {
    const c = entries[j][1];
    return c.type === 'string' ? c.values : null;
  });
  const boolean = which.map((j) => info.columns[j].kind === 'boolean');
  const select = which.map((j) => storageColumn(info.columns[j].index)).join(', ');
  const stmt = db.prepare(`SELECT ${select} FROM ${table} ORDER BY rowid`).raw(true);
  let i = 0;
  for (const row of stmt.iterate() as Iterable<StoredCell[]>) {
    if (i >= n) break;
    for (let j = 0; j < k; j++) {
      const num = numbers[j];
      if (num !== null) num[i] = numberOfCell(row[j], boolean[j]);
      else strings[j]![i] = stringOfCell(row[j]);
    }
    i++;
  }
}
