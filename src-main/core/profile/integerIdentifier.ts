import type { Factorized } from './factorize';

/** Integer text as pandas' CSV reader takes it for int64: an optional minus and digits, no leading zeros, no "+". */
const INTEGER_TEXT = /^-?(?:0|[1-9][0-9]*)$/;

/**
 * The values of an identifier column as numbers, when every one is an integer
 * a double holds exactly (|v| ≤ 2^53) — as `#` and `video_id` are stored — so
 * the profile can give pandas' dtype (int64) and numeric `describe()` while
 * the column stays an identifier. Missing rows are NaN. Null when any value
 * is not such an integer: pandas keeps those (`007`, `A-17`, 19-digit ids
 * beyond what a double holds exactly) as object, or as numbers we could not
 * reproduce exactly.
 */
export function integerIdentifierValues(f: Factorized<string>): Float64Array | null {
  const numbers = new Float64Array(f.uniques.length);
  for (let u = 0; u < f.uniques.length; u++) {
    const s = f.uniques[u];
    if (!INTEGER_TEXT.test(s)) return null;
    const v = Number(s);
    if (!Number.isSafeInteger(v)) return null;
    numbers[u] = v;
  }
  // Row order is kept: pandas' mean sums pairwise in row order, and so does describeNumeric.
  const values = new Float64Array(f.codes.length);
  for (let i = 0; i < values.length; i++) {
    const c = f.codes[i];
    values[i] = c < 0 ? NaN : numbers[c];
  }
  return values;
}
