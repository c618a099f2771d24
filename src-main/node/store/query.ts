import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ApiError } from '../../core/api/errors';
import { encodeArrowPage, type Cell } from '../../core/data/arrowPage';
import type { ColumnInfo, DatasetInfo } from '../../core/data/columns';
import { canonicalQuery, isIdentityQuery, parseGridQuery, queryColumns, ROW_NUMBER_FIELD, type GridQuery } from '../../core/data/query';
import { readViewOrder } from '../views/viewOrder';
import { dataTableOf, getDataset, readColumns, storageColumn } from './datasets';

export { escapeLike } from './querySql';

/**
 * Sorting, filtering and counting a dataset's rows in SQLite, for the grid.
 *
 * A query with no sort and no filter is the row table itself: pages are
 * rowid ranges. Any other query is materialized once, on first use, into
 * the view's row ids in view order (a Uint32Array, 4 MB per million rows,
 * in memory, never in the project file); a page is then a slice of it
 * looked up in the row table by rowid, so the page at offset 900,000 costs
 * what the first page costs (`ORDER BY … LIMIT … OFFSET` would walk 900,000
 * rows each time). The order can be read on this connection (the functions
 * below build it on first use) or on another one and handed over with
 * {@link installView} — the host builds big views on a worker thread (see
 * node/views/viewBuilds.ts), so its event loop keeps answering meanwhile.
 *
 * Views are cached per connection (an LRU of {@link VIEW_CACHE_SIZE}), keyed
 * by the dataset's row table, row count and column kinds plus the canonical
 * query: a changed dataset (another kind, so possibly converted values) or a
 * deleted one is never served from a stale view.
 *
 * Semantics:
 * - sort: SQLite's order (numbers by value before text; text by code point,
 *   as Python compares str), missing values last in both directions, ties
 *   broken by the original row number ascending (a stable sort);
 * - `range`: inclusive; only values stored as numbers match (numeric
 *   columns hold numbers; text never matches);
 * - `in`: a value matches a cell when it is the cell's text as the grid shows
 *   it (`5` matches the stored number 5 and the text "5"); for boolean
 *   columns `true`/`false` match every stored spelling (1/0, True/true/TRUE…);
 * - `contains`: a literal substring (no wildcards: `%`, `_`, `\` and quotes
 *   match themselves). Case-sensitive: `instr`. Case-insensitive (default)
 *   with an ASCII needle: `LIKE … ESCAPE '\'`, which folds ASCII letters
 *   only — enough, because an ASCII letter's case partner is ASCII; with a
 *   non-ASCII needle: JavaScript's `toLowerCase` on both sides (a registered
 *   deterministic SQL function, slower, but Unicode-correct: `É` finds `é`,
 *   which SQLite's ASCII-only LIKE and lower() cannot do).
 */

/** Views kept per connection; each is 4 MB per million rows it keeps. */
export const VIEW_CACHE_SIZE = 4;


export interface QueryPage {
  /** Original 1-based row numbers (rowids) of the page's rows, in view order. */
  rowNumbers: Float64Array;
  /** One array per dataset column, in dataset order, as `readColumns` gives them. */
  columns: Cell[][];
}

interface CachedView {
  /** Serial number, for tests and diagnostics. */
  id: number;
  /** Row ids in view order. */
  order: Uint32Array;
  datasetId: number;
  dataTable: string;
  fingerprint: string;
}

interface ViewCache {
  /** Insertion order is recency order: the first entry is the least recently used. */
  views: Map<string, CachedView>;
  nextId: number;
}

const caches = new WeakMap<Database.Database, ViewCache>();

function cacheOf(db: Database.Database): ViewCache {
  let c = caches.get(db);
  if (!c) {
    c = { views: new Map(), nextId: 1 };
    caches.set(db, c);
  }
  return c;
}

function badInput(message: string): ApiError {
  return new ApiError('bad-input', message);
}

/** Checks the query's shape (for callers that skipped the API's schema) and its columns against the dataset. */
function checkQuery(info: DatasetInfo, query: GridQuery): GridQuery {
  const parsed = parseGridQuery(query);
  if (!parsed.ok) throw badInput(`Invalid grid query: ${parsed.message}.`);
  const n = info.columns.length;
  for (const i of queryColumns(parsed.query)) {
    if (!info.columns.some((c) => c.index === i)) {
      throw badInput(
        `Column ${i} does not exist: dataset "${info.name}" has ${n} column${n === 1 ? '' : 's'}` +
          (n > 0 ? ` (0–${n - 1}).` : '.'),
      );
    }
  }
  return parsed.query;
}

function checkWindow(offset: number, limit: number): void {
  if (!Number.isInteger(offset) || offset < 0) throw badInput(`A page offset must be a whole number ≥ 0, not ${offset}.`);
  if (!Number.isInteger(limit) || limit < 0) throw badInput(`A page limit must be a whole number ≥ 0, not ${limit}.`);
}

function fingerprintOf(table: string, info: DatasetInfo): string {
  return `${table}|${info.rows}|${info.columns.map((c) => `${c.index}:${c.kind}`).join(',')}`;
}

// ---------------------------------------------------------------------------
// The view cache.

/** The key of a query's view of a dataset in its present state. */
export function viewKey(info: DatasetInfo, dataTable: string, query: GridQuery): string {
  return createHash('sha1')
    .update(fingerprintOf(dataTable, info))
    .update('\n')
    .update(JSON.stringify(canonicalQuery(query)))
    .digest('hex');
}

/**
 * True when `info` still describes its dataset as `db` holds it now, in all a
 * view depends on (row table, rows, column kinds): false once the dataset is
 * changed or deleted, or the connection closed (a view built meanwhile is stale).
 */
export function isCurrentState(db: Database.Database, info: DatasetInfo): boolean {
  if (!db.open) return false;
  let now: DatasetInfo;
  try {
    now = getDataset(db, info.id);
  } catch (e) {
    if (e instanceof ApiError && e.code === 'not-found') return false; // deleted
    throw e;
  }
  const table = dataTableOf(db, info.id);
  return fingerprintOf(table, now) === fingerprintOf(table, info);
}

/**
 * Drops cached views of datasets that are gone, and of earlier states of
 * `info`'s dataset, which can never be used again.
 */
function sweep(db: Database.Database, cache: ViewCache, info: DatasetInfo, fingerprint: string): void {
  for (const [k, v] of cache.views) if (v.datasetId === info.id && v.fingerprint !== fingerprint) cache.views.delete(k);
  const tables = new Set(
    (db.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name),
  );
  for (const [k, v] of cache.views) if (!tables.has(v.dataTable)) cache.views.delete(k);
}

/** The cached view of a non-identity query, made most recently used; undefined when not built. */
function cachedView(db: Database.Database, info: DatasetInfo, dataTable: string, query: GridQuery): CachedView | undefined {
  const cache = cacheOf(db);
  const key = viewKey(info, dataTable, query);
  const hit = cache.views.get(key);
  if (!hit) return undefined;
  cache.views.delete(key);
  cache.views.set(key, hit);
  return hit;
}

/** True when the view of `query` is built (pages need no build). */
export function hasView(db: Database.Database, info: DatasetInfo, query: GridQuery): boolean {
  const q = checkQuery(info, query);
  return isIdentityQuery(q) || cachedView(db, info, dataTableOf(db, info.id), q) !== undefined;
}

/**
 * Caches `order` (row ids in view order, as `readViewOrder` gives them,
 * possibly from another connection) as the view of `query`.
 */
export function installView(db: Database.Database, info: DatasetInfo, query: GridQuery, order: Uint32Array): void {
  const q = checkQuery(info, query);
  if (isIdentityQuery(q)) return;
  const dataTable = dataTableOf(db, info.id);
  const cache = cacheOf(db);
  const fingerprint = fingerprintOf(dataTable, info);
  sweep(db, cache, info, fingerprint);
  const key = viewKey(info, dataTable, q);
  cache.views.delete(key);
  cache.views.set(key, { id: cache.nextId++, order, datasetId: info.id, dataTable, fingerprint });
  while (cache.views.size > VIEW_CACHE_SIZE) cache.views.delete(cache.views.keys().next().value!);
}

/** The view of a non-identity query, built here, on this thread, on first use. */
function viewFor(db: Database.Database, info: DatasetInfo, dataTable: string, query: GridQuery): CachedView {
  const hit = cachedView(db, info, dataTable, query);
  if (hit) return hit;
  installView(db, info, query, readViewOrder(db, info, dataTable, query));
  return cachedView(db, info, dataTable, query)!;
}

// ---------------------------------------------------------------------------
// The API.

/**
 * Rows at positions [offset, offset + limit) of the filtered, sorted view
 * (fewer at its end), with their original row numbers.
 */
export function queryPage(
  db: Database.Database,
  info: DatasetInfo,
  query: GridQuery,
  offset: number,
  limit: number,
): QueryPage {
  const q = checkQuery(info, query);
  checkWindow(offset, limit);
  const dataTable = dataTableOf(db, info.id);
  if (isIdentityQuery(q)) {
    const n = Math.max(0, Math.min(limit, info.rows - offset));
    const columns = readColumns(db, info, offset, n);
    const got = columns.length ? columns[0].length : n;
    const rowNumbers = new Float64Array(got);
    for (let i = 0; i < got; i++) rowNumbers[i] = offset + 1 + i;
    return { rowNumbers, columns };
  }
  const view = viewFor(db, info, dataTable, q);
  const end = Math.min(offset + limit, view.order.length);
  const ids = offset < end ? view.order.subarray(offset, end) : new Uint32Array(0);
  const columns: Cell[][] = info.columns.map(() => []);
  if (ids.length) {
    const cols = info.columns.map((c) => storageColumn(c.index));
    const byId = new Map<number, Cell[]>();
    const stmt = db
      .prepare(`SELECT rowid${cols.length ? ', ' : ''}${cols.join(', ')} FROM main.${dataTable} WHERE rowid IN (SELECT value FROM json_each(?))`)
      .raw(true);
    for (const r of stmt.iterate(JSON.stringify(Array.from(ids))) as Iterable<Cell[]>) byId.set(r[0] as number, r);
    for (const id of ids) {
      const r = byId.get(id);
      if (!r) throw new Error(`Row ${id} of dataset "${info.name}" is missing from its row table.`);
      for (let j = 1; j < r.length; j++) columns[j - 1].push(r[j]);
    }
  }
  return { rowNumbers: Float64Array.from(ids), columns };
}

/** Rows in the filtered view. */
export function queryCount(db: Database.Database, info: DatasetInfo, query: GridQuery): number {
  const q = checkQuery(info, query);
  const dataTable = dataTableOf(db, info.id);
  if (isIdentityQuery(q)) return info.rows;
  return viewFor(db, info, dataTable, q).order.length;
}

/**
 * Where original row `rowNumber` (1-based) lands in the view, as a 0-based
 * position on the same scale as {@link queryPage}'s offset; null when the
 * filters leave it out or there is no such row.
 */
export function queryPosition(db: Database.Database, info: DatasetInfo, query: GridQuery, rowNumber: number): number | null {
  const q = checkQuery(info, query);
  const dataTable = dataTableOf(db, info.id);
  if (!Number.isInteger(rowNumber) || rowNumber < 1 || rowNumber > info.rows) return null;
  if (isIdentityQuery(q)) return rowNumber - 1;
  const i = viewFor(db, info, dataTable, q).order.indexOf(rowNumber);
  return i < 0 ? null : i;
}

/** Drops every cached view of a dataset; call after deleting or changing it. */
export function forgetDatasetViews(db: Database.Database, datasetId: number): void {
  const cache = caches.get(db);
  if (!cache) return;
  for (const [k, v] of cache.views) if (v.datasetId === datasetId) cache.views.delete(k);
}

/** Serial numbers of the cached views, least recently used first (for tests and diagnostics). */
export function cachedViewIds(db: Database.Database): number[] {
  return [...(caches.get(db)?.views.values() ?? [])].map((v) => v.id);
}

function uniqueFieldName(columns: readonly ColumnInfo[]): string {
  const taken = new Set(columns.map((c) => c.name));
  if (!taken.has(ROW_NUMBER_FIELD)) return ROW_NUMBER_FIELD;
  for (let i = 1; ; i++) if (!taken.has(`${ROW_NUMBER_FIELD}.${i}`)) return `${ROW_NUMBER_FIELD}.${i}`;
}

/**
 * A query page as one Arrow IPC stream: the dataset's columns, as
 * `encodeArrowPage` types them, then one more Float64 field holding the
 * original row numbers (see {@link ROW_NUMBER_FIELD}).
 */
export function encodeQueryPage(columns: readonly ColumnInfo[], page: QueryPage): Uint8Array {
  const n = page.rowNumbers.length;
  const rowColumn: ColumnInfo = {
    index: -1,
    name: uniqueFieldName(columns),
    kind: 'integer',
    inferredKind: 'integer',
    count: n,
    missing: 0,
    distinct: n,
  };
  return encodeArrowPage([...columns, rowColumn], [...page.columns, Array.from(page.rowNumbers)]);
}
