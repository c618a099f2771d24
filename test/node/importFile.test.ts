import { appendFileSync, unlinkSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../src-main/core/api/errors';
import { encodeArrowPage } from '../../src-main/core/data/arrowPage';
import { getDataset, listDatasets, readColumns } from '../../src-main/node/store/datasets';
import { bigCsv, tempWorkbench, type TempWorkbench } from './helpers';

let t: TempWorkbench;
beforeEach(async () => {
  t = await tempWorkbench();
});
afterEach(() => t.dispose());

async function importError(path: string, opts: Parameters<TempWorkbench['wb']['importFile']>[0] extends infer R ? Partial<R> : never = {}) {
  const before = t.state();
  const err = await t.wb.importFile({ path, ...opts }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  expect(t.state()).toBe(before);
  return err as ApiError;
}

describe('importFile', () => {
  it('imports a CSV with quoted fields, missing markers and inferred kinds', async () => {
    const p = t.file('people.csv', 'id,name,score,ok,city\n1,"Smith, J",1.5,True,Oslo\n2,"say ""hi""",NA,False,\n3,"two\nlines",3,True,Oslo\n');
    const info = await t.wb.importFile({ path: p });
    expect(info.rows).toBe(3);
    expect(info.columns.map((c) => c.name)).toEqual(['id', 'name', 'score', 'ok', 'city']);
    expect(info.columns.map((c) => c.kind)).toEqual(['identifier', 'text', 'float', 'boolean', 'categorical']);
    expect(info.columns[2].missing).toBe(1);
    expect(info.columns[4].missing).toBe(1);
    const cols = readColumns(t.wb.db, info, 0, 3);
    expect(cols[1]).toEqual(['Smith, J', 'say "hi"', 'two\nlines']);
    expect(cols[2]).toEqual([1.5, null, 3]);
    expect(info.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads TSV, CRLF and a UTF-8 BOM', async () => {
    const p = t.file('t.tsv', '\ufeffa\tb\r\n1\tx y\r\n2\tz\r\n');
    const info = await t.wb.importFile({ path: p });
    expect(info.columns.map((c) => c.name)).toEqual(['a', 'b']);
    expect(info.format).toMatchObject({ kind: 'delimited', delimiter: '\t', encoding: 'utf-8' });
    expect(readColumns(t.wb.db, info, 0, 2)[1]).toEqual(['x y', 'z']);
  });

  it('reads UTF-16 with a BOM', async () => {
    const text = 'name,n\nZoë,1\nÅse,2\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const info = await t.wb.importFile({ path: t.file('u16.csv', bytes) });
    expect(info.format.encoding).toBe('utf-16le');
    expect(readColumns(t.wb.db, info, 0, 2)[0]).toEqual(['Zoë', 'Åse']);
  });

  it('reads a Latin-1 / Windows-1252 file as Windows-1252 with a visible note', async () => {
    const bytes = Buffer.from('name,n\nZo\xeb,1\nCaf\xe9,2\n', 'latin1');
    const info = await t.wb.importFile({ path: t.file('l1.csv', bytes) });
    expect(info.format.encoding).toBe('windows-1252');
    expect(info.notes.join(' ')).toMatch(/l1\.csv is not UTF-8; it was read as Windows-1252 \(the first byte that is not UTF-8 is on line 2\)/);
    expect(readColumns(t.wb.db, info, 0, 2)[0]).toEqual(['Zoë', 'Café']);
  });

  it('de-duplicates headers as pandas does', async () => {
    const info = await t.wb.importFile({ path: t.file('d.csv', 'x,x,,y\n1,2,3,4\n') });
    expect(info.columns.map((c) => c.name)).toEqual(['x', 'x.1', 'Unnamed: 2', 'y']);
  });

  it('keeps the text of numeric-looking cells in a text column', async () => {
    const info = await t.wb.importFile({ path: t.file('z.csv', 'code\n007\nabc\n1.50\n') });
    expect(info.columns[0].kind).toBe('categorical');
    expect(readColumns(t.wb.db, info, 0, 3)[0]).toEqual(['007', 'abc', '1.50']);
  });

  it('stores non-canonical numbers of a float column as numbers', async () => {
    const info = await t.wb.importFile({ path: t.file('f.csv', 'v\n343296.0\n1e3\n 7 \n') });
    expect(info.columns[0].kind).toBe('float');
    expect(readColumns(t.wb.db, info, 0, 3)[0]).toEqual([343296, 1000, 7]);
  });

  it('gives unique names to datasets imported twice', async () => {
    const p = t.file('same.csv', 'a\n1\n');
    await t.wb.importFile({ path: p });
    const second = await t.wb.importFile({ path: p });
    expect(second.name).toBe('same (2)');
    expect(listDatasets(t.wb.db)).toHaveLength(2);
  });

  it('pages rows as Arrow record batches', async () => {
    const info = await t.wb.importFile({ path: t.file('big.csv', bigCsv(5000)) });
    const page = encodeArrowPage(info.columns, readColumns(t.wb.db, info, 4990, 10));
    const table = tableFromIPC(page);
    expect(table.numRows).toBe(10);
    expect(table.getChildAt(0)!.get(9)).toBe('5000');
    expect(table.getChildAt(3)!.get(0)).toBe('row 4991, with a comma');
  });
});

describe('bad input leaves the project as it was', () => {
  it('empty file', async () => {
    const e = await importError(t.file('empty.csv', ''));
    expect(e.message).toMatch(/empty\.csv is empty/);
    expect(e.location?.file).toBe('empty.csv');
  });

  it('header only', async () => {
    const e = await importError(t.file('header.csv', 'a,b,c\n'));
    expect(e.message).toMatch(/header\.csv has a header but no data rows/);
  });

  it('ragged row: too many fields, with line and column', async () => {
    await t.wb.importFile({ path: t.file('ok.csv', 'a\n1\n') });
    const e = await importError(t.file('ragged.csv', 'a,b,c\n1,2,3\n4,5,6,7\n'));
    expect(e.location).toEqual({ file: 'ragged.csv', line: 3, column: 7 });
    expect(e.message).toMatch(/ragged\.csv, line 3, column 7: this row has 4 fields but the header has 3/);
  });

  it('ragged row: too few fields is padded with missing values, as pandas does, and noted with its physical line', async () => {
    const info = await t.wb.importFile({ path: t.file('short.csv', 'a,b,c\n1,2,3\n"x\ny",5,6\n7,8\n') });
    expect(info.rows).toBe(3);
    expect(readColumns(t.wb.db, info, 0, 3)[2]).toEqual([3, 6, null]);
    expect(info.notes.join(' ')).toMatch(/In short\.csv, 1 row has fewer fields than the header \(line 5\)/);
  });

  it('unterminated quote, with where it opened', async () => {
    const e = await importError(t.file('quote.csv', 'a,b\n1,2\n3,"never closed\n4,5\n'));
    expect(e.location).toMatchObject({ file: 'quote.csv', line: 3, column: 3 });
    expect(e.message).toMatch(/quote/i);
  });

  it('binary file', async () => {
    const bytes = new Uint8Array(2000).map((_, i) => (i * 37) % 256);
    const e = await importError(t.file('image.png', bytes));
    expect(e.message).toMatch(/image\.png is not a text file/);
  });

  it('a file that disappears during the import', async () => {
    const p = t.file('vanish.csv', bigCsv(20000));
    let removed = false;
    const e = await importError(p, {
      chunkSize: 4096,
      onProgress: () => {
        if (!removed) {
          unlinkSync(p);
          removed = true;
        }
      },
    });
    expect(e.message).toMatch(/vanish\.csv disappeared during the import/);
  });

  it('a file that changes during the import', async () => {
    const p = t.file('grow.csv', bigCsv(20000));
    let grown = false;
    const e = await importError(p, {
      chunkSize: 4096,
      onProgress: () => {
        if (!grown) {
          appendFileSync(p, '99999,a,1.0,"late"\n');
          grown = true;
        }
      },
    });
    expect(e.message).toMatch(/grow\.csv changed during the import/);
  });

  it('a cancelled import', async () => {
    const p = t.file('cancel.csv', bigCsv(20000));
    const controller = new AbortController();
    const e = await importError(p, { chunkSize: 4096, signal: controller.signal, onProgress: () => controller.abort() });
    expect(e.code).toBe('cancelled');
    expect(e.message).toMatch(/cancel\.csv was cancelled; nothing was changed/);
  });

  it('a missing file', async () => {
    const e = await importError(`${t.dir}/nope.csv`);
    expect(e.code).toBe('not-found');
  });

  it('an existing dataset survives a failed import', async () => {
    const ok = await t.wb.importFile({ path: t.file('ok.csv', 'a,b\n1,2\n') });
    await importError(t.file('bad.csv', 'a,b\n1,2,3\n'));
    expect(getDataset(t.wb.db, ok.id).rows).toBe(1);
  });
});

describe('importFile with the parser on a worker thread', () => {
  let saved: number;
  beforeEach(async () => {
    const { delimitedTuning } = await import('../../src-main/node/ingest/importDelimited');
    saved = delimitedTuning.workerMinBytes;
    delimitedTuning.workerMinBytes = 0;
  });
  afterEach(async () => {
    const { delimitedTuning } = await import('../../src-main/node/ingest/importDelimited');
    delimitedTuning.workerMinBytes = saved;
  });

  it('imports the same rows, kinds and counts', async () => {
    const p = t.file('people.csv', 'id,name,score,ok,city\n1,"Smith, J",1.5,True,Oslo\n2,"say ""hi""",NA,False,\n3,"two\nlines",3,True,Oslo\n');
    const info = await t.wb.importFile({ path: p });
    expect(info.columns.map((c) => c.kind)).toEqual(['identifier', 'text', 'float', 'boolean', 'categorical']);
    expect(readColumns(t.wb.db, info, 0, 3)[2]).toEqual([1.5, null, 3]);
    const big = await t.wb.importFile({ path: t.file('big.csv', bigCsv(20000)), chunkSize: 4096 });
    expect(big.rows).toBe(20000);
    expect(big.columns.map((c) => [c.kind, c.distinct])).toEqual([
      ['identifier', 20000],
      ['categorical', 2],
      ['float', 20000],
      ['text', 20000],
    ]);
    expect(readColumns(t.wb.db, big, 19998, 2)[2]).toEqual([7399.63, 7400]);
  });

  it('gives row i rowid i, in file order', async () => {
    const info = await t.wb.importFile({ path: t.file('ids.csv', bigCsv(3000)), chunkSize: 4096 });
    const { name } = t.wb.db.prepare('SELECT data_table AS name FROM datasets WHERE id = ?').get(info.id) as { name: string };
    const bad = t.wb.db.prepare(`SELECT COUNT(*) AS n FROM ${name} WHERE rowid <> c0`).get() as { n: number };
    expect(bad.n).toBe(0);
    expect(t.wb.db.prepare(`SELECT MIN(rowid) AS lo, MAX(rowid) AS hi, COUNT(*) AS n FROM ${name}`).get()).toEqual({ lo: 1, hi: 3000, n: 3000 });
  });

  it('counts distinct ids past the profiler cap in the worker, exactly', async () => {
    const rows = 70_000;
    const lines = ['#,video_id,amount'];
    for (let i = 1; i <= rows; i++) lines.push(`${i},${i % 7 === 0 ? 5 : ((i * 7919) % rows) + 10_000_000},${(i * 13) % rows}`);
    const info = await t.wb.importFile({ path: t.file('ids.csv', lines.join('\n') + '\n'), chunkSize: 65536 });
    expect(info.columns.map((c) => [c.kind, c.distinct])).toEqual([
      ['identifier', rows],
      ['integer', rows - Math.floor(rows / 7) + 1],
      ['integer', null],
    ]);
  });

  it('reads Windows-1252', async () => {
    const info = await t.wb.importFile({ path: t.file('l1.csv', Buffer.from('name,n\nZo\xeb,1\n', 'latin1')) });
    expect(info.format.encoding).toBe('windows-1252');
    expect(readColumns(t.wb.db, info, 0, 1)[0]).toEqual(['Zoë']);
  });

  it('a ragged row leaves the project as it was', async () => {
    const e = await importError(t.file('ragged.csv', bigCsv(5000) + '1,2,3,4,5\n'), { chunkSize: 4096 });
    expect(e.location).toMatchObject({ file: 'ragged.csv', line: 5002 });
  });

  it('a cancelled import leaves the project as it was', async () => {
    const controller = new AbortController();
    const e = await importError(t.file('cancel.csv', bigCsv(20000)), { chunkSize: 4096, signal: controller.signal, onProgress: () => controller.abort() });
    expect(e.code).toBe('cancelled');
  });
});

describe('large imports checkpoint the WAL in the background', () => {
  it('turns automatic checkpoints off for the transaction, restores them, and folds the WAL afterwards', async () => {
    const { backgroundCheckpoints, deferCheckpoint } = await import('../../src-main/node/ingest/backgroundCheckpoint');
    const db = t.wb.db;
    const before = db.pragma('wal_autocheckpoint', { simple: true });
    let during: unknown;
    await deferCheckpoint(db, async () => {
      during = db.pragma('wal_autocheckpoint', { simple: true });
      db.exec('BEGIN IMMEDIATE');
      db.exec('CREATE TABLE bg_test (x)');
      const ins = db.prepare('INSERT INTO bg_test VALUES (?)');
      for (let i = 0; i < 20000; i++) ins.run(`row ${i} `.repeat(20));
      db.exec('COMMIT');
    });
    expect(during).toBe(0);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(before);
    await backgroundCheckpoints();
    // Everything in the WAL has been copied to the project file.
    const [r] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
    expect(r.checkpointed).toBe(r.log);
    expect((db.prepare('SELECT COUNT(*) AS n FROM bg_test').get() as { n: number }).n).toBe(20000);
  });

  it('restores the setting when the transaction fails', async () => {
    const { deferCheckpoint } = await import('../../src-main/node/ingest/backgroundCheckpoint');
    const db = t.wb.db;
    const before = db.pragma('wal_autocheckpoint', { simple: true });
    await expect(deferCheckpoint(db, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(before);
  });
});
