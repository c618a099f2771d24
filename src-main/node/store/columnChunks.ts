import type Database from 'better-sqlite3';
import { decodeChunkTexts } from './chunkTexts';
import { CHUNK_ROWS, ColumnChunkBuilder, type EncodedColumnChunk, type StoredCell } from './columnChunkBuilder';
import { storageColumn } from './datasets';

export { CHUNK_ROWS, type StoredCell } from './columnChunkBuilder';

export const COLUMN_CHUNKS_TABLE = 'dataset_column_chunks';

/** The schema of {@link COLUMN_CHUNKS_TABLE}, created by a migration. `texts` is a chunkTexts.ts BLOB. */
export const COLUMN_CHUNKS_SCHEMA = `
  CREATE TABLE ${COLUMN_CHUNKS_TABLE} (
    data_table TEXT NOT NULL,
    col        INTEGER NOT NULL,
    chunk      INTEGER NOT NULL,
    rows       INTEGER NOT NULL,
    numbers    BLOB,
    texts      BLOB,
    PRIMARY KEY (data_table, col, chunk)
  );
`;

/**
 * One column's cells in [chunk × CHUNK_ROWS, + rows), exactly as the row
 * table holds them: cell i is `texts[i]` when that is a string, else
 * `numbers[i]` unless NaN, else missing (SQLite has no NaN: a NaN number is
 * stored as NULL, so NaN means missing here too). `numbers` is null when the
 * chunk holds no number, `texts` when it holds no text, so a numeric column
 * is one Float64Array and a text column one string array.
 */
export interface ColumnChunk {
  rows: number;
  numbers: Float64Array | null;
  texts: (string | null)[] | null;
}

/**
 * Stores encoded column chunks (see {@link ColumnChunkBuilder}) of one row
 * table in {@link COLUMN_CHUNKS_TABLE}, so a whole dataset loads by reading a
 * few BLOBs per column instead of decoding every row.
 */
export class ColumnChunkStore {
  private readonly insert: Database.Statement;

  constructor(
    db: Database.Database,
    private readonly table: string,
  ) {
    this.insert = db.prepare(`INSERT INTO ${COLUMN_CHUNKS_TABLE} (data_table, col, chunk, rows, numbers, texts) VALUES (?, ?, ?, ?, ?, ?)`);
  }

  store(chunks: readonly EncodedColumnChunk[]): void {
    for (const c of chunks) this.insert.run(this.table, c.col, c.chunk, c.rows, blob(c.numbers), blob(c.texts));
  }
}

/** The bytes as a Buffer, which better-sqlite3 binds as a BLOB; a view, not a copy. */
function blob(bytes: Uint8Array | null): Buffer | null {
  return bytes === null ? null : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Rewrites column `column`'s chunks from the row table, for the rare changes
 * made to stored cells after they were written (a column found not to be
 * numeric gets its text back, a kind override converts text to numbers).
 */
export function rewriteColumnChunks(db: Database.Database, table: string, column: number): void {
  if (!hasColumnChunks(db, table)) return;
  db.prepare(`DELETE FROM ${COLUMN_CHUNKS_TABLE} WHERE data_table = ? AND col = ?`).run(table, column);
  const store = new ColumnChunkStore(db, table);
  const builder = new ColumnChunkBuilder([column], (chunks) => store.store(chunks));
  // A page at a time: the builder stores a chunk as it fills, which it may not do while a query is being iterated.
  const page = db.prepare(`SELECT rowid, ${storageColumn(column)} FROM ${table} WHERE rowid > ? ORDER BY rowid LIMIT ${CHUNK_ROWS}`).raw(true);
  for (let last = 0; ; ) {
    const rows = page.all(last) as [number, StoredCell][];
    for (const [, v] of rows) {
      builder.cell(0, v);
      builder.endRow();
    }
    if (rows.length < CHUNK_ROWS) break;
    last = rows[rows.length - 1][0];
  }
  builder.flush();
}

/** True when the row table was written with its column chunks (datasets imported before they existed were not). */
export function hasColumnChunks(db: Database.Database, table: string): boolean {
  return db.prepare(`SELECT 1 FROM ${COLUMN_CHUNKS_TABLE} WHERE data_table = ? LIMIT 1`).get(table) !== undefined;
}

/**
 * The columns whose chunks cover exactly `rows` rows: all of them for a
 * dataset imported with chunks, none for one imported before they existed.
 */
export function chunkedColumns(db: Database.Database, table: string, rows: number): Set<number> {
  // A read-only connection to a project not yet migrated has no chunks table.
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(COLUMN_CHUNKS_TABLE) === undefined) return new Set();
  const covered = db
    .prepare(`SELECT col, SUM(rows) AS rows FROM ${COLUMN_CHUNKS_TABLE} WHERE data_table = ? GROUP BY col`)
    .all(table) as { col: number; rows: number }[];
  return new Set(covered.filter((c) => c.rows === rows).map((c) => c.col));
}

/** Column `column`'s chunks in row order, one at a time (a 10,000,000-row column is never held twice). */
export function* columnChunks(db: Database.Database, table: string, column: number): Generator<ColumnChunk> {
  const stmt = db.prepare(`SELECT chunk, rows, numbers, texts FROM ${COLUMN_CHUNKS_TABLE} WHERE data_table = ? AND col = ? ORDER BY chunk`);
  for (const c of stmt.iterate(table, column) as Iterable<{ chunk: number; rows: number; numbers: Buffer | null; texts: Buffer | null }>) {
    const where = `chunk ${c.chunk} of column ${column} of ${table}`;
    if (c.texts !== null && !Buffer.isBuffer(c.texts)) throw new Error(`The text cells of ${where} are not a BLOB: the dataset needs importing again.`);
    yield { rows: c.rows, numbers: c.numbers === null ? null : doubles(c.numbers, c.rows), texts: c.texts === null ? null : decodeChunkTexts(c.texts, c.rows, where) };
  }
}

export function deleteColumnChunks(db: Database.Database, table: string): void {
  db.prepare(`DELETE FROM ${COLUMN_CHUNKS_TABLE} WHERE data_table = ?`).run(table);
}

/** The BLOB's doubles: a view when aligned, else a copy (a Buffer's offset need not be a multiple of 8). */
function doubles(blob: Buffer, rows: number): Float64Array {
  if (blob.length !== rows * 8) throw new Error(`a column chunk holds ${blob.length} bytes of numbers for ${rows} rows`);
  if (blob.byteOffset % 8 === 0) return new Float64Array(blob.buffer, blob.byteOffset, rows);
  const out = new Float64Array(rows);
  new Uint8Array(out.buffer).set(blob);
  return out;
}
