import type Database from 'better-sqlite3';
import type { ColumnInfo, DatasetInfo } from '../../core/data/columns';
import type { ContainsFilter, Filter, GridQuery, InFilter } from '../../core/data/query';
import { storageColumn } from './datasets';

/**
 * The SQL of a grid query (see query.ts for its semantics): the WHERE of its
 * filters and the ORDER BY of its sort, shared by the host's connection and
 * the view-building thread's, so both order rows the same way.
 */

const FOLD_FUNCTION = 'assay_casefold';
/** Connections that have the case-folding function registered. */
const folding = new WeakSet<Database.Database>();

// ---------------------------------------------------------------------------
// SQL for a query. Identifiers are only ever `storageColumn(i)` for column
// indexes checked against the dataset, and our own table names; every value
// the analyst typed is a bound parameter.

export interface SqlPart {
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
  if (!folding.has(db)) {
    db.function(FOLD_FUNCTION, { deterministic: true }, (v: unknown) =>
      v === null || v === undefined ? null : String(v).toLowerCase(),
    );
    folding.add(db);
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

export function wherePart(db: Database.Database, info: DatasetInfo, query: GridQuery): SqlPart {
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

export function orderPart(db: Database.Database, info: DatasetInfo, dataTable: string, query: GridQuery): string {
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


/**
 * `SELECT rowid` of the rows a query keeps, in its order. `scanned`, when
 * given, is a condition evaluated first on every row the scan reads (a
 * progress counter).
 */
export function viewOrderSql(db: Database.Database, info: DatasetInfo, dataTable: string, query: GridQuery, scanned?: string): SqlPart {
  const where = wherePart(db, info, query);
  const conditions = [scanned, where.sql.replace(/^ WHERE /, '')].filter((c) => c);
  const sql =
    `SELECT rowid FROM main.${dataTable}` +
    (conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '') +
    orderPart(db, info, dataTable, query);
  return { sql, params: where.params };
}
