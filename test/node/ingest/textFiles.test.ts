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
  it('a form feed alone is noted, naming its own line', async () => {
    const info = await t.wb.importFile({ path: t.file('ff.csv', 'a,b\n1,x\n2,page\x0cbreak\n3,z\n') });
    expect(readColumns(t.wb.db, info, 0, 3)[1]).toEqual(['x', 'page\fbreak', 'z']);
    expect(info.notes).toEqual(['ff.csv contains control characters (the first, U+000C form feed, is on line 3); they were kept as they are.']);
  });

  it('a small text file with ESCs and a bell is imported, with a note naming the first one\u2019s line', async () => {
    // 3 control bytes in 22: more than the 10 % that marks a large file as binary.
    const info = await t.wb.importFile({ path: t.file('ctl.csv', 'a,b\n1,xy\n2,\x1b[1m\x07\x1b[0m\n') });
    expect(readColumns(t.wb.db, info, 0, 2)[1]).toEqual(['xy', '\x1b[1m\x07\x1b[0m']);
    expect(info.notes).toEqual(['ctl.csv contains control characters (the first, U+001B escape, is on line 3); they were kept as they are.']);
  });

  it('counts CRLF, lone CR and quoted line breaks across read chunks to name the line', async () => {
    const csv = 'a,b\r\n1,"two\r\nlines"\r2,y\r\n3,\x1bz\r\n';
    const info = await t.wb.importFile({ path: t.file('crlf.csv', csv), chunkSize: 3 });
    expect(info.rows).toBe(3);
    expect(info.notes).toEqual(['crlf.csv contains control characters (the first, U+001B escape, is on line 5); they were kept as they are.']);
  });

  /** 20,000 rows (well past the first 64 KiB) and a last line holding `last`. */
  function longFile(last: string): string {
    const lines = ['a,b'];
    for (let i = 1; i <= 20000; i++) lines.push(`${i},value ${i % 7}`);
    lines.push(last);
    return lines.join('\n') + '\n';
  }

  for (const worker of [false, true]) {
    const where = worker ? ' (parser on a worker thread)' : '';
    it(`an ESC on the last line of a 20,000-row file is noted with its line${where}`, async () => {
      const { delimitedTuning } = await import('../../../src-main/node/ingest/importDelimited');
      const saved = delimitedTuning.workerMinBytes;
      if (worker) delimitedTuning.workerMinBytes = 0;
      try {
        const info = await t.wb.importFile({ path: t.file('late.csv', longFile('20001,\x1b[31mred')) });
        expect(info.rows).toBe(20001);
        expect(readColumns(t.wb.db, info, 20000, 1)[1]).toEqual(['\x1b[31mred']);
        expect(info.notes).toEqual(['late.csv contains control characters (the first, U+001B escape, is on line 20002); they were kept as they are.']);
      } finally {
        delimitedTuning.workerMinBytes = saved;
      }
    });

    it(`a NUL on the last line of a 20,000-row file is refused with its line, and nothing is kept${where}`, async () => {
      const { delimitedTuning } = await import('../../../src-main/node/ingest/importDelimited');
      const saved = delimitedTuning.workerMinBytes;
      if (worker) delimitedTuning.workerMinBytes = 0;
      try {
        const e = await importError(t.file('late.csv', longFile('20001,x\x00y')));
        expect(e.message).toBe(
          'late.csv, line 20002: the file holds a NUL character (U+0000), which text never does; it is not a text file, or it is damaged. Nothing was imported.',
        );
        expect(e.location).toMatchObject({ file: 'late.csv', line: 20002 });
      } finally {
        delimitedTuning.workerMinBytes = saved;
      }
    });
  }

  it('a NUL in a UTF-16 file (where NUL bytes are normal) is refused by its character', async () => {
    const text = 'a,b\n1,x\n2,y\u0000z\n';
    const e = await importError(t.file('u16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])));
    expect(e.message).toMatch(/^u16\.csv, line 3: the file holds a NUL character/);
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

  it('100 random bytes without a NUL are not a text file', async () => {
    // The reviewer's rand.bin: 12 control bytes, 43 bytes that are not UTF-8.
    let seed = 12345;
    const random = Buffer.from(
      Array.from({ length: 100 }, () => {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        return 1 + ((seed >>> 16) % 255);
      }),
    );
    const e = await importError(t.file('rand.bin', random));
    expect(e.message).toMatch(/^rand\.bin is not a text file \(binary data at byte \d+\); Assay imports CSV, TSV and Arrow\/Feather files\.$/);
  });

  it('a short Windows-1252 text full of accented letters stays text', async () => {
    // Mostly bytes that are not UTF-8, but no control bytes: a legacy 8-bit text.
    const info = await t.wb.importFile({ path: t.file('fr.csv', bytes('n\n', [0xe9, 0xe8, 0xea, 0xe0, 0xe7], '\n', [0xc9, 0xc8], '\n')) });
    expect(readColumns(t.wb.db, info, 0, 2)[0]).toEqual(['éèêàç', 'ÉÈ']);
  });
});

describe('UTF-16', () => {
  const le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const be = (text: string) => {
    const b = Buffer.from(text, 'utf16le');
    b.swap16();
    return Buffer.concat([Buffer.from([0xfe, 0xff]), b]);
  };

  for (const chunkSize of [3, 1 << 20]) {
    it(`an unpaired surrogate is read as U+FFFD with a note naming its line; pairs split by reads stay whole (reads of ${chunkSize} bytes)`, async () => {
      const info = await t.wb.importFile({ path: t.file('lone.csv', le('name,n\n\u{1F600}x,1\nab\ud800,2\n')), chunkSize });
      expect(readColumns(t.wb.db, info, 0, 2)[0]).toEqual(['\u{1F600}x', 'ab\ufffd']);
      expect(info.notes).toEqual([
        'lone.csv holds 1 unpaired UTF-16 surrogate (the first on line 3), which is not a character; it was read as the replacement character U+FFFD (\ufffd).',
      ]);
    });
  }

  it('counts every unpaired surrogate, big-endian too, and a high surrogate at the very end', async () => {
    const info = await t.wb.importFile({ path: t.file('lone.csv', be('a\n\udc00\nx\ny\ud83d')), chunkSize: 5 });
    expect(readColumns(t.wb.db, info, 0, 3)[0]).toEqual(['\ufffd', 'x', 'y\ufffd']);
    expect(info.notes).toEqual([
      'lone.csv holds 2 unpaired UTF-16 surrogates (the first on line 2), which are not characters; each was read as the replacement character U+FFFD (\ufffd).',
    ]);
  });

  it('a file that ends in the middle of a UTF-16 character is refused as cut short', async () => {
    // The reviewer's u16_odd.csv: three lines, then one byte more.
    const data = Buffer.concat([le('name,n\nZo\u00eb,1\nab,2\n'), Buffer.from([0x78])]);
    const e = await importError(t.file('odd.csv', data));
    expect(e.message).toBe(
      'odd.csv ends in the middle of a UTF-16 character: its last byte (at offset 38) has no partner, so the file looks cut short. Nothing was imported.',
    );
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
