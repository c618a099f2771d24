/**
 * What a delimited file's bytes say: Windows-1252, a stray byte in UTF-8,
 * control characters, binary data, more columns than a dataset can hold.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import { readColumns } from '../../../src-main/node/store/datasets';
import { queryPage } from '../../../src-main/node/store/query';
import { tempWorkbench, type TempWorkbench } from '../helpers';

let t: TempWorkbench;
beforeEach(async () => {
  t = await tempWorkbench();
});
afterEach(() => t.dispose());

async function importError(path: string): Promise<ApiError> {
  const before = t.state();
  const err = await t.wb.importFile({ path }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  expect(t.state()).toBe(before);
  return err as ApiError;
}

const bytes = (...parts: (string | number[])[]): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('Windows-1252', () => {
  it('decodes curly quotes and the euro sign, and says so in the format', async () => {
    // “Price” … 5 € (0x93, 0x94, 0x85, 0x80), Zoë (0xEB)
    const file = bytes('name,label\n', [0x5a, 0x6f, 0xeb], ',', [0x93], 'Price', [0x94, 0x20, 0x85], '\n', 'x,5 ', [0x80], '\n');
    const info = await t.wb.importFile({ path: t.file('cp.csv', file) });
    expect(info.format.encoding).toBe('windows-1252');
    expect(readColumns(t.wb.db, info, 0, 2)).toEqual([
      ['Zoë', 'x'],
      ['“Price” …', '5 €'],
    ]);
    expect(info.notes.join(' ')).toMatch(/cp\.csv is not UTF-8.*Windows-1252.*line 2/);
  });

  it('on the worker thread too', async () => {
    const { delimitedTuning } = await import('../../../src-main/node/ingest/importDelimited');
    const saved = delimitedTuning.workerMinBytes;
    delimitedTuning.workerMinBytes = 0;
    try {
      const info = await t.wb.importFile({ path: t.file('cp.csv', bytes('a\n', [0x80, 0x93], 'x', [0x94], '\n')) });
      expect(info.format.encoding).toBe('windows-1252');
      expect(readColumns(t.wb.db, info, 0, 1)[0]).toEqual(['€“x”']);
    } finally {
      delimitedTuning.workerMinBytes = saved;
    }
  });
});

describe('a stray byte in a UTF-8 file', () => {
  it('keeps the valid UTF-8 and reads only the stray byte as Windows-1252, naming its line', async () => {
    const lines = ['name,city', 'Zoë,Tromsø', 'Åse,Malmö'];
    for (let i = 0; i < 50; i++) lines.push(`café ${i},Zürich`);
    const head = Buffer.from(lines.join('\n') + '\n', 'utf8');
    // Line 54: "Caf\xe9 – ok": a lone Latin-1 é beside a valid UTF-8 en dash.
    const file = Buffer.concat([head, bytes('Caf', [0xe9], ' – ok,Bergen\n', 'Ødegård,Oslo\n')]);
    const info = await t.wb.importFile({ path: t.file('mixed.csv', file), chunkSize: 64 });
    expect(info.format.encoding).toBe('utf-8');
    const cols = readColumns(t.wb.db, info, 0, 54);
    expect(cols[0].slice(0, 2)).toEqual(['Zoë', 'Åse']);
    expect(cols[0][52]).toBe('Café – ok');
    expect(cols[0][53]).toBe('Ødegård');
    expect(cols[1][0]).toBe('Tromsø');
    expect(info.notes.join(' ')).toMatch(/mixed\.csv is UTF-8 except .*line 54.*Windows-1252/);
  });
});

describe('control characters', () => {
  it('a small text file with a form feed, ESCs and a bell is imported, with a note naming the line', async () => {
    // 3 control bytes in 22: more than the 10 % that marks a large file as binary.
    const info = await t.wb.importFile({ path: t.file('ctl.csv', 'a,b\n1,x\x0cy\n2,\x1b[1m\x07\x1b[0m\n') });
    expect(readColumns(t.wb.db, info, 0, 2)[1]).toEqual(['x\fy', '\x1b[1m\x07\x1b[0m']);
    expect(info.notes.join(' ')).toMatch(/control character.*line 3/);
  });

  it('a NUL-heavy binary file is refused with the offset of its first NUL', async () => {
    const data = Buffer.concat([Buffer.from('GIF89a header text'), Buffer.alloc(200, 0), Buffer.from([1, 2, 3, 0, 0])]);
    const e = await importError(t.file('img.csv', data));
    expect(e.message).toMatch(/img\.csv is not a text file \(binary data at byte 18\)/);
  });

  it('a file of control bytes without a NUL is refused with the offset of the first one', async () => {
    const data = Buffer.concat([Buffer.from('abcdef'), Buffer.from(Array.from({ length: 400 }, (_, i) => 1 + (i % 8)))]);
    const e = await importError(t.file('ctl.bin', data));
    expect(e.message).toMatch(/binary data at byte 6\b/);
  });
});

describe('wide files', () => {
  it('more columns than a dataset can hold are refused before anything is written, saying what to do', async () => {
    const width = 2100;
    const header = Array.from({ length: width }, (_, i) => `c${i}`).join(',');
    const row = Array.from({ length: width }, (_, i) => String(i)).join(',');
    const e = await importError(t.file('wide.csv', `${header}\n${row}\n`));
    expect(e.message).toBe('wide.csv has 2,100 columns; Assay can store at most 1,999 per dataset. Select fewer columns in the source or split the file.');
    expect(e.location).toMatchObject({ file: 'wide.csv', line: 1 });
  });

  it('1,999 columns import, and a sorted page of them reads back', async () => {
    const width = 1999;
    const header = Array.from({ length: width }, (_, i) => `c${i}`).join(',');
    const rows = [0, 1, 2].map((r) => Array.from({ length: width }, (_, i) => String(i * 10 + (2 - r))).join(','));
    const info = await t.wb.importFile({ path: t.file('wide.csv', `${header}\n${rows.join('\n')}\n`) });
    expect(info.columns).toHaveLength(width);
    expect(readColumns(t.wb.db, info, 0, 3)[width - 1]).toEqual([19982, 19981, 19980]);
    // A sorted view reads the row number beside every column: the widest result set there is.
    const page = queryPage(t.wb.db, info, { sort: { column: 0, descending: false }, filters: [] }, 0, 3);
    expect(Array.from(page.rowNumbers)).toEqual([3, 2, 1]);
    expect(page.columns[width - 1]).toEqual([19980, 19981, 19982]);
  });
});
