import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../src-main/core/api/errors';
import { readColumns } from '../../src-main/node/store/datasets';
import { tempWorkbench, type TempWorkbench } from './helpers';

let t: TempWorkbench;
beforeEach(async () => {
  t = await tempWorkbench();
});
afterEach(() => t.dispose());

function sampleTable() {
  const n = 30;
  return tableFromArrays({
    video_id: Int32Array.from({ length: n }, (_, i) => 1000 + i),
    views: Float64Array.from({ length: n }, (_, i) => i * 1.5),
    status: Array.from({ length: n }, (_, i) => (i % 2 ? 'claim' : 'opinion')),
    verified: Array.from({ length: n }, (_, i) => i % 3 === 0),
  });
}

describe('Arrow IPC and Feather import', () => {
  for (const format of ['file', 'stream'] as const) {
    it(`imports the Arrow IPC ${format} format with kinds from its schema`, async () => {
      const path = t.file(`data.${format === 'file' ? 'feather' : 'arrows'}`, tableToIPC(sampleTable(), format));
      const info = await t.wb.importFile({ path });
      expect(info.rows).toBe(30);
      expect(info.format.kind).toBe('arrow');
      expect(info.columns.map((c) => [c.name, c.kind])).toEqual([
        ['video_id', 'identifier'],
        ['views', 'float'],
        ['status', 'categorical'],
        ['verified', 'boolean'],
      ]);
      const cols = readColumns(t.wb.db, info, 28, 2);
      expect(cols[0]).toEqual([1028, 1029]);
      expect(cols[1]).toEqual([42, 43.5]);
      expect(cols[2]).toEqual(['opinion', 'claim']);
    });
  }

  it('refuses Feather version 1 with a clear message and no change', async () => {
    const before = t.state();
    const path = t.file('old.feather', Buffer.concat([Buffer.from('FEA1'), Buffer.alloc(64)]));
    await expect(t.wb.importFile({ path })).rejects.toThrow(/Feather version 1/);
    expect(t.state()).toBe(before);
  });

  it('refuses a damaged Arrow file with a clear message and no change', async () => {
    const before = t.state();
    const bytes = tableToIPC(sampleTable(), 'file');
    const path = t.file('cut.arrow', bytes.subarray(0, Math.floor(bytes.length / 2)));
    const err = await t.wb.importFile({ path }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).message).toMatch(/cut\.arrow/);
    expect(t.state()).toBe(before);
  });
});
