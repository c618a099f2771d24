/**
 * The bundled TikTok sample as the seed notebooks see it after
 * `pd.read_csv(...).dropna(axis=0)`, read with the repository's own ingest
 * pieces (no Python at test time). Fixture row positions index these rows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CsvTokenizer } from '../../../src-main/core/ingest/csvTokenizer';
import { isMissing } from '../../../src-main/core/ingest/missing';

export const SAMPLE_PATH = join(import.meta.dirname, '../../../resources/sample/tiktok_claims_sample.csv');

export interface SampleTable {
  header: string[];
  /** All rows, raw cells; `null` where pandas sees a missing value. */
  raw: (string | null)[][];
  /** The rows without any missing cell (pandas' `dropna(axis=0)`). */
  complete: string[][];
}

let cached: SampleTable | null = null;

export function readSample(): SampleTable {
  if (cached) return cached;
  const tokenizer = new CsvTokenizer({ delimiter: ',', file: 'tiktok_claims_sample.csv' });
  const rows: string[][] = [];
  const onRow = (fields: string[]): void => {
    rows.push(fields.slice());
  };
  tokenizer.push(readFileSync(SAMPLE_PATH, 'utf8'), onRow);
  tokenizer.end(onRow);
  const header = rows[0];
  const raw = rows.slice(1).map((r) => r.map((c) => (isMissing(c) ? null : c)));
  const complete = rows.slice(1).filter((r) => !r.some(isMissing));
  cached = { header, raw, complete };
  return cached;
}

/** One column of the complete rows as text. */
export function textColumn(table: SampleTable, name: string, rows: readonly string[][] = table.complete): string[] {
  const j = table.header.indexOf(name);
  if (j < 0) throw new Error(`no column ${name}`);
  return rows.map((r) => r[j]);
}

/** One column of all rows, `null` for missing cells. */
export function rawColumn(table: SampleTable, name: string): (string | null)[] {
  const j = table.header.indexOf(name);
  if (j < 0) throw new Error(`no column ${name}`);
  return table.raw.map((r) => r[j]);
}

export function numberColumn(table: SampleTable, name: string, rows: readonly string[][] = table.complete): Float64Array {
  return Float64Array.from(textColumn(table, name, rows), Number);
}

export function take<T>(values: readonly T[], positions: readonly number[]): T[] {
  return positions.map((p) => values[p]);
}
