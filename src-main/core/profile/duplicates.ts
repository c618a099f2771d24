import { column, type Frame } from '../recipe/frame';
import type { Factorized } from './factorize';
import { factorizeStrings } from './factorize';

/**
 * `DataFrame.duplicated()` over the given columns (all by default): a row is
 * a duplicate when an earlier row has equal values in every column, missing
 * values being equal to each other (and -0 to +0) as in pandas.
 *
 * Rows are hashed (text columns through their factorization codes, numbers
 * through their bits) into an open-addressing table; rows whose hashes meet
 * are compared exactly, so a hash collision never makes a false duplicate.
 * A column whose values are all present and distinct rules duplicates out at
 * once: text columns are checked through their factorization, and callers
 * that know a numeric column is such a key say so with `distinctKey`.
 */
export interface Duplicates {
  /** `duplicated().sum()`. */
  count: number;
  /** 1 on each duplicate row (first occurrences are 0). */
  mask: Uint8Array;
}

type Key = { type: 'number'; values: Float64Array } | { type: 'codes'; values: Int32Array; distinct: number };

export interface DuplicateOptions {
  /** Columns compared (default: all). */
  columns?: readonly string[];
  /** Factorizations of text columns already computed. */
  factorized?: ReadonlyMap<string, Factorized>;
  /** Set when one of the compared columns is known to hold distinct, non-missing values. */
  distinctKey?: boolean;
}

export function duplicatedRows(frame: Frame, options: DuplicateOptions = {}): Duplicates {
  const n = frame.rows;
  const names = options.columns ?? frame.names;
  const keys: Key[] = names.map((name) => {
    const c = column(frame, name);
    if (c.type === 'number') return { type: 'number', values: c.values };
    const f = options.factorized?.get(name) ?? factorizeStrings(c.values);
    return { type: 'codes', values: f.codes, distinct: f.missing === 0 ? f.uniques.length : -1 };
  });
  const mask = new Uint8Array(n);
  if (n === 0 || options.distinctKey) return { count: 0, mask };
  if (keys.some((k) => k.type === 'codes' && k.distinct === n)) return { count: 0, mask };
  if (keys.length === 0) {
    // pandas: with no columns every row after the first equals the first.
    mask.fill(1, 1);
    return { count: n - 1, mask };
  }
  const hashes = rowHashes(keys, n);
  let size = 1;
  while (size < 2 * n) size <<= 1;
  const slots = new Int32Array(size).fill(-1);
  const bits = size - 1;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const h = hashes[i];
    let s = h & bits;
    for (;;) {
      const j = slots[s];
      if (j < 0) {
        slots[s] = i;
        break;
      }
      if (hashes[j] === h && rowsEqual(keys, i, j)) {
        mask[i] = 1;
        count++;
        break;
      }
      s = (s + 1) & bits;
    }
  }
  return { count, mask };
}

function mix(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** murmur3-style 32-bit hash of each row's key values. */
function rowHashes(keys: Key[], n: number): Uint32Array {
  const h = new Int32Array(n).fill(0x9747b28c);
  for (const key of keys) {
    if (key.type === 'codes') {
      const v = key.values;
      for (let i = 0; i < n; i++) h[i] = mix(h[i], v[i]);
    } else {
      const v = key.values;
      const bits = new Uint32Array(v.buffer, v.byteOffset, 2 * n);
      for (let i = 0; i < n; i++) {
        const x = v[i];
        if (x !== x) h[i] = mix(mix(h[i], 0x7ff80000), 0);
        else if (x === 0) h[i] = mix(mix(h[i], 0), 0);
        else h[i] = mix(mix(h[i], bits[2 * i]), bits[2 * i + 1]);
      }
    }
  }
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = finish(h[i]);
  return out;
}

function rowsEqual(keys: Key[], i: number, j: number): boolean {
  for (const key of keys) {
    const a = key.values[i];
    const b = key.values[j];
    if (a !== b && !(a !== a && b !== b)) return false;
  }
  return true;
}
