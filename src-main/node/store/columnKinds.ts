import type Database from 'better-sqlite3';
import { ApiError } from '../../core/api/errors';
import type { ColumnKind, DatasetInfo } from '../../core/data/columns';
import { kindOverrideRefusal } from '../../core/data/kindOverrides';
import { isUnsafeInteger, parseNumberLikePandas } from '../../core/ingest/parseNumber';
import { rewriteColumnChunks } from './columnChunks';
import { dataTableOf, getDataset, storageColumn, updateColumns } from './datasets';

const BOOLEAN_TEXT = new Set(['True', 'False', 'TRUE', 'FALSE', 'true', 'false']);
/** 1/0 kept as text (a column that also held words): a boolean reads them as numbers. */
const BOOLEAN_DIGITS = new Set(['1', '0']);

function firstOffender(
  db: Database.Database,
  table: string,
  col: string,
  ok: (v: number | string) => boolean,
): { row: number; value: number | string } | null {
  const stmt = db.prepare(`SELECT rowid AS row, ${col} AS value FROM ${table} WHERE ${col} IS NOT NULL`);
  for (const r of stmt.iterate() as Iterable<{ row: number; value: number | string }>) {
    if (!ok(r.value)) return r;
  }
  return null;
}

/**
 * Overrides a column's kind. Numeric kinds need every value to be a number
 * (integers for `integer`), booleans need pandas' boolean words or 0/1; any
 * column can be treated as categorical, text or an identifier.
 */
export function setColumnKind(db: Database.Database, id: number, column: number, kind: ColumnKind): DatasetInfo {
  const info = getDataset(db, id);
  const col = info.columns.find((c) => c.index === column);
  if (!col) throw new ApiError('not-found', `Dataset "${info.name}" has no column ${column}.`);
  if (col.kind === kind) return info;
  const refusal = kindOverrideRefusal(col, kind);
  if (refusal) throw new ApiError('bad-input', refusal);
  const table = dataTableOf(db, id);
  const sc = storageColumn(column);
  const check = (test: (v: number | string) => boolean, what: string) => {
    const bad = firstOffender(db, table, sc, test);
    if (bad && typeof bad.value === 'string' && (kind === 'integer' || kind === 'float') && isUnsafeInteger(bad.value)) {
      throw new ApiError(
        'bad-input',
        `Column "${col.name}" cannot be ${kind}: values beyond ±2^53 such as ${bad.value.trim()} on row ${bad.row} cannot be held exactly as numbers.`,
      );
    }
    if (bad) {
      throw new ApiError(
        'bad-input',
        `Column "${col.name}" cannot be ${what}: row ${bad.row} holds ${JSON.stringify(String(bad.value))}.`,
      );
    }
  };
  const asNumber = (v: number | string) => (typeof v === 'number' ? v : parseNumberLikePandas(v));
  if (kind === 'integer') check((v) => Number.isInteger(asNumber(v) ?? NaN), 'integer (whole numbers)');
  if (kind === 'float') check((v) => asNumber(v) !== null, 'float (numbers)');
  if (kind === 'boolean') check((v) => v === 0 || v === 1 || (typeof v === 'string' && (BOOLEAN_TEXT.has(v) || BOOLEAN_DIGITS.has(v))), 'boolean (True/False or 1/0)');
  db.transaction(() => {
    // The chunks hold the stored cells: the ones converted here change there too.
    let changed = 0;
    if (kind === 'integer' || kind === 'float') {
      const texts = db.prepare(`SELECT rowid AS row, ${sc} AS value FROM ${table} WHERE typeof(${sc}) = 'text'`).all() as {
        row: number;
        value: string;
      }[];
      const update = db.prepare(`UPDATE ${table} SET ${sc} = ? WHERE rowid = ?`);
      for (const t of texts) update.run(parseNumberLikePandas(t.value), t.row);
      changed = texts.length;
    }
    if (kind === 'boolean') changed = db.prepare(`UPDATE ${table} SET ${sc} = CAST(${sc} AS INTEGER) WHERE ${sc} IN ('1', '0')`).run().changes;
    if (changed > 0) rewriteColumnChunks(db, table, column);
    updateColumns(
      db,
      id,
      info.columns.map((c) => (c.index === column ? { ...c, kind } : c)),
    );
  })();
  return getDataset(db, id);
}
