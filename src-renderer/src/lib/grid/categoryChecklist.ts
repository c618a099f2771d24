import type { ColumnInfo } from '../../../../src-main/core/data/columns';
import type { Filter } from '../../../../src-main/core/data/query';
import type { ColumnProfileView } from '../../../../src-main/core/profile/profileView';
import { formatCount } from './format';
import type { Parsed } from './gridQuery';

/**
 * The category filter as a checklist: the column's values with their counts
 * (from the profile), narrowed by a search, ticked into the grid's `in`
 * filter. Missing values are one more item, so "NA" never has to be typed.
 */

export type ChecklistItem = { key: string; label: string; count: number | null } & ({ missing: false; value: string } | { missing: true });

/** The key of the "missing" item: import refuses NUL, so no value can be it. */
export const MISSING_KEY = '\u0000missing';
const valueKey = (v: string) => `=${v}`;

export interface Checklist {
  items: ChecklistItem[];
  /** Distinct values the list leaves out (beyond the profile's listed values). */
  notListed: number;
}

function valueItem(value: string, count: number | null): ChecklistItem {
  return { key: valueKey(value), label: value, count, missing: false, value };
}

/**
 * The values to tick: a boolean's True and False (counted from its mean), a
 * category's value counts, then "(missing)" when there are missing values.
 * Values an existing filter names that the list lacks come first, so
 * reopening a filter never drops what it holds. Null when the values are not
 * known yet (the profile is still being computed).
 */
export function checklistOf(column: Pick<ColumnInfo, 'kind' | 'missing'>, profile: ColumnProfileView | null, filter?: Filter): Checklist | null {
  let items: ChecklistItem[];
  let notListed = 0;
  let missing = column.missing;
  if (column.kind === 'boolean') {
    const d = profile?.type === 'number' ? profile.describe : null;
    const count = d?.count ?? null;
    const trues = d && d.mean !== null && count !== null ? Math.round(d.mean * count) : null;
    items = [valueItem('True', trues), valueItem('False', trues !== null && count !== null ? count - trues : null)];
    if (profile) missing = profile.missing;
  } else {
    if (!profile || profile.type !== 'string') return null;
    const counts = profile.valueCounts ?? profile.top;
    items = counts.values.map((v, i) => valueItem(String(v), counts.counts[i]));
    notListed = Math.max(0, (profile.describe.unique ?? 0) - counts.values.length);
    missing = profile.missing;
  }
  if (filter?.op === 'in') {
    const known = new Set(items.map((x) => x.key));
    const extra = filter.values.filter((v) => !known.has(valueKey(v))).map((v) => valueItem(v, null));
    items = [...extra, ...items];
  }
  if (missing > 0 || (filter?.op === 'in' && filter.includeMissing)) items.push({ key: MISSING_KEY, label: '(missing)', count: missing, missing: true });
  return { items, notListed };
}

/** The items whose label contains the search text, ignoring case and surrounding spaces. */
export function searchItems(items: readonly ChecklistItem[], search: string): ChecklistItem[] {
  const q = search.trim().toLocaleLowerCase();
  if (q === '') return [...items];
  return items.filter((x) => x.label.toLocaleLowerCase().includes(q));
}

/** The ticked keys an existing filter stands for (nothing ticked without one). */
export function initialSelection(filter: Filter | undefined): Set<string> {
  const out = new Set<string>();
  if (filter?.op !== 'in') return out;
  for (const v of filter.values) out.add(valueKey(v));
  if (filter.includeMissing) out.add(MISSING_KEY);
  return out;
}

/** The selection with `key` ticked or unticked. */
export function toggled(selection: ReadonlySet<string>, key: string): Set<string> {
  const out = new Set(selection);
  if (out.has(key)) out.delete(key);
  else out.add(key);
  return out;
}

/** "Select all" / "Select none" act on the items shown, so a search narrows them, as in a spreadsheet's filter. */
export function withAll(selection: ReadonlySet<string>, shown: readonly ChecklistItem[], ticked: boolean): Set<string> {
  const out = new Set(selection);
  for (const x of shown) {
    if (ticked) out.add(x.key);
    else out.delete(x.key);
  }
  return out;
}

/** The ticked items as the grid's `in` filter, values in the list's order. */
export function checklistFilter(col: number, items: readonly ChecklistItem[], selection: ReadonlySet<string>): Parsed<Filter> {
  const values: string[] = [];
  let includeMissing = false;
  for (const x of items) {
    if (!selection.has(x.key)) continue;
    if (x.missing) includeMissing = true;
    else values.push(x.value);
  }
  if (values.length === 0 && !includeMissing) return { ok: false, error: 'Tick one or more values' };
  return { ok: true, value: { column: col, op: 'in', values, includeMissing } };
}

/** What the list leaves out, said under it; null when it lists every value. */
export function notListedNote(list: Checklist): string | null {
  if (list.notListed === 0) return null;
  const listed = list.items.filter((x) => !x.missing).length;
  return `The ${formatCount(listed)} most frequent values are listed; ${formatCount(list.notListed)} rarer ${list.notListed === 1 ? 'one is' : 'ones are'} not.`;
}

/** "claim (9,608)": an item as its checkbox reads; the count is left out while unknown. */
export function itemText(item: ChecklistItem): { label: string; count: string } {
  return { label: item.label, count: item.count === null ? '' : formatCount(item.count) };
}
