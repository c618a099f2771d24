import { z } from 'zod';
import type { ColumnInfo } from './columns';

/**
 * A grid query: which rows of a dataset the EDA grid shows, and in what
 * order. Filters are combined with AND; the sort puts missing values last in
 * both directions (pandas `sort_values(na_position='last', kind='stable')`),
 * ties keep the file's row order.
 */

/** Most filters one query may hold. */
export const MAX_FILTERS = 20;
/** Longest `contains` text, and longest single `in` value. */
export const MAX_FILTER_TEXT = 500;
/** Most values one `in` filter may list. */
export const MAX_IN_VALUES = 10_000;

const column = z
  .number({ error: 'a column index must be a number' })
  .int('a column index must be a whole number')
  .min(0, 'a column index cannot be negative');

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

const rangeFilter = z
  .object({ column, op: z.literal('range'), min: finite.optional(), max: finite.optional() })
  .strict()
  .refine((f) => f.min === undefined || f.max === undefined || f.min <= f.max, {
    message: 'a range needs min ≤ max',
    path: ['max'],
  });

const inFilter = z
  .object({
    column,
    op: z.literal('in'),
    values: z
      .array(z.string().max(MAX_FILTER_TEXT, `a value can be at most ${MAX_FILTER_TEXT} characters`))
      .max(MAX_IN_VALUES, `an "in" filter can list at most ${MAX_IN_VALUES} values`),
    includeMissing: z.boolean().optional(),
  })
  .strict();

const containsFilter = z
  .object({
    column,
    op: z.literal('contains'),
    text: z.string().max(MAX_FILTER_TEXT, `the text to find can be at most ${MAX_FILTER_TEXT} characters`),
    caseSensitive: z.boolean().optional(),
  })
  .strict();

const missingFilter = z.object({ column, op: z.literal('missing') }).strict();
const presentFilter = z.object({ column, op: z.literal('present') }).strict();

export const FILTER_OPS = ['range', 'in', 'contains', 'missing', 'present'] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

export const filterSchema = z.discriminatedUnion(
  'op',
  [rangeFilter, inFilter, containsFilter, missingFilter, presentFilter],
  { error: `a filter's op must be one of ${FILTER_OPS.map((o) => `"${o}"`).join(', ')}` },
);

export const gridSortSchema = z.object({ column, descending: z.boolean() }).strict();

export const gridQuerySchema = z
  .object({
    sort: gridSortSchema.nullable().optional(),
    filters: z.array(filterSchema).max(MAX_FILTERS, `a query can hold at most ${MAX_FILTERS} filters`),
  })
  .strict();

export type Filter = z.infer<typeof filterSchema>;
export type RangeFilter = z.infer<typeof rangeFilter>;
export type InFilter = z.infer<typeof inFilter>;
export type ContainsFilter = z.infer<typeof containsFilter>;
export type GridSort = z.infer<typeof gridSortSchema>;
export type GridQuery = z.infer<typeof gridQuerySchema>;

/** The query that shows every row in file order. */
export const ALL_ROWS: GridQuery = { sort: null, filters: [] };

/** True when the query keeps every row in file order (no sort, no filter). */
export function isIdentityQuery(q: GridQuery): boolean {
  return !q.sort && q.filters.length === 0;
}

/** Every column index a query refers to, in the order they appear. */
export function queryColumns(q: GridQuery): number[] {
  const out = q.filters.map((f) => f.column);
  if (q.sort) out.push(q.sort.column);
  return out;
}

/**
 * The query with defaults filled in, `in` values de-duplicated and sorted and
 * filters in a fixed order, so two queries that select the same rows in the
 * same order give the same JSON (used as a cache key).
 */
export function canonicalQuery(q: GridQuery): GridQuery {
  const filters: Filter[] = q.filters.map((f): Filter => {
    switch (f.op) {
      case 'range': {
        const r: RangeFilter = { column: f.column, op: 'range' };
        if (f.min !== undefined) r.min = f.min;
        if (f.max !== undefined) r.max = f.max;
        return r;
      }
      case 'in':
        return {
          column: f.column,
          op: 'in',
          values: [...new Set(f.values)].sort(),
          includeMissing: f.includeMissing ?? false,
        };
      case 'contains':
        return { column: f.column, op: 'contains', text: f.text, caseSensitive: f.caseSensitive ?? false };
      default:
        return { column: f.column, op: f.op };
    }
  });
  const keyed = filters.map((f) => [JSON.stringify(f), f] as const);
  keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const unique = keyed.filter((k, i) => i === 0 || k[0] !== keyed[i - 1][0]).map((k) => k[1]);
  return {
    sort: q.sort ? { column: q.sort.column, descending: q.sort.descending } : null,
    filters: unique,
  };
}

/** Parses an untrusted query; the error lists what is wrong, field by field. */
export function parseGridQuery(input: unknown): { ok: true; query: GridQuery } | { ok: false; message: string } {
  const r = gridQuerySchema.safeParse(input);
  if (r.success) return { ok: true, query: r.data };
  const message = r.error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
  return { ok: false, message };
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/** How many `in` values to name before "and N more". */
const LISTED_VALUES = 3;

function describeFilter(f: Filter, name: string): string {
  switch (f.op) {
    case 'range':
      if (f.min !== undefined && f.max !== undefined) {
        return f.min === f.max
          ? `${name} = ${formatNumber(f.min)}`
          : `${name} between ${formatNumber(f.min)} and ${formatNumber(f.max)}`;
      }
      if (f.min !== undefined) return `${name} ≥ ${formatNumber(f.min)}`;
      if (f.max !== undefined) return `${name} ≤ ${formatNumber(f.max)}`;
      return `${name} is a number`;
    case 'in': {
      const shown = f.values.slice(0, LISTED_VALUES).map((v) => (v === '' ? '""' : v));
      const more = f.values.length - shown.length;
      let list = shown.join(', ');
      if (more > 0) list += ` and ${formatNumber(more)} more`;
      if (f.includeMissing) return f.values.length ? `${name} in ${list} or missing` : `${name} is missing`;
      return f.values.length ? `${name} in ${list}` : `${name} in (nothing)`;
    }
    case 'contains':
      return `${name} contains ${JSON.stringify(f.text)}${f.caseSensitive ? ' (match case)' : ''}`;
    case 'missing':
      return `${name} is missing`;
    case 'present':
      return `${name} is present`;
  }
}

/**
 * A short sentence for the grid's status line, e.g.
 * `video_view_count between 1,000 and 50,000 · claim_status in claim · sorted by video_view_count, descending`.
 */
export function describeQuery(q: GridQuery, columns: readonly Pick<ColumnInfo, 'index' | 'name'>[]): string {
  const nameOf = (i: number) => columns.find((c) => c.index === i)?.name ?? `column ${i}`;
  const parts = q.filters.map((f) => describeFilter(f, nameOf(f.column)));
  if (q.sort) parts.push(`sorted by ${nameOf(q.sort.column)}, ${q.sort.descending ? 'descending' : 'ascending'}`);
  return parts.length ? parts.join(' · ') : 'all rows';
}

/**
 * Name of the extra, last field of a query page's Arrow batch that holds each
 * row's original 1-based row number (a dataset column of the same name makes
 * it `__row_number__.1`, and so on; read it by position, not by name).
 */
export const ROW_NUMBER_FIELD = '__row_number__';
