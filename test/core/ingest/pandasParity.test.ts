/**
 * Checks the ingest core against what pandas' read_csv really does, on cases
 * recorded by scripts/fixtures/ingest_fixtures.py (Python is not needed here).
 */
import { describe, expect, it } from 'vitest';
import type { ColumnKind } from '../../../src-main/core/data/columns';
import { CsvTokenizer } from '../../../src-main/core/ingest/csvTokenizer';
import { dedupeHeader } from '../../../src-main/core/ingest/header';
import { ColumnProfiler, inferKind, toStoredValue } from '../../../src-main/core/ingest/inference';
import { isMissing } from '../../../src-main/core/ingest/missing';
import fixture from '../../fixtures/ingest/pandas_read_csv.json';

type Cell = string | number | boolean | null;
interface Case {
  name: string;
  csv: string;
  columns: string[];
  dtypes: string[];
  rows: Cell[][];
}

function parse(csv: string): { header: string[]; rows: string[][] } {
  const t = new CsvTokenizer({ delimiter: ',', file: 'case.csv' });
  const all: string[][] = [];
  const onRow = (f: string[]): void => {
    all.push(f.slice());
  };
  t.push(csv, onRow);
  t.end(onRow);
  return { header: all[0], rows: all.slice(1) };
}

/** pandas writes ±inf as strings in the JSON fixture. */
function pandasNumber(v: Cell): number {
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  return v as number;
}

/** A numeric token's value, with pandas' inf/infinity spellings (which JS's Number() rejects). */
function tokenNumber(raw: string): number {
  const t = raw.trim();
  const m = /^([+-]?)(inf|infinity)$/i.exec(t);
  if (m) return m[1] === '-' ? -Infinity : Infinity;
  return Number(t);
}

function acceptableKinds(dtype: string, values: Cell[], kindOfPresent: (v: Cell) => string): ColumnKind[] {
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
  if (hasMissing && present.length > 0 && present.every((v) => kindOfPresent(v) === 'boolean')) return ['boolean'];
  return ['categorical', 'text', 'identifier'];
}

describe(`pandas ${fixture.pandas} read_csv parity`, () => {
  for (const c of fixture.cases as Case[]) {
    it(c.name, () => {
      const { header, rows } = parse(c.csv);
      expect(dedupeHeader(header)).toEqual(c.columns);
      expect(rows.length).toBe(c.rows.length);

      c.columns.forEach((name, j) => {
        const raws = rows.map((r) => r[j]);
        const expected = c.rows.map((r) => r[j]);
        const profiler = new ColumnProfiler();
        raws.forEach((raw, i) => {
          profiler.observe(raw);
          const want = expected[i];
          const where = `${c.name} row ${i + 1} column ${name} (${JSON.stringify(raw)})`;
          expect(isMissing(raw), where).toBe(want === null);
          const stored = toStoredValue(raw);
          if (want === null) {
            expect(stored, where).toBeNull();
            return;
          }
          const dtype = c.dtypes[j];
          if (dtype.startsWith('int') || dtype.startsWith('uint') || dtype.startsWith('float')) {
            expect(tokenNumber(raw), where).toBe(pandasNumber(want));
            if (typeof stored === 'number') expect(stored, where).toBe(pandasNumber(want));
          } else if (dtype === 'bool' || typeof want === 'boolean') {
            expect(raw.toLowerCase(), where).toBe(String(want).toLowerCase());
          } else {
            expect(raw, where).toBe(want);
          }
        });
        const kind = inferKind(profiler.summary(), name, rows.length);
        const kindOfPresent = (v: Cell): string => (typeof v === 'boolean' ? 'boolean' : 'other');
        expect(acceptableKinds(c.dtypes[j], expected, kindOfPresent), `${c.name}: ${name} is ${kind}`).toContain(kind);
      });
    });
  }
});
