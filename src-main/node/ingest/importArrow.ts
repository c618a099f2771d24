import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Hash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { RecordBatchReader, Type, type DataType } from 'apache-arrow';
import { ApiError, cancelledError } from '../../core/api/errors';
import type { Progress } from '../../core/api/contract';
import type { ColumnInfo, ColumnKind } from '../../core/data/columns';
import { dedupeHeader } from '../../core/ingest/header';
import { ColumnProfiler, DistinctBudget, inferKind, needsExactDistinct } from '../../core/ingest/inference';
import { storageColumn } from '../store/datasets';
import { RowTableWriter } from './rowTableWriter';
import { assertUnchanged, type FileSnapshot } from './sourceFile';

export interface ArrowOptions {
  snapshot: FileSnapshot;
  table: string;
  hash: Hash;
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
}

type Cell = number | string | null;

function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isNaN(v) ? null : v;
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/** The kind an Arrow type fixes; null when the values decide (strings). */
function kindOfType(t: DataType): ColumnKind | null {
  switch (t.typeId) {
    case Type.Int:
      return 'integer';
    case Type.Float:
    case Type.Decimal:
      return 'float';
    case Type.Bool:
      return 'boolean';
    default:
      return null;
  }
}

async function hashFile(path: string, hash: Hash): Promise<void> {
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) hash.update(chunk);
}

/** Imports an Arrow IPC file or stream (Feather v2) batch by batch. */
export async function importArrow(db: Database.Database, o: ArrowOptions) {
  const file = o.snapshot.display;
  await hashFile(o.snapshot.path, o.hash);
  const handle = await open(o.snapshot.path, 'r');
  try {
    let reader;
    try {
      reader = await RecordBatchReader.from(handle);
      await reader.open();
    } catch (e) {
      throw new ApiError('bad-input', `${file} is not a readable Arrow IPC or Feather v2 file (${(e as Error).message}).`, { file });
    }
    const fields = reader.schema.fields;
    if (fields.length === 0) throw new ApiError('bad-input', `${file} has no columns.`, { file });
    const names = dedupeHeader(fields.map((f) => f.name));
    const writer = new RowTableWriter(db, o.table, names.length);
    const budget = new DistinctBudget();
    const profilers = names.map((name) => new ColumnProfiler({ name, budget }));
    const cells: Cell[] = new Array<Cell>(names.length);
    let batchNo = 0;
    for await (const batch of reader) {
      if (o.signal?.aborted) throw cancelledError(`The import of ${file}`);
      const cols = fields.map((_, j) => batch.getChildAt(j));
      for (let i = 0; i < batch.numRows; i++) {
        for (let j = 0; j < cols.length; j++) {
          const c = toCell(cols[j]?.get(i));
          cells[j] = c;
          profilers[j].observe(c === null ? '' : String(c));
        }
        writer.add(cells);
      }
      batchNo++;
      o.onProgress?.({ done: writer.rows, unit: 'rows', message: `Reading ${file} (batch ${batchNo})` });
      await new Promise<void>((r) => setImmediate(r));
    }
    writer.flush();
    assertUnchanged(o.snapshot);
    if (writer.rows === 0) throw new ApiError('bad-input', `${file} has columns but no rows.`, { file });
    const columns: ColumnInfo[] = names.map((name, j) => {
      const stats = profilers[j].summary();
      const exact = needsExactDistinct(stats, name, writer.rows)
        ? (db.prepare(`SELECT COUNT(DISTINCT ${storageColumn(j)}) AS n FROM ${o.table}`).get() as { n: number }).n
        : undefined;
      const inferred = inferKind(stats, name, writer.rows, exact);
      const fixed = kindOfType(fields[j].type);
      // The file's own type wins, except that an integer id stays an identifier.
      const kind = fixed === null || (fixed === 'integer' && inferred === 'identifier') ? inferred : fixed;
      return { index: j, name, kind, inferredKind: kind, count: stats.count, missing: stats.missing, distinct: exact ?? stats.distinct };
    });
    return { rows: writer.rows, columns, notes: [] as string[] };
  } finally {
    await handle.close();
  }
}
