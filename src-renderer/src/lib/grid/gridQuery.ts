import type { ColumnInfo, ColumnKind } from '../../../../src-main/core/data/columns';
import { describeQuery, type Filter, type GridQuery } from '../../../../src-main/core/data/query';

/** The grid's query helpers: sort cycling, one filter per column, editor input parsing. */

export type SortState = 'ascending' | 'descending' | 'none';

/** The `aria-sort` state of column `col` under `query`. */
export function sortStateOf(query: GridQuery, col: number): SortState {
  if (!query.sort || query.sort.column !== col) return 'none';
  return query.sort.descending ? 'descending' : 'ascending';
}

/** Clicking a column's name: ascending → descending → none (another column starts at ascending). */
export function cycleSort(query: GridQuery, col: number): GridQuery {
  const state = sortStateOf(query, col);
  const sort =
    state === 'none' ? { column: col, descending: false } : state === 'ascending' ? { column: col, descending: true } : null;
  return { ...query, sort };
}

/** The filter on column `col`, if any (the grid keeps at most one per column). */
export function filterOn(query: GridQuery, col: number): Filter | undefined {
  return query.filters.find((f) => f.column === col);
}

/** Replaces column `filter.column`'s filter (or adds it). */
export function withFilter(query: GridQuery, filter: Filter): GridQuery {
  const filters = query.filters.filter((f) => f.column !== filter.column);
  return { ...query, filters: [...filters, filter] };
}

/** Drops column `col`'s filter. */
export function withoutFilter(query: GridQuery, col: number): GridQuery {
  return { ...query, filters: query.filters.filter((f) => f.column !== col) };
}

/** One filter as a chip's text, e.g. `claim_status in claim`. */
export function describeFilter(filter: Filter, columns: readonly Pick<ColumnInfo, 'index' | 'name'>[]): string {
  return describeQuery({ sort: null, filters: [filter] }, columns);
}

export type FilterEditorKind = 'range' | 'in' | 'contains';

/** Which editor a column's filter button opens. */
export function filterEditorKind(kind: ColumnKind): FilterEditorKind {
  if (kind === 'integer' || kind === 'float') return 'range';
  if (kind === 'categorical' || kind === 'boolean') return 'in';
  return 'contains';
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** A number typed in an input: empty is "no bound"; thousands separators are allowed. */
export function parseNumberInput(text: string): Parsed<number | undefined> {
  const t = text.trim().replace(/[,_\s]/g, '');
  if (t === '') return { ok: true, value: undefined };
  const n = Number(t);
  if (!Number.isFinite(n)) return { ok: false, error: `"${text.trim()}" is not a number` };
  return { ok: true, value: n };
}

/** The min/max inputs of a numeric column's filter as a `range` filter. */
export function parseRangeFilter(col: number, minText: string, maxText: string): Parsed<Filter> {
  const min = parseNumberInput(minText);
  if (!min.ok) return { ok: false, error: `Min: ${min.error}` };
  const max = parseNumberInput(maxText);
  if (!max.ok) return { ok: false, error: `Max: ${max.error}` };
  if (min.value === undefined && max.value === undefined) return { ok: false, error: 'Enter a min, a max or both' };
  if (min.value !== undefined && max.value !== undefined && min.value > max.value) {
    return { ok: false, error: 'Min must not be greater than max' };
  }
  const f: Filter = { column: col, op: 'range' };
  if (min.value !== undefined) f.min = min.value;
  if (max.value !== undefined) f.max = max.value;
  return { ok: true, value: f };
}

/** Comma-separated values (`NA` stands for missing) as an `in` filter. */
export function parseInFilter(col: number, text: string): Parsed<Filter> {
  const parts = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const includeMissing = parts.some((p) => p === 'NA');
  const values = [...new Set(parts.filter((p) => p !== 'NA'))];
  if (values.length === 0 && !includeMissing) return { ok: false, error: 'Enter one or more values, separated by commas' };
  return { ok: true, value: { column: col, op: 'in', values, includeMissing } };
}

/** A "contains" text field as a `contains` filter. */
export function parseContainsFilter(col: number, text: string, caseSensitive = false): Parsed<Filter> {
  if (text === '') return { ok: false, error: 'Enter the text to find' };
  if (text.length > 500) return { ok: false, error: 'The text can be at most 500 characters' };
  return { ok: true, value: { column: col, op: 'contains', text, caseSensitive } };
}

/** The editor's initial text for an existing filter. */
export function filterInputs(filter: Filter | undefined): { min: string; max: string; text: string } {
  const out = { min: '', max: '', text: '' };
  if (!filter) return out;
  if (filter.op === 'range') {
    out.min = filter.min === undefined ? '' : String(filter.min);
    out.max = filter.max === undefined ? '' : String(filter.max);
  } else if (filter.op === 'in') {
    out.text = [...filter.values, ...(filter.includeMissing ? ['NA'] : [])].join(', ');
  } else if (filter.op === 'contains') {
    out.text = filter.text;
  }
  return out;
}

/** A typed row number ("19,000") as a 1-based row, or an error. */
export function parseRowNumber(text: string, rows: number): Parsed<number> {
  const t = text.trim().replace(/[,_\s]/g, '');
  if (t === '') return { ok: false, error: 'Type a row number' };
  const n = Number(t);
  if (!Number.isInteger(n) || n < 1) return { ok: false, error: `"${text.trim()}" is not a row number` };
  if (n > rows) return { ok: false, error: `There are only ${rows.toLocaleString('en-US')} rows` };
  return { ok: true, value: n };
}
