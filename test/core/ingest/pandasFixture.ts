/**
 * What pandas' read_csv really does, recorded by scripts/fixtures/ingest_fixtures.py
 * (Python is not needed here), and the check that imported values match it:
 * shared by the parser-level test (test/core/ingest/pandasParity.test.ts) and
 * the end-to-end one through a real import (test/node/ingest/pandasParityImport.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ColumnKind } from '../../../src-main/core/data/columns';

export type Cell = string | number | boolean | bigint | null;
export interface Case {
  name: string;
  csv: string;
  columns: string[];
  dtypes: string[];
  rows: Cell[][];
}

const BIG = '\u0000bigint:';

/**
 * JSON.parse, except that integers a double cannot hold (pandas' uint64
 * `18446744073709551615`) come back as exact bigints: the fixture is the
 * reference, so it must not be rounded on the way in either.
 */
function parseLossless(text: string): unknown {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400))!;
      const token = m[0];
      const exactInteger = /^-?\d+$/.test(token) && !Number.isSafeInteger(Number(token));
      out += exactInteger ? JSON.stringify(BIG + token) : token;
      i += token.length;
    } else {
      out += c;
      i++;
    }
  }
  return JSON.parse(out, (_k, v: unknown) => (typeof v === 'string' && v.startsWith(BIG) ? BigInt(v.slice(BIG.length)) : v));
}

export const fixture = parseLossless(readFileSync(join(__dirname, '../../fixtures/ingest/pandas_read_csv.json'), 'utf8')) as {
  pandas: string;
  cases: Case[];
};

/** pandas writes ±inf as strings in the JSON fixture. */
function pandasNumber(v: Cell): number | bigint {
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  return v as number | bigint;
}

function acceptableKinds(dtype: string, values: Cell[]): ColumnKind[] {
  const present = values.filter((v) => v !== null);
  const hasMissing = present.length < values.length;
  if (dtype.startsWith('int') || dtype.startsWith('uint')) return ['integer', 'identifier'];
  if (dtype === 'bool') return ['boolean'];
  if (dtype.startsWith('float')) {
    // Deliberate differences: pandas turns an integer column with gaps into float64 and
    // calls an all-missing column float64; Assay keeps 'integer' and says 'text'.
    if (present.length === 0) return ['text'];
    return hasMissing ? ['float', 'integer'] : ['float'];
  }
  // object: pandas gives up on bools with gaps too; Assay still calls them boolean.
  if (hasMissing && present.length > 0 && present.every((v) => typeof v === 'boolean')) return ['boolean'];
  return ['categorical', 'text', 'identifier'];
}

/**
 * Checks stored (or grid) values and inferred kinds against pandas' for one
 * case: `rows` row by row, `kinds` per column.
 */
export function expectLikePandas(c: Case, got: { rows: (number | string | boolean | null)[][]; kinds: ColumnKind[] }): void {
  c.columns.forEach((name, j) => {
    const expected = c.rows.map((r) => r[j]);
    const dtype = c.dtypes[j];
    const exactText = expected.some((v) => typeof v === 'bigint');
    if (exactText) expect(got.kinds[j], `${c.name}: ${name}`).toBe('identifier');
    got.rows.forEach((row, i) => {
      const stored = row[j];
      const want = expected[i];
      const where = `${c.name} row ${i + 1} column ${name} (stored ${JSON.stringify(stored)})`;
      if (want === null) {
        expect(stored, where).toBeNull();
        return;
      }
      expect(stored, where).not.toBeNull();
      if (dtype.startsWith('int') || dtype.startsWith('uint') || dtype.startsWith('float')) {
        const value = pandasNumber(want);
        if (exactText) {
          // A column with integers beyond 2^53 keeps every value as its exact digits, never as a rounded double.
          expect(typeof stored, where).toBe('string');
          expect(BigInt(stored as string), where).toBe(BigInt(value));
        } else {
          expect(stored, where).toBe(value);
        }
      } else if (typeof want === 'boolean') {
        expect(String(stored).toLowerCase(), where).toBe(String(want));
      } else {
        // pandas keeps the text: so must the store (a number only when its text is exactly that number).
        expect(String(stored), where).toBe(want);
      }
    });
    expect(acceptableKinds(dtype, expected), `${c.name}: ${name} is ${got.kinds[j]}`).toContain(got.kinds[j]);
  });
}
