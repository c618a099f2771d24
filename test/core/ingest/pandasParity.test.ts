/**
 * Checks the ingest core against what pandas' read_csv really does, on cases
 * recorded by scripts/fixtures/ingest_fixtures.py (Python is not needed here).
 * Every value goes through the product's path: the CSV's bytes into
 * DelimitedParser (what importDelimited runs, on a worker or not), the
 * stored cells out of its batches, the kind from inferKind.
 */
import { describe, expect, it } from 'vitest';
import type { ColumnKind } from '../../../src-main/core/data/columns';
import { CELL_NULL, CELL_NUMBER, DelimitedParser } from '../../../src-main/core/ingest/delimitedParser';
import { inferKind } from '../../../src-main/core/ingest/inference';
import { expectLikePandas, fixture } from './pandasFixture';

interface Imported {
  header: string[];
  /** Stored cells, row by row, as the row table receives them. */
  rows: (number | string | null)[][];
  kinds: ColumnKind[];
}

/** The CSV as importDelimited parses it, fed in small chunks. */
function importCsv(csv: string): Imported {
  const bytes = new TextEncoder().encode(csv);
  const rows: (number | string | null)[][] = [];
  const parser = new DelimitedParser({
    encoding: 'utf-8',
    skip: 0,
    file: 'case.csv',
    total: bytes.length,
    batchRows: 2,
    onBatch: (b) => {
      let s = 0;
      for (let r = 0; r < b.rows; r++) {
        const row: (number | string | null)[] = [];
        for (let j = 0; j < b.width; j++) {
          const k = r * b.width + j;
          row.push(b.tags[k] === CELL_NULL ? null : b.tags[k] === CELL_NUMBER ? b.nums[k] : b.strings[s++]);
        }
        rows.push(row);
      }
    },
  });
  for (let i = 0; i < bytes.length; i += 7) parser.push(bytes.subarray(i, i + 7));
  const summary = parser.end();
  const header = summary.header!;
  return { header, rows, kinds: header.map((name, j) => inferKind(summary.stats[j], name, summary.rows)) };
}

describe(`pandas ${fixture.pandas} read_csv parity`, () => {
  it('reads the fixture without rounding its 64-bit integers', () => {
    const numbers = fixture.cases.find((c) => c.name === 'numbers')!;
    expect(numbers.rows[0][numbers.columns.indexOf('big')]).toBe(18446744073709551615n);
  });

  for (const c of fixture.cases) {
    it(c.name, () => {
      const got = importCsv(c.csv);
      expect(got.header).toEqual(c.columns);
      expect(got.rows.length).toBe(c.rows.length);
      expectLikePandas(c, got);
    });
  }
});
