import type Database from 'better-sqlite3';
import { ApiError } from '../../core/api/errors';
import type { DatasetInfo } from '../../core/data/columns';
import type { GridQuery } from '../../core/data/query';
import type { ViewBuildProgress } from '../../core/data/viewBuildProgress';
import { viewOrderSql } from '../store/querySql';

export type { ViewBuildProgress };

export interface ViewOrderHooks {
  /** Called every PROGRESS_EVERY rows read, when the ordering starts, and every few chunks written. */
  progress(p: ViewBuildProgress): void;
  /** Polled as rows go by; true stops the build with a `cancelled` ApiError. */
  cancelled(): boolean;
}

function cancelled(): ApiError {
  return new ApiError('cancelled', 'Building the view was cancelled: its query was replaced or nobody waits for it any more.');
}

/** Rows between progress reports; a power of two, so the scan tests it with one AND. */
const PROGRESS_EVERY = 1 << 14;
const SCAN_FUNCTION = 'assay_view_scan';
/** Ids copied out between cancellation checks and `writing` reports. */
const WRITE_EVERY = PROGRESS_EVERY * 4;

/** The hooks of the build running on each connection. */
const running = new WeakMap<Database.Database, { hooks: ViewOrderHooks; total: number; sorted: boolean }>();
const registered = new WeakSet<Database.Database>();

function registerScan(db: Database.Database): void {
  if (registered.has(db)) return;
  registered.add(db);
  // better-sqlite3 has no progress handler. A full scan of a row table reads
  // rowids 1, 2, … in order, so a function called on every PROGRESS_EVERY-th
  // rowid and on the last one (SQLite's OR stops at its first true term)
  // knows how many rows the scan has read, at no measurable cost to the
  // other rows; after the last, a sorted view goes on to order them.
  db.function(SCAN_FUNCTION, { deterministic: false }, (rowid: unknown) => {
    const r = running.get(db);
    if (!r) return 1;
    if (r.hooks.cancelled()) throw cancelled();
    const done = Math.min(Number(rowid), r.total);
    r.hooks.progress(done === r.total && r.sorted ? { phase: 'ordering', done: 0, total: r.total } : { phase: 'reading', done, total: r.total });
    return 1;
  });
}

/**
 * The row ids (1-based row numbers) a query keeps, in view order: the
 * materialized view the grid pages through. Row tables number their rows
 * 1…rows, so 32 bits hold any id.
 *
 * The ids are read straight from SQLite's sorter into the array (no
 * scratch table holding a second copy of them). The scan reports progress
 * as it reads; the sort proper reports none; the read-out of an unfiltered
 * view reports again (a filtered one's count is known only at its end).
 */
export function readViewOrder(
  db: Database.Database,
  info: DatasetInfo,
  dataTable: string,
  query: GridQuery,
  hooks?: ViewOrderHooks,
): Uint32Array {
  if (hooks) registerScan(db);
  const total = info.rows;
  const scanned = hooks ? `((rowid & ${PROGRESS_EVERY - 1} <> 0 AND rowid <> ${total}) OR ${SCAN_FUNCTION}(rowid))` : undefined;
  const { sql, params } = viewOrderSql(db, info, dataTable, query, scanned);
  if (hooks) running.set(db, { hooks, total, sorted: Boolean(query.sort) });
  try {
    // Filtered views keep fewer rows than `total`; they are copied to an array of their size at the end.
    const order = new Uint32Array(total);
    // Without filters every row is kept: the ids written are counted against the known total.
    const writing = query.filters.length === 0 && hooks;
    let n = 0;
    for (const rid of db.prepare(sql).pluck().iterate(...params) as IterableIterator<number>) {
      if (n === total) throw new Error(`Dataset "${info.name}" has more rows than the ${total} it records.`);
      order[n++] = rid;
      if ((n & (WRITE_EVERY - 1)) === 0 && hooks) {
        if (hooks.cancelled()) throw cancelled();
        if (writing) hooks.progress({ phase: 'writing', done: n, total });
      }
    }
    if (writing && n % WRITE_EVERY !== 0) hooks.progress({ phase: 'writing', done: n, total: n });
    return n === total ? order : order.slice(0, n);
  } finally {
    if (hooks) running.delete(db);
  }
}
