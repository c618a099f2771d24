import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ApiError } from '../../core/api/errors';
import { encodeArrowPage, type Cell } from '../../core/data/arrowPage';
import type { ColumnInfo, DatasetInfo } from '../../core/data/columns';
import {
  canonicalQuery,
  isIdentityQuery,
  parseGridQuery,
  queryColumns,
  ROW_NUMBER_FIELD,
  type ContainsFilter,
  type Filter,
  type GridQuery,
  type InFilter,
} from '../../core/data/query';
import { dataTableOf, readColumns, storageColumn } from './datasets';

/**
 * Sorting, filtering and counting a dataset's rows in SQLite, for the grid.
 *
 * A query with no sort and no filter is the row table itself: pages are
 * rowid ranges. Any other query is materialized once, on first use, into a
 * TEMP table `assay_view_<n>(pos INTEGER PRIMARY KEY, rid)` holding the
 * view's row ids in view order; a page is then a `pos` range joined to the
 * row table by rowid, so the page at offset 900,000 costs what the first
 * page costs (`ORDER BY … LIMIT … OFFSET` would walk 900,000 rows each time).
 *
 * Views are cached per connection (an LRU of {@link VIEW_CACHE_SIZE}), keyed
 * by the dataset's row table, row count and column kinds plus the canonical
 * query: a changed dataset (another kind, so possibly converted values) or a
 * deleted one is never served from a stale view. TEMP tables live in the
 * connection's temp database (in memory: `temp_store = MEMORY`), not in the
 * project file; they are invisible to other connections and vanish with the
 * connection. Built outside a transaction they are written in their own
 * (temp-only) transaction, which takes no lock on the project file. Built
 * while an import holds its transaction open, they join it — and a
 * rollback would remove them, so every use first checks that the table is
 * still there and rebuilds it if not; tables a rollback brings back after a
 * drop are swept up later.
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

/** Views kept per connection; each is ~10-20 MB per million rows. */
export const VIEW_CACHE_SIZE = 4;

const VIEW_PREFIX = 'assay_view_';
const FOLD_FUNCTION = 'assay_casefold';

export interface QueryPage {
  /** Original 1-based row numbers (rowids) of the page's rows, in view order. */
  rowNumbers: Float64Array;
  /** One array per dataset column, in dataset order, as `readColumns` gives them. */
  columns: Cell[][];
}

interface CachedView {
  table: string;
  datasetId: number;
  dataTable: string;
  fingerprint: string;
  rows: number;
}

interface ViewCache {
  /** Insertion order is recency order: the first entry is the least recently used. */
  views: Map<string, CachedView>;
  nextId: number;
  folding: boolean;
}

const caches = new WeakMap<Database.Database, ViewCache>();

function cacheOf(db: Database.Database): ViewCache {
  let c = caches.get(db);
  if (!c) {
    c = { views: new Map(), nextId: 1, folding: false };
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
// SQL for a query. Identifiers are only ever `storageColumn(i)` for column
// indexes checked against the dataset, and our own table names; every value
// the analyst typed is a bound parameter.

interface SqlPart {
  sql: string;
  params: (number | string)[];
}

const TRUE_SPELLINGS: (number | string)[] = [1, 'True', 'true', 'TRUE'];
const FALSE_SPELLINGS: (number | string)[] = [0, 'False', 'false', 'FALSE'];

/** Stored values an `in` value stands for: the text itself, and the number whose text it is. */
function inCandidates(f: InFilter, kind: ColumnInfo['kind']): (number | string)[] {
  const out: (number | string)[] = [];
  for (const v of f.values) {
    out.push(v);
    if (v.trim() !== '') {
      const n = Number(v);
      if (Number.isFinite(n) && String(n) === v) out.push(n);
    }
    if (kind === 'boolean') {
      const lower = v.toLowerCase();
      if (lower === 'true' || lower === '1') out.push(...TRUE_SPELLINGS);
      if (lower === 'false' || lower === '0') out.push(...FALSE_SPELLINGS);
    }
  }
  return out;
}

/** `%`, `_` and the escape character itself, escaped for `LIKE … ESCAPE '\'`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

// eslint-disable-next-line no-control-regex
const ASCII_ONLY = /^[\x00-\x7f]*$/;

function containsPart(db: Database.Database, col: string, f: ContainsFilter): SqlPart {
  if (f.caseSensitive) return { sql: `instr(${col}, ?) > 0`, params: [f.text] };
  if (ASCII_ONLY.test(f.text)) return { sql: `${col} LIKE ? ESCAPE '\\'`, params: [`%${escapeLike(f.text)}%`] };
  const cache = cacheOf(db);
  if (!cache.folding) {
    db.function(FOLD_FUNCTION, { deterministic: true }, (v: unknown) =>
      v === null || v === undefined ? null : String(v).toLowerCase(),
    );
    cache.folding = true;
  }
  return { sql: `instr(${FOLD_FUNCTION}(${col}), ?) > 0`, params: [f.text.toLowerCase()] };
}

function filterPart(db: Database.Database, info: DatasetInfo, f: Filter): SqlPart {
  const col = storageColumn(f.column);
  switch (f.op) {
    case 'range': {
      const params: number[] = [];
      let sql = `typeof(${col}) IN ('integer', 'real')`;
      if (f.min !== undefined) {
        sql += ` AND ${col} >= ?`;
        params.push(f.min);
      }
      if (f.max !== undefined) {
        sql += ` AND ${col} <= ?`;
        params.push(f.max);
      }
      return { sql: `(${sql})`, params };
    }
    case 'in': {
      const kind = info.columns.find((c) => c.index === f.column)!.kind;
      const values = inCandidates(f, kind);
      // One parameter whatever the list's length: SQLite caps bound parameters at 32,766.
      const match = values.length ? `${col} IN (SELECT value FROM json_each(?))` : '0';
      const params = values.length ? [JSON.stringify(values)] : [];
      return { sql: f.includeMissing ? `(${match} OR ${col} IS NULL)` : `(${match})`, params };
    }
    case 'contains':
      return containsPart(db, col, f);
    case 'missing':
      return { sql: `${col} IS NULL`, params: [] };
    case 'present':
      return { sql: `${col} IS NOT NULL`, params: [] };
  }
}

function wherePart(db: Database.Database, info: DatasetInfo, query: GridQuery): SqlPart {
  if (query.filters.length === 0) return { sql: '', params: [] };
  const parts = query.filters.map((f) => filterPart(db, info, f));
  return { sql: ` WHERE ${parts.map((p) => p.sql).join(' AND ')}`, params: parts.flatMap((p) => p.params) };
}

/**
 * True when every value of an identifier column is an integer kept as text
 * (`[ws][+-]digits[ws]`): integers beyond ±2^53, which a double would round,
 * are stored as their exact text, and must still sort as numbers
 * (`9` before `10`, `-20` before `-3`), not as text.
 */
function isIntegerTextColumn(db: Database.Database, dataTable: string, col: string): boolean {
  const digits = `ltrim(trim(${col}), '+-')`;
  const other = db
    .prepare(
      `SELECT 1 FROM main.${dataTable} WHERE ${col} IS NOT NULL AND (typeof(${col}) <> 'text' OR ${digits} = '' OR ${digits} GLOB '*[^0-9]*' ` +
        `OR length(trim(${col})) - length(${digits}) > 1) LIMIT 1`,
    )
    .get();
  return other === undefined;
}

function orderPart(db: Database.Database, info: DatasetInfo, dataTable: string, query: GridQuery): string {
  if (!query.sort) return ' ORDER BY rowid';
  const col = storageColumn(query.sort.column);
  const asc = query.sort.descending ? 'DESC' : 'ASC';
  const desc = query.sort.descending ? 'ASC' : 'DESC';
  const kind = info.columns.find((c) => c.index === query.sort!.column)?.kind;
  if (kind === 'identifier' && isIntegerTextColumn(db, dataTable, col)) {
    // Numeric order of integer texts: negatives first; among them the longer magnitude
    // first, then the larger digits; then the others by magnitude length and digits.
    const negative = `(substr(trim(${col}), 1, 1) = '-')`;
    const magnitude = `ltrim(ltrim(trim(${col}), '+-'), '0')`;
    return (
      ` ORDER BY (${col} IS NULL), ${negative} ${desc}, ` +
      `CASE WHEN ${negative} THEN length(${magnitude}) END ${desc}, CASE WHEN ${negative} THEN ${magnitude} END ${desc}, ` +
      `length(${magnitude}) ${asc}, ${magnitude} ${asc}, rowid`
    );
  }
  // (col IS NULL) is 0 for values, 1 for missing: missing last whatever the direction.
  return ` ORDER BY (${col} IS NULL), ${col} ${asc}, rowid`;
}

// ---------------------------------------------------------------------------
// The view cache.

function tempTableExists(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM temp.sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

function dropTable(db: Database.Database, name: string): void {
  db.exec(`DROP TABLE IF EXISTS temp.${name}`);
}

/**
 * Drops cached views of datasets that are gone, and any view table no entry
 * knows (one a rolled-back transaction brought back). Outside transactions
 * only, so a sweep never writes into someone else's transaction.
 */
function sweep(db: Database.Database, cache: ViewCache): void {
  if (db.inTransaction) return;
  const tables = new Set(
    (db.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name),
  );
  for (const [key, v] of cache.views) {
    if (!tables.has(v.dataTable)) {
      cache.views.delete(key);
      dropTable(db, v.table);
    }
  }
  const known = new Set([...cache.views.values()].map((v) => v.table));
  const temps = db
    .prepare("SELECT name FROM temp.sqlite_master WHERE type = 'table' AND substr(name, 1, ?) = ?")
    .all(VIEW_PREFIX.length, VIEW_PREFIX) as { name: string }[];
  for (const t of temps) if (!known.has(t.name)) dropTable(db, t.name);
}

function evict(db: Database.Database, cache: ViewCache, key: string): void {
  const v = cache.views.get(key);
  if (!v) return;
  cache.views.delete(key);
  dropTable(db, v.table);
}

/** The materialized view for a non-identity query, built on first use. */
function viewFor(db: Database.Database, info: DatasetInfo, dataTable: string, query: GridQuery): CachedView {
  const cache = cacheOf(db);
  const fingerprint = fingerprintOf(dataTable, info);
  const key = createHash('sha1')
    .update(fingerprint)
    .update('\n')
    .update(JSON.stringify(canonicalQuery(query)))
    .digest('hex');

  // Views of an earlier state of this dataset can never be used again.
  for (const [k, v] of cache.views) if (v.datasetId === info.id && v.fingerprint !== fingerprint) evict(db, cache, k);

  const hit = cache.views.get(key);
  if (hit) {
    cache.views.delete(key);
    if (tempTableExists(db, hit.table)) {
      cache.views.set(key, hit); // most recently used
      return hit;
    }
    // A rolled-back transaction took the table with it: build it again.
  }

  sweep(db, cache);
  const table = `${VIEW_PREFIX}${cache.nextId++}`;
  const where = wherePart(db, info, query);
  const rows = db.transaction(() => {
    db.exec(`CREATE TEMP TABLE ${table} (pos INTEGER PRIMARY KEY, rid INTEGER NOT NULL)`);
    // Rows get pos 1, 2, … in the SELECT's order.
    const r = db
      .prepare(`INSERT INTO temp.${table} (rid) SELECT rowid FROM main.${dataTable}${where.sql}${orderPart(db, info, dataTable, query)}`)
      .run(...where.params);
    return r.changes;
  })();
  const view: CachedView = { table, datasetId: info.id, dataTable, fingerprint, rows };
  cache.views.set(key, view);
  while (cache.views.size > VIEW_CACHE_SIZE) evict(db, cache, cache.views.keys().next().value!);
  return view;
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
  const cols = info.columns.map((c) => `t.${storageColumn(c.index)}`);
  const stmt = db
    .prepare(
      `SELECT v.rid${cols.length ? ', ' : ''}${cols.join(', ')} FROM temp.${view.table} AS v ` +
        `CROSS JOIN main.${dataTable} AS t ON t.rowid = v.rid WHERE v.pos > ? AND v.pos <= ? ORDER BY v.pos`,
    )
    .raw(true);
  const rowNumbers: number[] = [];
  const columns: Cell[][] = info.columns.map(() => []);
  const end = Math.min(offset + limit, view.rows);
  if (end > offset) {
    for (const r of stmt.iterate(offset, end) as Iterable<Cell[]>) {
      rowNumbers.push(r[0] as number);
      for (let j = 1; j < r.length; j++) columns[j - 1].push(r[j]);
    }
  }
  return { rowNumbers: Float64Array.from(rowNumbers), columns };
}

/** Rows in the filtered view. */
export function queryCount(db: Database.Database, info: DatasetInfo, query: GridQuery): number {
  const q = checkQuery(info, query);
  const dataTable = dataTableOf(db, info.id);
  if (isIdentityQuery(q)) return info.rows;
  return viewFor(db, info, dataTable, q).rows;
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
  const view = viewFor(db, info, dataTable, q);
  const r = db.prepare(`SELECT pos FROM temp.${view.table} WHERE rid = ?`).pluck().get(rowNumber) as number | undefined;
  return r === undefined ? null : r - 1;
}

/** Drops every cached view of a dataset; call after deleting or changing it. */
export function forgetDatasetViews(db: Database.Database, datasetId: number): void {
  const cache = caches.get(db);
  if (!cache) return;
  for (const [k, v] of cache.views) if (v.datasetId === datasetId) evict(db, cache, k);
}

/** The TEMP tables cached views use now (for tests and diagnostics). */
export function cachedViewTables(db: Database.Database): string[] {
  return [...(caches.get(db)?.views.values() ?? [])].map((v) => v.table);
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
