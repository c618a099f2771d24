/**
 * pandas' default `na_values` (pandas 2.x `pandas._libs.parsers.STR_NA_VALUES`).
 * Matching is exact: pandas does not trim cells before the lookup, so `' NA'`
 * is a value, not a missing marker. `'None'` joined the set in pandas 2.0.
 */
export const PANDAS_NA_VALUES: ReadonlySet<string> = new Set([
  '',
  '#N/A',
  '#N/A N/A',
  '#NA',
  '-1.#IND',
  '-1.#QNAN',
  '-NaN',
  '-nan',
  '1.#IND',
  '1.#QNAN',
  '<NA>',
  'N/A',
  'NA',
  'NULL',
  'NaN',
  'None',
  'n/a',
  'nan',
  'null',
]);

/** Longest marker ('#N/A N/A'); lets long cells skip the hash lookup. */
const MAX_NA_LENGTH = 8;

/** True when a raw cell is one of pandas' default missing-value markers. */
export function isMissing(raw: string): boolean {
  const n = raw.length;
  if (n === 0) return true;
  if (n > MAX_NA_LENGTH) return false;
  // Every marker starts with one of # - 1 < N n: other cells skip the hash lookup.
  const c = raw.charCodeAt(0);
  if (c !== 78 && c !== 110 && c !== 35 && c !== 45 && c !== 49 && c !== 60) return false;
  return PANDAS_NA_VALUES.has(raw);
}
