/** The label formulas of scripts/fixtures/model_selection_fixtures.py (`labels`). */
export type LabelKind = 'binary6' | 'three' | 'odd' | 'balanced3';

export function labels(kind: string, n: number): Int32Array {
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (kind === 'binary6') y[i] = (i * 7919 + 13) % 97 < 6 ? 1 : 0;
    else if (kind === 'three') {
      const c = (i * 31 + 7) % 17;
      y[i] = c < 9 ? 2 : c < 14 ? 0 : 1;
    } else if (kind === 'odd') {
      const c = (i * 13 + 4) % 11;
      y[i] = c < 5 ? 5 : c < 8 ? -1 : 3;
    } else if (kind === 'balanced3') y[i] = i % 3;
    else throw new Error(`unknown labels ${kind}`);
  }
  return y;
}

/** Whole indices for moderate n, or the fixture's summary for large n. */
export interface IndexSummary {
  length: number;
  first: number[];
  last: number[];
  hash: number;
}

export type Indices = number[] | IndexSummary;

export function summarize(a: ArrayLike<number>): IndexSummary {
  let h = 0;
  for (let i = 0; i < a.length; i++) h = (h + a[i] * i) % 2147483648;
  const all = Array.from(a);
  return { length: all.length, first: all.slice(0, 20), last: all.slice(-20), hash: h };
}

/** `actual` in the fixture's form: a plain array when the fixture stored one. */
export function asStored(actual: ArrayLike<number>, stored: Indices): Indices {
  return Array.isArray(stored) ? Array.from(actual) : summarize(actual);
}
