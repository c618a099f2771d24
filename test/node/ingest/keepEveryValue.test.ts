/**
 * Imports keep every value: big integers, leading zeros decided anywhere in
 * the file, kind overrides the values cannot take.
 */
import { tableFromIPC } from 'apache-arrow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeArrowPage } from '../../../src-main/core/data/arrowPage';
import { readColumns } from '../../../src-main/node/store/datasets';
import { setColumnKind } from '../../../src-main/node/store/columnKinds';
import { refusal, tempWorkbench, type TempWorkbench } from '../helpers';

let t: TempWorkbench;
beforeEach(async () => {
  t = await tempWorkbench();
});
afterEach(() => t.dispose());

/** 40 distinct 19-digit ids that differ only in their last digits: all round to very few doubles. */
function bigIds(n = 40): string[] {
  return Array.from({ length: n }, (_, i) => (1234567890123456700n + BigInt(i)).toString());
}

describe('integers beyond 2^53', () => {
  for (const worker of [false, true]) {
    it(`keep 40 distinct 19-digit ids exact${worker ? ' (parser on a worker thread)' : ''}`, async () => {
      const { delimitedTuning } = await import('../../../src-main/node/ingest/importDelimited');
      const saved = delimitedTuning.workerMinBytes;
      if (worker) delimitedTuning.workerMinBytes = 0;
      try {
        const ids = bigIds();
        const csv = 'video_id,views\n' + ids.map((id, i) => `${id},${i * 10}`).join('\n') + '\n';
        const info = await t.wb.importFile({ path: t.file('ids.csv', csv) });
        expect(info.columns[0].kind).toBe('identifier');
        expect(info.columns[0].distinct).toBe(40);
        const stored = readColumns(t.wb.db, info, 0, 40)[0];
        expect(stored).toEqual(ids);
        expect(new Set(stored).size).toBe(40);
        expect(info.notes.join(' ')).toMatch(/"video_id".*beyond ±2\^53.*1234567890123456700.*line 2/);
        expect(info.columns[1].kind).toBe('integer');
      } finally {
        delimitedTuning.workerMinBytes = saved;
      }
    });
  }

  it('keeps uint64 values beyond int64 exact, and numbers beyond uint64 as text', async () => {
    const csv = 'key,huge\n18446744073709551615,99999999999999999999\n18446744073709551614,1\n9223372036854775808,2\n';
    const info = await t.wb.importFile({ path: t.file('u64.csv', csv) });
    const cols = readColumns(t.wb.db, info, 0, 3);
    expect(cols[0]).toEqual(['18446744073709551615', '18446744073709551614', '9223372036854775808']);
    expect(info.columns[0].distinct).toBe(3);
    expect(cols[1][0]).toBe('99999999999999999999');
    expect(info.columns[1].kind).not.toBe('integer');
  });

  it('keeps a big negative id exact, and a safe integer column numeric', async () => {
    const csv = 'a,b\n-9007199254740993,9007199254740991\n-9007199254740992,1\n';
    const info = await t.wb.importFile({ path: t.file('neg.csv', csv) });
    const cols = readColumns(t.wb.db, info, 0, 2);
    expect(cols[0]).toEqual(['-9007199254740993', '-9007199254740992']);
    expect(cols[1]).toEqual([9007199254740991, 1]);
    expect(info.columns[1].kind).toBe('integer');
  });

  it('refuses to make such a column integer or float, naming the value and its row', async () => {
    const ids = ['5', '6', ...bigIds(3)];
    const info = await t.wb.importFile({ path: t.file('ids.csv', 'video_id\n' + ids.join('\n') + '\n') });
    for (const kind of ['integer', 'float'] as const) {
      const e = refusal(() => setColumnKind(t.wb.db, info.id, 0, kind));
      expect(e.message).toMatch(/values beyond ±2\^53 such as 1234567890123456700 on row 3 cannot be held exactly as numbers/);
    }
    expect(readColumns(t.wb.db, info, 0, 5)[0]).toEqual(['5', '6', ...bigIds(3)]);
  });
});

describe('leading zeros', () => {
  it('are kept when the first non-numeric value comes after the first 1,000 rows', async () => {
    const codes = Array.from({ length: 1500 }, (_, i) => String(i).padStart(5, '0'));
    const csv = 'zip,n\n' + codes.map((c, i) => `${c},${i}`).join('\n') + '\nabc,1500\n';
    const info = await t.wb.importFile({ path: t.file('zip.csv', csv), chunkSize: 4096 });
    expect(info.columns[0].kind).not.toBe('integer');
    const stored = readColumns(t.wb.db, info, 0, 1501)[0];
    expect(stored).toEqual([...codes, 'abc']);
    // The text is kept exactly as written, so there is nothing to say: no note on leading zeros, which only numeric columns lose.
    expect(info.notes).toEqual([]);
  });

  it('a value is one value whichever side of the first text cell it is on', async () => {
    const labels = Array.from({ length: 1500 }, (_, i) => String((i % 3) + 1));
    const csv = 'code\n' + [...labels, 'x', '1', '2'].join('\n') + '\n';
    const info = await t.wb.importFile({ path: t.file('codes.csv', csv) });
    expect(info.columns[0]).toMatchObject({ kind: 'categorical', distinct: 4 });
    const { data_table: table } = t.wb.db.prepare('SELECT data_table FROM datasets WHERE id = ?').get(info.id) as { data_table: string };
    const groups = t.wb.db.prepare(`SELECT c0 AS v, typeof(c0) AS type, COUNT(*) AS n FROM ${table} GROUP BY c0 ORDER BY c0`).all();
    expect(groups).toEqual([
      { v: '1', type: 'text', n: 501 },
      { v: '2', type: 'text', n: 501 },
      { v: '3', type: 'text', n: 500 },
      { v: 'x', type: 'text', n: 1 },
    ]);
  });

  it('are counted once when SQLite counts distinct values past the profiler cap', async () => {
    const rows = 70_000;
    const refs: string[] = [];
    for (let i = 1; i <= rows; i++) refs.push(i <= 1500 ? String(i) : i === rows ? '5' : `R${i}`);
    const info = await t.wb.importFile({ path: t.file('refs.csv', 'ref\n' + refs.join('\n') + '\n'), chunkSize: 65536 });
    // "5" is on row 5 and on the last row: not all distinct, so not an identifier.
    expect(info.columns[0].distinct).toBe(rows - 1);
    expect(info.columns[0].kind).not.toBe('identifier');
  });

  it('are kept on the worker thread too, with the text past the last chunk', async () => {
    const { delimitedTuning } = await import('../../../src-main/node/ingest/importDelimited');
    const saved = delimitedTuning.workerMinBytes;
    delimitedTuning.workerMinBytes = 0;
    try {
      const rows = 20_000;
      const lines = ['code,other'];
      for (let i = 0; i < rows; i++) lines.push(`${i % 5 === 0 ? '0' : ''}${i},${i}.50`);
      lines.push('X1,1');
      const info = await t.wb.importFile({ path: t.file('late.csv', lines.join('\n') + '\n'), chunkSize: 4096 });
      const stored = readColumns(t.wb.db, info, 0, rows + 1);
      expect(stored[0]).toEqual(lines.slice(1).map((l) => l.split(',')[0]));
      expect(info.columns[1].kind).toBe('float');
      expect(stored[1][1]).toBe(1.5);
    } finally {
      delimitedTuning.workerMinBytes = saved;
    }
  });

  it('go in a purely numeric column, as pandas reads it, with a note naming a line', async () => {
    const info = await t.wb.importFile({ path: t.file('n.csv', 'zip\n02134\n10001\n') });
    expect(info.columns[0].kind).toBe('integer');
    expect(readColumns(t.wb.db, info, 0, 2)[0]).toEqual([2134, 10001]);
    expect(info.notes.join(' ')).toMatch(/"zip".*leading zeros.*"02134" on line 2/);
  });
});

describe('kind overrides', () => {
  it('a kind the values cannot take is refused with the row', async () => {
    const info = await t.wb.importFile({ path: t.file('k.csv', 'v,w\n1,1\n2,2.5\nabc,3\n') });
    const e = refusal(() => setColumnKind(t.wb.db, info.id, 0, 'integer'));
    expect(e.message).toBe('Column "v" cannot be integer (whole numbers): row 3 holds "abc".');
    const f = refusal(() => setColumnKind(t.wb.db, info.id, 1, 'integer'));
    expect(f.message).toMatch(/row 2 holds "2.5"/);
    const g = refusal(() => setColumnKind(t.wb.db, info.id, 0, 'boolean'));
    expect(g.message).toMatch(/row 2 holds "2"/);
  });

  it('1 and 0 kept as text beside boolean words become a boolean column that reads them right', async () => {
    const info = await t.wb.importFile({ path: t.file('b.csv', 'flag\nTrue\n1\n0\nFalse\n') });
    expect(readColumns(t.wb.db, info, 0, 4)[0]).toEqual(['True', '1', '0', 'False']);
    const after = setColumnKind(t.wb.db, info.id, 0, 'boolean');
    const page = tableFromIPC(encodeArrowPage(after.columns, readColumns(t.wb.db, after, 0, 4)));
    expect(page.getChildAt(0)!.toArray()).toEqual([true, true, false, false]);
  });
});
