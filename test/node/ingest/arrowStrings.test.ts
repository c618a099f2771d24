import { Dictionary, Field, Int32, Schema, Table, Utf8, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { profileDataset } from '../../../src-main/node/profile/profileDataset';
import { readColumns } from '../../../src-main/node/store/datasets';
import { queryPage } from '../../../src-main/node/store/query';
import { tempWorkbench, type TempWorkbench } from '../helpers';

let t: TempWorkbench;
beforeEach(async () => {
  t = await tempWorkbench();
});
afterEach(() => t.dispose());

function tableOf(columns: Record<string, Vector>): Table {
  return new Table(new Schema(Object.entries(columns).map(([name, v]) => new Field(name, v.type, true))), columns);
}

const strings = (values: (string | null)[]) => vectorFromArray(values, new Utf8());

describe('Arrow string columns stay strings', () => {
  it('never gives a numeric or boolean kind to strings that look like numbers or booleans (the reviewer\u2019s files)', async () => {
    const table = tableOf({
      // strnum.arrow
      code: strings(['10', '9', '100', '007']),
      // a1.arrow
      zip: strings(['007', '42', '00501', '1']),
      fl: strings(['9007199254740993.0', '1.5', '2', '3']),
      flag: strings(['True', 'False', 'True', null]),
    });
    const info = await t.wb.importFile({ path: t.file('strings.arrow', tableToIPC(table, 'file')) });
    expect(info.columns.map((c) => [c.name, c.kind])).toEqual([
      ['code', 'categorical'],
      ['zip', 'categorical'],
      ['fl', 'categorical'],
      ['flag', 'categorical'],
    ]);
    expect(readColumns(t.wb.db, info, 0, 4)).toEqual([
      ['10', '9', '100', '007'],
      ['007', '42', '00501', '1'],
      ['9007199254740993.0', '1.5', '2', '3'],
      ['True', 'False', 'True', null],
    ]);
    // Sorted as the strings they are.
    const sorted = queryPage(t.wb.db, info, { sort: { column: 0, descending: false }, filters: [] }, 0, 4);
    expect(sorted.columns[0]).toEqual(['007', '10', '100', '9']);
    // The profile counts the text, not numbers read from it: 007 is not 7.
    const code = profileDataset(t.wb.db, info).columns[0];
    expect(code.type).toBe('string');
    expect(code.type === 'string' && code.top.values).toContain('007');
  });

  it('makes many distinct number-like strings an identifier, not an integer; dictionary strings likewise', async () => {
    const ids = Array.from({ length: 30 }, (_, i) => String(1000 + i));
    const table = tableOf({
      ref: strings(ids),
      coded: vectorFromArray(ids.map((s, i) => (i % 3 ? s : '5')), new Dictionary(new Utf8(), new Int32())),
    });
    const info = await t.wb.importFile({ path: t.file('refs.arrows', tableToIPC(table, 'stream')) });
    expect(info.columns.map((c) => c.kind)).toEqual(['identifier', 'categorical']);
    expect(readColumns(t.wb.db, info, 0, 2)).toEqual([
      ['1000', '1001'],
      ['5', '1001'],
    ]);
  });
});
