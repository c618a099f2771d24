import { Bool, Field, Float64, Schema, Table, Utf8, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import type { ColumnInfo, ColumnKind } from './columns';

/** A cell as the store keeps it: SQLite gives numbers, strings or null. */
export type Cell = number | string | null;

function arrowTypeFor(kind: ColumnKind): Float64 | Bool | Utf8 {
  if (kind === 'integer' || kind === 'float') return new Float64();
  if (kind === 'boolean') return new Bool();
  return new Utf8();
}

function convert(kind: ColumnKind, values: Cell[]): (number | boolean | string | null)[] {
  switch (kind) {
    case 'integer':
    case 'float':
      return values.map((v) => (v === null ? null : typeof v === 'number' ? v : Number(v)));
    case 'boolean':
      return values.map((v) => (v === null ? null : v === 1 || v === 'True' || v === 'true' || v === 'TRUE'));
    default:
      return values.map((v) => (v === null ? null : String(v)));
  }
}

/**
 * Encodes a page of rows as an Arrow IPC stream: one field per column, in
 * dataset order, typed by the column's kind so the renderer never guesses.
 */
export function encodeArrowPage(columns: readonly ColumnInfo[], data: readonly Cell[][]): Uint8Array {
  const fields: Field[] = [];
  const vectors: Record<string, Vector> = {};
  columns.forEach((col, i) => {
    const type = arrowTypeFor(col.kind);
    // Field names must be unique in a Table; dataset names already are.
    fields.push(new Field(col.name, type, true));
    vectors[col.name] = vectorFromArray(convert(col.kind, data[i]) as never[], type);
  });
  const table = new Table(new Schema(fields), vectors);
  return tableToIPC(table, 'stream');
}
