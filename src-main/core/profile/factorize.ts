/**
 * Codes for the distinct values of a column, in order of first appearance
 * (as pandas' hash tables keep them): the basis of `unique`, `top`/`freq`,
 * value counts, group keys and the row hashes of `duplicated()`.
 */
export interface Factorized<T extends string | number = string | number> {
  /** Per row: index into `uniques`, or -1 when the value is missing. */
  codes: Int32Array;
  uniques: T[];
  /** Rows holding each unique value. */
  counts: Float64Array;
  missing: number;
}

export function factorizeStrings(values: readonly (string | null)[]): Factorized<string> {
  const n = values.length;
  const codes = new Int32Array(n);
  const index = new Map<string, number>();
  const uniques: string[] = [];
  let counts = new Float64Array(64);
  let missing = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null) {
      codes[i] = -1;
      missing++;
      continue;
    }
    let c = index.get(v);
    if (c === undefined) {
      c = uniques.length;
      index.set(v, c);
      uniques.push(v);
      if (c >= counts.length) {
        const grown = new Float64Array(counts.length * 2);
        grown.set(counts);
        counts = grown;
      }
    }
    codes[i] = c;
    counts[c]++;
  }
  return { codes, uniques, counts: counts.slice(0, uniques.length), missing };
}

/** Numbers compare by value: -0 and +0 are one value, NaN is missing. */
export function factorizeNumbers(values: Float64Array): Factorized<number> {
  const n = values.length;
  const codes = new Int32Array(n);
  const index = new Map<number, number>();
  const uniques: number[] = [];
  let counts = new Float64Array(64);
  let missing = 0;
  for (let i = 0; i < n; i++) {
    let v = values[i];
    if (v !== v) {
      codes[i] = -1;
      missing++;
      continue;
    }
    if (v === 0) v = 0;
    let c = index.get(v);
    if (c === undefined) {
      c = uniques.length;
      index.set(v, c);
      uniques.push(v);
      if (c >= counts.length) {
        const grown = new Float64Array(counts.length * 2);
        grown.set(counts);
        counts = grown;
      }
    }
    codes[i] = c;
    counts[c]++;
  }
  return { codes, uniques, counts: counts.slice(0, uniques.length), missing };
}
