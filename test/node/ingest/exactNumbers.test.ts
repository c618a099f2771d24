/**
 * CSV numbers a double cannot hold: integers beyond 2^53 written as floats
 * (`1234567890123456789.0`) keep their exact text like the plain ones; floats
 * with more significant digits than a double keeps are stored rounded, with a
 * note naming the first.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setColumnKind } from '../../../src-main/node/store/columnKinds';
import { getDataset, readColumns } from '../../../src-main/node/store/datasets';
import { refusal, tempWorkbench, type TempWorkbench } from '../helpers';

let t: TempWorkbench;
beforeEach(async () => {
  t = await tempWorkbench();
});
afterEach(() => t.dispose());

describe('integers beyond 2^53 written in float form', () => {
  // As doubles, the first two are one value (1234567890123456768) and the last two are 2^53.
  const csv = 'id,x\n1234567890123456789.0,1.5\n1234567890123456790.0,2.5\n9007199254740993.0,3\n9007199254740992.0,4\n';

  it('keep their exact text, distinct, as an identifier with the note', async () => {
    const info = await t.wb.importFile({ path: t.file('ids.csv', csv) });
    expect(info.columns.map((c) => [c.name, c.kind])).toEqual([
      ['id', 'identifier'],
      ['x', 'float'],
    ]);
    expect(readColumns(t.wb.db, info, 0, 4)[0]).toEqual(['1234567890123456789.0', '1234567890123456790.0', '9007199254740993.0', '9007199254740992.0']);
    expect(info.columns[0].distinct).toBe(4);
    expect(info.notes).toEqual([
      'Column "id" holds integers beyond ±2^53 (such as 1234567890123456789.0 on line 2), which numbers cannot hold exactly: their exact text is kept and the column is an identifier.',
    ]);
  });

  it('refuse to become integer or float, naming the reason and the row', async () => {
    const info = await t.wb.importFile({ path: t.file('ids.csv', csv) });
    for (const kind of ['integer', 'float'] as const) {
      expect(refusal(() => setColumnKind(t.wb.db, info.id, 0, kind)).message).toBe(
        `Column "id" cannot be ${kind}: values beyond ±2^53 such as 1234567890123456789.0 on row 1 cannot be held exactly as numbers.`,
      );
    }
    expect(getDataset(t.wb.db, info.id).columns[0].kind).toBe('identifier');
  });

  it('are found past the rows that decide a column, and the earlier numbers become text again', async () => {
    const lines = ['n'];
    for (let i = 1; i <= 1500; i++) lines.push(String(i));
    lines.push('12345678901234567890.0');
    const info = await t.wb.importFile({ path: t.file('late.csv', lines.join('\n') + '\n') });
    expect(info.columns[0].kind).toBe('identifier');
    const column = readColumns(t.wb.db, info, 0, 1501)[0];
    expect(column[0]).toBe('1');
    expect(column[1500]).toBe('12345678901234567890.0');
    expect(info.notes[0]).toMatch(/such as 12345678901234567890\.0 on line 1502\)/);
  });
});

describe('floats with more digits than a double keeps', () => {
  it('are stored rounded, with a note naming the first and its line', async () => {
    const csv = 'name,pi\na,1.5\nb,3.14159265358979323846\nc,0.30000000000000004\nd,2.718281828459045235360287\n';
    const info = await t.wb.importFile({ path: t.file('pi.csv', csv) });
    expect(info.columns[1].kind).toBe('float');
    expect(readColumns(t.wb.db, info, 0, 4)[1]).toEqual([1.5, 3.141592653589793, 0.30000000000000004, 2.718281828459045]);
    expect(info.notes).toEqual([
      'Column "pi" holds numbers with more significant digits than a float keeps (such as 3.14159265358979323846 on line 3, stored as 3.141592653589793); they are stored rounded to the nearest float.',
    ]);
  });

  it('give no note when every long number is exactly its float', async () => {
    const info = await t.wb.importFile({ path: t.file('ok.csv', 'x\n0.30000000000000004\n0.1000000000000000000000\n12345.678901234567\n') });
    expect(info.columns[0].kind).toBe('float');
    expect(info.notes).toEqual([]);
  });
});
