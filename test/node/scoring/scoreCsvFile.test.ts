import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvTokenizer } from '../../../src-main/core/ingest/csvTokenizer';
import { modelFileText } from '../../../src-main/core/modelFile/buildModelFile';
import { readModelFile } from '../../../src-main/core/modelFile/readModelFile';
import { scoreCsvFile, type CsvScoreOptions } from '../../../src-main/node/scoring/scoreCsvFile';
import { modelFileOf } from '../../core/modelFile/modelFileFixture';

const dir = mkdtempSync(join(tmpdir(), 'assay-score-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const { file } = modelFileOf('verified-course5-no-leak.json');
const model = readModelFile(modelFileText(file), 'lr.assaymodel');
const sample = readFileSync('resources/sample/tiktok_claims_sample.csv', 'utf8');
const sampleLines = sample.split('\n');
const HEADER = sampleLines[0].split(',');
const col = (name: string) => HEADER.indexOf(name);
/** The header and the first `n` data lines without quoted cells, so a plain split edits one cell and makes a TSV. */
const plainLines = (n: number) => [sampleLines[0], ...sampleLines.slice(1).filter((l) => l !== '' && !l.includes('"')).slice(0, n)];
/** Replaces cell `name` of data line `i` (1-based) of `lines`. */
function setCell(lines: string[], i: number, name: string, value: string): void {
  const cells = lines[i].split(',');
  cells[col(name)] = value;
  lines[i] = cells.join(',');
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  const t = new CsvTokenizer({ delimiter: ',', file: 'x' });
  const on = (f: string[]) => rows.push(f.slice());
  t.push(text, on);
  t.end(on);
  return rows;
}

/** Scores `text` (written to a file) and returns the result with the output's text. */
async function score(name: string, text: string, o: Partial<CsvScoreOptions> = {}) {
  const input = join(dir, name);
  writeFileSync(input, text);
  let out = '';
  const result = await scoreCsvFile({ model, input, output: { write: async (t) => void (out += t) }, ...o });
  return { result, out, table: parseCsv(out) };
}

describe('scoring a file in chunks', () => {
  it('gives the same table whatever the chunk size, rows numbered across chunks, labels tallied from the rows themselves', async () => {
    const lines = plainLines(300);
    setCell(lines, 5, 'verified_status', '');
    setCell(lines, 9, 'video_view_count', '');
    setCell(lines, 140, 'video_comment_count', '');
    const text = lines.join('\n') + '\n';
    const whole = await score('in.csv', text);
    const progress: number[] = [];
    const chunked = await score('in.csv', text, { chunkRows: 7, onProgress: (p) => progress.push(p.done) });
    expect(chunked.out).toBe(whole.out);
    expect(chunked.result).toEqual(whole.result);
    expect(progress.at(-1)).toBe(Buffer.byteLength(text));

    const [header, ...out] = whole.table;
    expect(header).toEqual(['row', 'prediction', 'p_not verified', 'p_verified', 'note']);
    expect(out.map((r) => Number(r[0]))).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(out[8].slice(1)).toEqual(['', '', '', 'missing value in "video_view_count"']);
    // The confusion matrix and counts, rebuilt from the input's labels and the output's predictions.
    const classes = ['not verified', 'verified'];
    const cm = [
      [0, 0],
      [0, 0],
    ];
    let unlabelled = 0;
    let notScored = 0;
    parseCsv(text)
      .slice(1)
      .forEach((input, i) => {
        const label = classes.indexOf(input[col('verified_status')]);
        const predicted = classes.indexOf(out[i][1]);
        if (label < 0) unlabelled++;
        else if (predicted < 0) notScored++;
        else cm[label][predicted]++;
      });
    expect([unlabelled, notScored]).toEqual([1, 2]);
    const e = whole.result.evaluation!;
    expect(e.confusion).toEqual(cm);
    expect({ unlabelled: e.unlabelled, notScored: e.notScored, rows: e.rows }).toEqual({ unlabelled, notScored, rows: 300 - unlabelled - notScored });
    expect(whole.result).toMatchObject({ rows: 300, scored: 298, notes: 2, scoredWithNote: 0 });
    expect(e.metrics.accuracy).toBeCloseTo((cm[0][0] + cm[1][1]) / e.rows, 15);
  });

  it('reads a TSV with a byte-order mark and Windows line ends as the same rows as the plain CSV', async () => {
    const lines = plainLines(50);
    const csv = await score('plain.csv', lines.join('\n') + '\n');
    const tsv = await score('in.tsv', '\uFEFF' + lines.map((l) => l.split(',').join('\t')).join('\r\n') + '\r\n');
    expect(tsv.out).toBe(csv.out);
    expect(tsv.result).toEqual(csv.result);
    expect(csv.table).toHaveLength(51);
    expect(csv.table.slice(1).every((r) => r[1] !== '')).toBe(true);
  });
});

describe('a value that is not of its column’s kind', () => {
  const lines = plainLines(30);
  const clean = lines.join('\n') + '\n';
  const at = (row: number) => {
    const edited = [...lines];
    setCell(edited, row, 'video_view_count', 'n/a?');
    return edited.join('\n') + '\n';
  };

  it('gets a note on its row wherever it is: in the first chunk or past it', async () => {
    const base = await score('clean.csv', clean, { chunkRows: 10 });
    for (const row of [3, 25]) {
      const r = await score(`bad${row}.csv`, at(row), { chunkRows: 10 });
      expect(r.result).toMatchObject({ rows: 30, scored: 29, notes: 1 });
      expect(r.table[row]).toEqual([String(row), '', '', '', 'video_view_count holds "n/a?", not a number']);
      // Every other row as in the clean file.
      expect(r.table.filter((_, i) => i !== row)).toEqual(base.table.filter((_, i) => i !== row));
    }
  });

  it('refuses a column none of whose values in the first chunk is a number, stating the rule', async () => {
    const edited = [...lines];
    for (let i = 1; i <= 10; i++) setCell(edited, i, 'video_view_count', i === 4 ? '' : 'many');
    const written: string[] = [];
    const input = join(dir, 'text_column.csv');
    writeFileSync(input, edited.join('\n') + '\n');
    const refusal = scoreCsvFile({ model, input, chunkRows: 10, output: { write: async (t) => void written.push(t) } });
    await expect(refusal).rejects.toThrow(
      'text_column.csv does not fit the model (1 problem):\n' +
        '  The column "video_view_count" holds text (text, such as "many"), but the model needs numbers (float in training).\n' +
        '  (A column is refused as the wrong kind only when none of its values in the rows read before scoring starts — here the first 10 — is of the kind the model needs; a single value that is not gets a note on its row.)',
    );
    expect(written).toEqual([]);
  });

  it('does not refuse a column whose first chunk is empty: its later text gets row notes', async () => {
    const edited = [...lines];
    for (let i = 1; i <= 10; i++) setCell(edited, i, 'video_view_count', '');
    setCell(edited, 12, 'video_view_count', 'many');
    const r = await score('late_text.csv', edited.join('\n') + '\n', { chunkRows: 10 });
    expect(r.table[12][4]).toBe('video_view_count holds "many", not a number');
    expect(r.table[1][4]).toBe('missing value in "video_view_count"');
    expect(r.result).toMatchObject({ rows: 30, scored: 19, notes: 11 });
  });
});

describe('rows as pandas numbers them, and lines of the wrong width', () => {
  it('skips blank lines, keeps a quoted line break in its row, and names the physical line of a short or long line', async () => {
    const lines = plainLines(8);
    const text = lines[4].split(',');
    text[col('video_transcription_text')] = '"line one\nline two"';
    const input = [
      lines[0], // line 1
      lines[1], // line 2: row 1
      lines[2], // line 3: row 2
      '', // line 4
      '  \t', // line 5
      lines[3], // line 6: row 3
      text.join(','), // lines 7–8: row 4
      lines[5], // line 9: row 5
      lines[6].split(',').slice(0, 5).join(','), // line 10: row 6, 5 fields
      lines[7] + ',extra', // line 11: row 7, 13 fields
      lines[8], // line 12: row 8
    ].join('\n');
    const r = await score('shape.csv', input + '\n', { chunkRows: 3 });
    const plain = await score('shape_plain.csv', lines.join('\n') + '\n');
    expect(r.table.slice(1).map((x) => x[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(r.table[6].slice(1)).toEqual(['', '', '', 'line 10 has 5 fields, the header has 12']);
    expect(r.table[7].slice(1)).toEqual(['', '', '', 'line 11 has 13 fields, the header has 12']);
    // The other rows are the plain file's rows, in order (the model reads no text column).
    for (const row of [1, 2, 3, 4, 5, 8]) expect(r.table[row]).toEqual(plain.table[row]);
    expect(r.result).toMatchObject({ rows: 8, scored: 6, notes: 2 });
  });
});

describe('--keep-columns', () => {
  it("keeps the input cells as the file's exact text, spreadsheet-safe", async () => {
    const lines = plainLines(8);
    const odd = ['0012345', '+15551234', '1e5', '896968.0', 'NaN', '-1', '=HYPERLINK("x")', ''];
    odd.forEach((v, k) => setCell(lines, k + 1, 'video_id', v.includes('"') ? `"${v.replace(/"/g, '""')}"` : v));
    setCell(lines, 1, '#', '-1e5');
    lines.push(lines[2].split(',').slice(0, 4).join(','));
    const r = await score('keep.csv', lines.join('\n') + '\n', { keepColumns: true });
    const [header, ...rows] = r.table;
    expect(header).toEqual([...HEADER, 'row', 'prediction', 'p_not verified', 'p_verified', 'note']);
    expect(rows.slice(0, 8).map((x) => x[col('video_id')])).toEqual(['0012345', '+15551234', '1e5', '896968.0', 'NaN', '-1', `'=HYPERLINK("x")`, '']);
    expect(rows[0][col('#')]).toBe('-1e5');
    // Every other kept cell is the input's text as it stands in the file.
    const input = parseCsv(lines.join('\n') + '\n').slice(1);
    for (let i = 0; i < 8; i++) {
      for (const name of HEADER.filter((h) => h !== 'video_id')) expect(rows[i][col(name)], `${name} of row ${i + 1}`).toBe(input[i][col(name)]);
    }
    // A short line's missing cells are empty.
    expect(rows[8].slice(0, HEADER.length)).toEqual([...input[8], ...new Array(HEADER.length - 4).fill('')]);
    expect(rows[8][HEADER.length + 4]).toBe(`line 10 has 4 fields, the header has 12`);
  });
});
