/** A CSV file the CLI wrote (or read), parsed by Assay's own tokenizer into its header and rows. */
import { readFileSync } from 'node:fs';
import { CsvTokenizer } from '../../src-main/core/ingest/csvTokenizer';

export function readCsv(path: string): { header: string[]; rows: string[][] } {
  const rows: string[][] = [];
  const t = new CsvTokenizer({ delimiter: ',', file: path });
  const on = (f: string[]) => rows.push(f.slice());
  t.push(readFileSync(path, 'utf8'), on);
  t.end(on);
  const [header, ...data] = rows;
  return { header, rows: data };
}
