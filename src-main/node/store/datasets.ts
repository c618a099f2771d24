import type Database from 'better-sqlite3';
import { ApiError } from '../../core/api/errors';
import type { Cell } from '../../core/data/arrowPage';
import type { ColumnInfo, ColumnKind, DatasetInfo } from '../../core/data/columns';
import { deleteColumnChunks } from './columnChunks';

interface DatasetRow {
  id: number;
  name: string;
  source_name: string;
  row_count: number;
  columns_json: string;
  format_json: string;
  notes_json: string;
  content_hash: string;
  imported_at: string;
  data_table: string;
}

/** Column `i` of a dataset's row table. Names are ours, never the user's, so they need no escaping. */
export function storageColumn(i: number): string {
  return `c${i}`;
}

export function rowTableName(token: string): string {
  if (!/^[A-Za-z0-9_]+$/.test(token)) throw new Error(`bad table token ${token}`);
  return `ds_rows_${token}`;
}

function toInfo(r: DatasetRow): DatasetInfo {
  return {
    id: r.id,
    name: r.name,
    sourceName: r.source_name,
    rows: r.row_count,
    columns: JSON.parse(r.columns_json) as ColumnInfo[],
    importedAt: r.imported_at,
    format: JSON.parse(r.format_json) as DatasetInfo['format'],
    notes: JSON.parse(r.notes_json) as string[],
    contentHash: r.content_hash,
  };
}

function getRow(db: Database.Database, id: number): DatasetRow {
  const row = db.prepare('SELECT * FROM datasets WHERE id = ?').get(id) as DatasetRow | undefined;
  if (!row) throw new ApiError('not-found', `There is no dataset ${id} in this project.`);
  return row;
}

export function listDatasets(db: Database.Database): DatasetInfo[] {
  return (db.prepare('SELECT * FROM datasets ORDER BY id').all() as DatasetRow[]).map(toInfo);
}

export function getDataset(db: Database.Database, id: number): DatasetInfo {
  return toInfo(getRow(db, id));
}

export interface NewDataset {
  name: string;
  sourceName: string;
  rows: number;
  columns: ColumnInfo[];
  format: DatasetInfo['format'];
  notes: string[];
  contentHash: string;
  dataTable: string;
}

export function insertDataset(db: Database.Database, d: NewDataset): number {
  const result = db
    .prepare(
      `INSERT INTO datasets (name, source_name, row_count, columns_json, format_json, notes_json, content_hash, imported_at, data_table)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      d.name,
      d.sourceName,
      d.rows,
      JSON.stringify(d.columns),
      JSON.stringify(d.format),
      JSON.stringify(d.notes),
      d.contentHash,
      new Date().toISOString(),
      d.dataTable,
    );
  return Number(result.lastInsertRowid);
}

/** A name not yet used by a dataset in the project: `claims`, `claims (2)`, … */
export function uniqueDatasetName(db: Database.Database, wanted: string): string {
  const taken = new Set((db.prepare('SELECT name FROM datasets').all() as { name: string }[]).map((r) => r.name));
  if (!taken.has(wanted)) return wanted;
  for (let i = 2; ; i++) if (!taken.has(`${wanted} (${i})`)) return `${wanted} (${i})`;
}

/**
 * Rows [offset, offset + limit) as one array per column. Row tables use
 * rowid = row number (1-based), so any page is a range scan on the rowid.
 */
export function readColumns(db: Database.Database, info: DatasetInfo, offset: number, limit: number): Cell[][] {
  const row = getRow(db, info.id);
  const cols = info.columns.map((c) => storageColumn(c.index));
  const stmt = db
    .prepare(`SELECT ${cols.join(', ')} FROM ${row.data_table} WHERE rowid > ? AND rowid <= ? ORDER BY rowid`)
    .raw(true);
  const out: Cell[][] = info.columns.map(() => []);
  for (const r of stmt.iterate(offset, offset + limit) as Iterable<Cell[]>) {
    for (let j = 0; j < r.length; j++) out[j].push(r[j]);
  }
  return out;
}

export function renameDataset(db: Database.Database, id: number, name: string): DatasetInfo {
  getRow(db, id);
  const others = db.prepare('SELECT 1 FROM datasets WHERE name = ? AND id != ?').get(name, id);
  if (others) throw new ApiError('conflict', `A dataset named "${name}" already exists in this project.`);
  db.prepare('UPDATE datasets SET name = ? WHERE id = ?').run(name, id);
  return getDataset(db, id);
}

export function deleteDataset(db: Database.Database, id: number): void {
  const row = getRow(db, id);
  db.transaction(() => {
    db.prepare('DELETE FROM datasets WHERE id = ?').run(id);
    db.exec(`DROP TABLE IF EXISTS ${row.data_table}`);
    deleteColumnChunks(db, row.data_table);
  })();
}

export function updateColumns(db: Database.Database, id: number, columns: ColumnInfo[]): void {
  db.prepare('UPDATE datasets SET columns_json = ? WHERE id = ?').run(JSON.stringify(columns), id);
}

export function dataTableOf(db: Database.Database, id: number): string {
  return getRow(db, id).data_table;
}

export type { ColumnKind };
