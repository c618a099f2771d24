import type Database from 'better-sqlite3';
import type { DatasetInfo } from '../../core/data/columns';
import { makeFrame, type Frame, type FrameColumn } from '../../core/recipe/frame';
import { dataTableOf, storageColumn } from '../store/datasets';

const BOOLEAN_TRUE = new Set(['True', 'TRUE', 'true', '1']);

/**
 * Reads a whole dataset into a recipe frame: integer, float and boolean
 * columns as numbers (NaN = missing, booleans 0/1), the others as strings.
 */
export function loadDatasetFrame(db: Database.Database, info: DatasetInfo): Frame {
  const table = dataTableOf(db, info.id);
  const entries: [string, FrameColumn][] = info.columns.map((c) => {
    const stmt = db.prepare(`SELECT ${storageColumn(c.index)} FROM ${table} ORDER BY rowid`).pluck();
    const raw = stmt.all() as (number | string | null)[];
    if (c.kind === 'integer' || c.kind === 'float') {
      const values = new Float64Array(raw.length);
      for (let i = 0; i < raw.length; i++) {
        const v = raw[i];
        values[i] = v === null ? NaN : typeof v === 'number' ? v : Number(v);
      }
      return [c.name, { type: 'number', values, kind: c.kind }];
    }
    if (c.kind === 'boolean') {
      const values = new Float64Array(raw.length);
      for (let i = 0; i < raw.length; i++) {
        const v = raw[i];
        values[i] = v === null ? NaN : BOOLEAN_TRUE.has(String(v)) ? 1 : 0;
      }
      return [c.name, { type: 'number', values, kind: c.kind }];
    }
    return [c.name, { type: 'string', values: raw.map((v) => (v === null ? null : String(v))), kind: c.kind }];
  });
  return makeFrame(info.rows, entries);
}
