/**
 * Column chunks: a dataset imported with them loads the same frame from them
 * as from its row table (which is how datasets imported before chunks
 * existed still load), whatever the file held and whatever kind the analyst
 * later gives a column.
 */
import { join } from 'node:path';
import { Bool, Decimal, Field, Float64, Int64, Schema, Table, Utf8, tableToIPC, makeData, makeVector, vectorFromArray, type Vector } from 'apache-arrow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { ColumnInfo, DatasetInfo } from '../../../src-main/core/data/columns';
import type { Frame } from '../../../src-main/core/recipe/frame';
import { loadDatasetFrame } from '../../../src-main/node/recipe/loadFrame';
import { CHUNK_ROWS, chunkedColumns, COLUMN_CHUNKS_TABLE, deleteColumnChunks } from '../../../src-main/node/store/columnChunks';
import { setColumnKind } from '../../../src-main/node/store/columnKinds';
import { dataTableOf, deleteDataset, insertDataset, listDatasets } from '../../../src-main/node/store/datasets';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../src-main/node/store/migrations';
import { openProjectFile } from '../../../src-main/node/store/projectFile';
import { tempWorkbench, type TempWorkbench } from '../helpers';
import { expectSameFrame } from '../sameFrame';

let t: TempWorkbench;
beforeEach(async () => {
  t = await tempWorkbench();
});
afterEach(() => t.dispose());

/** A Decimal vector from unscaled integers, as Arrow stores them: 32-bit little-endian words, two's complement. */
function decimalVector(scale: number, precision: number, unscaled: (bigint | null)[]): Vector {
  const words = new Uint32Array(unscaled.length * 4);
  const bitmap = new Uint8Array(Math.ceil(unscaled.length / 8));
  unscaled.forEach((v, i) => {
    if (v === null) return;
    bitmap[i >> 3] |= 1 << (i & 7);
    let u = BigInt.asUintN(128, v);
    for (let k = 0; k < 4; k++, u >>= 32n) words[i * 4 + k] = Number(u & 0xffffffffn);
  });
  const nullCount = unscaled.filter((v) => v === null).length;
  return makeVector(makeData({ type: new Decimal(scale, precision, 128), length: unscaled.length, nullCount, nullBitmap: bitmap, data: words } as never));
}

/** The frame from the chunks, and the frame the row table gives once they are gone (as for a dataset imported before them). */
function bothFrames(info: DatasetInfo): { chunks: Frame; rows: Frame } {
  const db = t.wb.db;
  const table = dataTableOf(db, info.id);
  expect([...chunkedColumns(db, table, info.rows)].sort((p, q) => p - q)).toEqual(info.columns.map((c) => c.index));
  const chunks = loadDatasetFrame(db, info);
  db.transaction(() => deleteColumnChunks(db, table))();
  expect(chunkedColumns(db, table, info.rows).size).toBe(0);
  return { chunks, rows: loadDatasetFrame(db, info) };
}

const HOSTILE = [
  'id,quoted,empty_vs_missing,signed,huge,specials,nothing,mixed,flag,bits,late_text',
  '1234567890123456789,"a, b",,-0,1e308,NaN,,007,True,1,1',
  '1234567890123456790,"say ""hi""","",0,-1e308,inf,,5,False,0,2',
  '9007199254740993,plain, ,-0.0,1.7976931348623157e308,-inf,,x,,1,3',
  '1,"line\nbreak",x,1.5,4.9e-324,nan,,7.0,true,,4',
].join('\n');

describe('a dataset loads the same frame from its column chunks as from its rows', () => {
  it('for the bundled sample', async () => {
    const info = await t.wb.importFile({ path: 'resources/sample/tiktok_claims_sample.csv' });
    const { chunks, rows } = bothFrames(info);
    expectSameFrame(chunks, rows);
  });

  it('for hostile cells: quoted commas, empty vs missing, 19-digit ids, -0, 1e308, NaN/inf text, all-missing and mixed columns', async () => {
    const lateText = Array.from({ length: 1500 }, (_, i) => `${i},a,,${i},1,1,,1,True,1,${i === 1400 ? 'word' : `${i}.0`}`);
    const info = await t.wb.importFile({ path: t.file('hostile.csv', `${HOSTILE}\n${lateText.join('\n')}\n`) });
    const { chunks, rows } = bothFrames(info);
    expectSameFrame(chunks, rows);
    // The 19-digit ids stay exact text.
    const id = chunks.columns.get('id')!;
    expect(id.values.slice(0, 3)).toEqual(['1234567890123456789', '1234567890123456790', '9007199254740993']);
  });

  it('for a Windows-1252 file', async () => {
    const bytes = Buffer.concat([Buffer.from('name,n\n'), Buffer.from([0x43, 0x61, 0x66, 0xe9]), Buffer.from(',1\nna\xefve,2\n', 'latin1')]);
    const info = await t.wb.importFile({ path: t.file('cp1252.csv', bytes) });
    expect(info.format).toMatchObject({ encoding: 'windows-1252' });
    const { chunks, rows } = bothFrames(info);
    expectSameFrame(chunks, rows);
    expect(chunks.columns.get('name')!.values).toEqual(['Café', 'naïve']);
  });

  it('across several chunks, the last one short', async () => {
    const n = CHUNK_ROWS * 2 + 17;
    // `late` is numbers written as 5.0 until its last row, a word: its stored cells get their text back, in every chunk.
    const lines = ['i,x,s,late'];
    for (let i = 0; i < n; i++) lines.push(`${i},${i % 7 === 0 ? '' : (i * 0.25).toString()},${i % 5 === 0 ? '' : `s${i % 11}`},${i === n - 1 ? 'word' : `${i}.0`}`);
    const info = await t.wb.importFile({ path: t.file('long.csv', lines.join('\n') + '\n') });
    const chunkCount = t.wb.db.prepare(`SELECT COUNT(*) AS n FROM ${COLUMN_CHUNKS_TABLE} WHERE data_table = ? AND col = 0`).get(dataTableOf(t.wb.db, info.id)) as { n: number };
    expect(chunkCount.n).toBe(3);
    const { chunks, rows } = bothFrames(info);
    expectSameFrame(chunks, rows);
    expect(chunks.columns.get('i')!.values[n - 1]).toBe(n - 1);
    expect(chunks.columns.get('late')!.values.slice(n - 2)).toEqual([`${n - 2}.0`, 'word']);
  });

  it('when a worker thread parsed the file and built its chunks, across several chunks, with text put back and converted', async () => {
    const { delimitedTuning } = await import('../../../src-main/node/ingest/importDelimited');
    const saved = delimitedTuning.workerMinBytes;
    delimitedTuning.workerMinBytes = 0;
    try {
      const n = CHUNK_ROWS * 2 + 5;
      // `late` gets its text back after the import (a rewrite on this thread); `spaced` is numbers kept as text, then converted.
      const lines = [HOSTILE.split('\n')[0] + ',late,spaced,cat'];
      for (const row of HOSTILE.split('\n').slice(1)) lines.push(`${row},1.0, 1,a`);
      for (let i = 0; i < n; i++) {
        const late = i === n - 1 ? 'word' : `${i}.0`;
        lines.push(`${i},"t ${i}, é",${i % 3 === 0 ? '""' : ''},${-i},${i * 0.5},${i},,${i % 4},True,${i % 2},${i},${late},${i % 9 === 0 ? ' 7' : i},${['x', 'y', ''][i % 3]}`);
      }
      const info = await t.wb.importFile({ path: t.file('threaded.csv', lines.join('\n') + '\n') });
      const { chunks, rows } = bothFrames(info);
      expectSameFrame(chunks, rows);
      expect(chunks.columns.get('late')!.values.slice(-2)).toEqual([`${n - 2}.0`, 'word']);
      expect(chunks.columns.get('quoted')!.values.slice(4, 6)).toEqual(['t 0, é', 't 1, é']);
    } finally {
      delimitedTuning.workerMinBytes = saved;
    }
  });

  it('after the analyst changes column kinds', async () => {
    const csv = 'code,flag,num,label,mix\n1,True,007,a,True\n0,False,5,b,1\n1,,1e3,c,False\n,True,-0,a,0\n';
    let info = await t.wb.importFile({ path: t.file('kinds.csv', csv) });
    const kinds: [string, DatasetInfo['columns'][number]['kind']][] = [
      ['code', 'categorical'],
      ['code', 'boolean'],
      ['flag', 'categorical'],
      ['num', 'text'],
      ['num', 'float'],
      ['label', 'text'],
      ['mix', 'boolean'],
    ];
    for (const [name, kind] of kinds) {
      const column = info.columns.find((c) => c.name === name)!;
      info = setColumnKind(t.wb.db, info.id, column.index, kind);
    }
    const { chunks, rows } = bothFrames(info);
    expectSameFrame(chunks, rows);
  });

  it('for an Arrow file, with its 64-bit integers beyond 2^53 kept exact', async () => {
    const columns: Record<string, Vector> = {
      big: vectorFromArray([2n ** 62n + 1n, 5n, null], new Int64()),
      x: vectorFromArray([-0, 1e308, null], new Float64()),
      b: vectorFromArray([true, null, false], new Bool()),
      s: vectorFromArray(['', null, 'z'], new Utf8()),
      // 1.10, then a decimal a double would round: the whole column is kept as exact text.
      dec: decimalVector(2, 30, [110n, 12345678901234567890123n, null]),
    };
    const table = new Table(new Schema(Object.entries(columns).map(([name, v]) => new Field(name, v.type, true))), columns);
    const info = await t.wb.importFile({ path: t.file('t.arrow', tableToIPC(table, 'file')) });
    const { chunks, rows } = bothFrames(info);
    expectSameFrame(chunks, rows);
    expect(chunks.columns.get('big')!.values).toEqual(['4611686018427387905', '5', null]);
    expect(chunks.columns.get('dec')!.values).toEqual(['1.10', '123456789012345678901.23', null]);
  });

  it('for an Arrow text column of numbers pandas reads (inf) made float', async () => {
    const columns: Record<string, Vector> = { t: vectorFromArray(['inf', '-inf', '1.5', null], new Utf8()) };
    const table = new Table(new Schema([new Field('t', columns.t.type, true)]), columns);
    const imported = await t.wb.importFile({ path: t.file('t.arrow', tableToIPC(table, 'file')) });
    const info = setColumnKind(t.wb.db, imported.id, 0, 'float');
    const { chunks, rows } = bothFrames(info);
    expectSameFrame(chunks, rows);
    expect([...(chunks.columns.get('t')!.values as Float64Array)]).toEqual([Infinity, -Infinity, 1.5, NaN]);
  });

  it('for an Arrow decimal column kept as text and then made float', async () => {
    const columns: Record<string, Vector> = { dec: decimalVector(2, 30, [110n, 12345678901234567890123n, null]) };
    const table = new Table(new Schema([new Field('dec', columns.dec.type, true)]), columns);
    const imported = await t.wb.importFile({ path: t.file('d.arrow', tableToIPC(table, 'file')) });
    const info = setColumnKind(t.wb.db, imported.id, 0, 'float');
    const { chunks, rows } = bothFrames(info);
    expectSameFrame(chunks, rows);
    expect([...(chunks.columns.get('dec')!.values as Float64Array)]).toEqual([1.1, Number('123456789012345678901.23'), NaN]);
  });
});

describe('column chunks in the project', () => {
  it('go when their dataset is deleted', async () => {
    const info = await t.wb.importFile({ path: t.file('a.csv', 'x,y\n1,a\n2,b\n') });
    const table = dataTableOf(t.wb.db, info.id);
    expect(chunkedColumns(t.wb.db, table, 2).size).toBe(2);
    deleteDataset(t.wb.db, info.id);
    expect(t.wb.db.prepare(`SELECT COUNT(*) AS n FROM ${COLUMN_CHUNKS_TABLE}`).get()).toEqual({ n: 0 });
  });

  it('are not needed: a project written with schema 6 opens, and its dataset loads from its rows', () => {
    const path = join(t.dir, 'old.assay');
    const old = new Database(path);
    old.pragma('journal_mode = WAL');
    old.pragma(`application_id = ${0x41535359}`);
    for (const m of MIGRATIONS.filter((x) => x.version <= 6)) m.up(old);
    old.pragma('user_version = 6');
    // What Assay wrote before chunks: the row table and its dataset row.
    old.exec('CREATE TABLE ds_rows_old (c0, c1, c2)');
    const insert = old.prepare('INSERT INTO ds_rows_old (c0, c1, c2) VALUES (?, ?, ?)');
    for (const row of [[1, 'a', 'True'], [-0, null, 'False'], [null, '', 1]]) insert.run(row);
    const columns: ColumnInfo[] = [
      { index: 0, name: 'x', kind: 'float', inferredKind: 'float', count: 2, missing: 1, distinct: 2 },
      { index: 1, name: 's', kind: 'categorical', inferredKind: 'categorical', count: 2, missing: 1, distinct: 2 },
      { index: 2, name: 'b', kind: 'boolean', inferredKind: 'boolean', count: 3, missing: 0, distinct: 2 },
    ];
    insertDataset(old, { name: 'old', sourceName: 'old.csv', rows: 3, columns, format: { kind: 'delimited', encoding: 'utf-8', delimiter: ',' }, notes: [], contentHash: 'h', dataTable: 'ds_rows_old' });
    old.close();

    const db = openProjectFile(path);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      const info = listDatasets(db)[0];
      expect(chunkedColumns(db, 'ds_rows_old', 3).size).toBe(0);
      const frame = loadDatasetFrame(db, info);
      expect([...frame.columns.get('x')!.values]).toEqual([1, -0, NaN]);
      expect(frame.columns.get('s')!.values).toEqual(['a', null, '']);
      expect([...frame.columns.get('b')!.values]).toEqual([1, 0, 1]);
    } finally {
      db.close();
    }
  });
});
