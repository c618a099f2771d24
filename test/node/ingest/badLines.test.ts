/**
 * Rows shorter or longer than the header, as pandas' read_csv reads them
 * (fixture: scripts/fixtures/bad_lines_fixtures.py): short rows padded with
 * missing values and noted; long rows an error by default, or dropped and
 * noted with `onBadLines: 'skip'`; the project untouched by a failed import.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import { isTooManyFieldsError } from '../../../src-main/core/ingest/rowShape';
import { delimitedTuning } from '../../../src-main/node/ingest/importDelimited';
import { readColumns } from '../../../src-main/node/store/datasets';
import { tempWorkbench, type TempWorkbench } from '../helpers';

type Cell = string | number | null;
interface Frame {
  columns: string[];
  rows: Cell[][];
}
interface Case {
  name: string;
  csv: string;
  default: Frame | { error: string };
  skip: Frame;
  warnings: string[];
}
const fixture = JSON.parse(readFileSync(join(__dirname, '../../fixtures/ingest/pandas_bad_lines.json'), 'utf8')) as { cases: Case[] };
const byName = (name: string) => fixture.cases.find((c) => c.name === name)!;

let t: TempWorkbench;
beforeEach(async () => {
  t = await tempWorkbench();
});
afterEach(() => t.dispose());

function rowsOf(info: Awaited<ReturnType<TempWorkbench['wb']['importFile']>>): Cell[][] {
  const cols = readColumns(t.wb.db, info, 0, info.rows) as Cell[][];
  return Array.from({ length: info.rows }, (_, r) => cols.map((c) => c[r]));
}

async function importError(path: string, opts: { onBadLines?: 'error' | 'skip' } = {}): Promise<ApiError> {
  const before = t.state();
  const err = await t.wb.importFile({ path, ...opts }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  expect(t.state()).toBe(before);
  return err as ApiError;
}

/** pandas' "Expected 3 fields in line 4, saw 4" and "Skipping line 4: ...": the physical lines of the long rows. */
function pandasLines(c: Case): number[] {
  return c.warnings.map((w) => Number(/^Skipping line (\d+):/.exec(w)![1]));
}

for (const worker of [false, true]) {
  describe(`rows that do not fit the header${worker ? ' (parser on a worker thread)' : ''}`, () => {
    let saved: number;
    beforeEach(() => {
      saved = delimitedTuning.workerMinBytes;
      if (worker) delimitedTuning.workerMinBytes = 0;
    });
    afterEach(() => {
      delimitedTuning.workerMinBytes = saved;
    });

    it('short rows are padded with missing values, as pandas pads them with NaN, and the note lists their lines', async () => {
      const c = byName('short_rows');
      const info = await t.wb.importFile({ path: t.file('short.csv', c.csv) });
      expect(rowsOf(info)).toEqual((c.default as Frame).rows);
      expect(info.notes).toContain(
        'In short.csv, 2 rows have fewer fields than the header (lines 3, 4); the missing fields were read as missing values, as pandas reads them.',
      );
    });

    it('a long row fails the import by default, naming the line (as pandas) and the column, and leaves the project unchanged', async () => {
      const c = byName('short_and_long');
      const pandasError = (c.default as { error: string }).error;
      const line = Number(/in line (\d+), saw/.exec(pandasError)![1]);
      await t.wb.importFile({ path: t.file('ok.csv', 'a\n1\n') });
      const e = await importError(t.file('bad.csv', c.csv));
      expect(e.location).toEqual({ file: 'bad.csv', line, column: 7 });
      expect(e.message).toMatch(/^bad\.csv, line 4, column 7: this row has 4 fields but the header has 3; the first extra field starts here/);
      expect(isTooManyFieldsError(e)).toBe(true);
      expect(isTooManyFieldsError(JSON.parse(JSON.stringify(e)))).toBe(true);
    });

    it("onBadLines 'skip' drops exactly the rows pandas' on_bad_lines='skip' drops, and the note lists them", async () => {
      for (const name of ['long_rows', 'short_and_long']) {
        const c = byName(name);
        const info = await t.wb.importFile({ path: t.file(`${name}.csv`, c.csv), onBadLines: 'skip' });
        expect(info.rows).toBe(c.skip.rows.length);
        expect(rowsOf(info)).toEqual(c.skip.rows);
        const lines = pandasLines(c);
        expect(info.notes).toContain(
          `${lines.length} rows of ${name}.csv had more fields than the header and were skipped (lines ${lines.join(', ')}), as pandas' on_bad_lines="skip" drops them.`,
        );
      }
    });

    it('a column that turns to text after a skipped row gets its early cells back in the right rows', async () => {
      // Past the parser's first 1,000 rows, so the importer reads the file again to put the text back.
      const lines = ['id,code'];
      for (let i = 1; i <= 1500; i++) lines.push(i === 7 ? '7,7,extra' : i === 9 ? '9' : `${i},${i * 10}`);
      lines.push('1501,x');
      const info = await t.wb.importFile({ path: t.file('late.csv', lines.join('\n') + '\n'), onBadLines: 'skip' });
      expect(info.rows).toBe(1500);
      const [ids, codes] = readColumns(t.wb.db, info, 0, 1500) as Cell[][];
      expect(ids.slice(5, 9)).toEqual([6, 8, 9, 10]);
      expect(codes.slice(5, 9)).toEqual(['60', '80', null, '100']);
      expect(codes[1499]).toBe('x');
      expect(info.notes.join(' ')).toMatch(/1 row of late\.csv had more fields than the header and was skipped \(line 8\)/);
      expect(info.notes.join(' ')).toMatch(/In late\.csv, 1 row has fewer fields than the header \(line 10\)/);
    });
  });
}

it('the notes list the first 20 lines and count the rest', async () => {
  const lines = ['a,b'];
  for (let i = 1; i <= 30; i++) lines.push(`${i},${i},${i}`, `${i}`, `${i},${i}`);
  const info = await t.wb.importFile({ path: t.file('many.csv', lines.join('\n') + '\n'), onBadLines: 'skip' });
  expect(info.rows).toBe(60);
  const long = Array.from({ length: 20 }, (_, i) => 2 + 3 * i).join(', ');
  const short = Array.from({ length: 20 }, (_, i) => 3 + 3 * i).join(', ');
  expect(info.notes).toContain(`30 rows of many.csv had more fields than the header and were skipped (lines ${long} and 10 more), as pandas' on_bad_lines="skip" drops them.`);
  expect(info.notes).toContain(`In many.csv, 30 rows have fewer fields than the header (lines ${short} and 10 more); the missing fields were read as missing values, as pandas reads them.`);
});

describe('assay import --skip-bad-lines', () => {
  it('imports without the long rows and prints the note; without the flag the import fails with a hint', async () => {
    const { importCommand } = await import('../../../src-main/cli/commands/importCommand');
    vi.stubEnv('ASSAY_HOME', join(t.dir, 'cli-home'));
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const c = byName('long_rows');
      const data = t.file('long.csv', c.csv);
      const project = join(t.dir, 'cli.assay');
      await expect(importCommand([project, data])).rejects.toThrow(/long\.csv, line 3, column 7/);
      expect(error.mock.calls.flat().join('\n')).toMatch(/--skip-bad-lines/);
      expect(await importCommand([project, data, '--skip-bad-lines'])).toBe(0);
      const printed = log.mock.calls.flat().join('\n');
      expect(printed).toMatch(/^long: 3 rows × 3 columns/m);
      expect(printed).toMatch(/note: 2 rows of long\.csv had more fields than the header and were skipped \(lines 3, 5\)/);
    } finally {
      vi.restoreAllMocks();
      vi.unstubAllEnvs();
    }
  });
});

describe('dataset.import onBadLines', () => {
  it("passes 'skip' through the API, and refuses other values", async () => {
    const { createHandlers } = await import('../../../src-main/node/api/handlers');
    const { Router } = await import('../../../src-main/node/api/router');
    const router = new Router(createHandlers(t.wb, { host: 'web', version: 'test' }));
    const ctx = { signal: new AbortController().signal, progress: () => {} };
    const path = t.file('api.csv', byName('long_rows').csv);
    await expect(router.dispatch('dataset.import', { path }, ctx)).rejects.toThrow(/api\.csv, line 3, column 7/);
    await expect(router.dispatch('dataset.import', { path, onBadLines: 'warn' }, ctx)).rejects.toMatchObject({ code: 'bad-request' });
    const info = (await router.dispatch('dataset.import', { path, onBadLines: 'skip' }, ctx)) as { rows: number };
    expect(info.rows).toBe(3);
  });
});
