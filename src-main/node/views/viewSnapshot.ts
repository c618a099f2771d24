import type Database from 'better-sqlite3';
import type { DatasetInfo } from '../../core/data/columns';

/**
 * Why another connection's snapshot cannot stand for the dataset `info`
 * describes (its row table missing, or another number of rows), or null
 * when it can. Row tables number their rows 1…rows, so the largest rowid is
 * the row count; a change of column kinds rewrites values only in a
 * committed write, which a fresh read sees.
 */
export function snapshotMismatch(db: Database.Database, info: DatasetInfo, dataTable: string): string | null {
  const exists = db.prepare("SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = ?").get(dataTable);
  if (!exists) return `The row table of dataset "${info.name}" is not committed yet.`;
  const last = db.prepare(`SELECT coalesce(max(rowid), 0) FROM main.${dataTable}`).pluck().get() as number;
  if (last !== info.rows) return `Dataset "${info.name}" has ${last} committed rows, not the ${info.rows} the host sees.`;
  return null;
}
