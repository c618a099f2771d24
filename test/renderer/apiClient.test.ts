import { describe, expect, it } from 'vitest';
import { tableToIPC, vectorFromArray, Table, Dictionary, Utf8, Int32 } from 'apache-arrow';
import { PendingCalls } from '../../src-renderer/src/lib/api/pendingCalls';
import { decodeRowPage } from '../../src-renderer/src/lib/grid/arrowPage';
import { ApiError } from '../../src-main/core/api/errors';

describe('PendingCalls', () => {
  it('ties progress and results to their call', async () => {
    const pending = new PendingCalls();
    const seen: number[] = [];
    const a = pending.open('dataset.import', (p) => seen.push(p.done));
    const b = pending.open('dataset.list');
    expect(a.id).not.toBe(b.id);
    pending.progress(a.id, { done: 10, unit: 'bytes' });
    pending.resolve(b.id, ['b']);
    pending.resolve(a.id, 'a');
    expect(await a.promise).toBe('a');
    expect(await b.promise).toEqual(['b']);
    expect(seen).toEqual([10]);
    expect(pending.size).toBe(0);
  });

  it('rejects with ApiError and runs cleanup', async () => {
    const pending = new PendingCalls();
    const c = pending.open('dataset.import');
    let cleaned = false;
    pending.onSettle(c.id, () => (cleaned = true));
    pending.reject(c.id, { code: 'bad-input', message: 'bad row', location: { file: 'a.csv', line: 3 } });
    const err = await c.promise.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).location?.line).toBe(3);
    expect(cleaned).toBe(true);
  });

  it('fails every waiting call when the connection closes', async () => {
    const pending = new PendingCalls();
    const calls = [pending.open('a'), pending.open('b')];
    pending.rejectAll({ code: 'internal', message: 'connection lost' });
    for (const c of calls) await expect(c.promise).rejects.toThrow('connection lost');
  });
});

describe('decodeRowPage', () => {
  it('reads numbers, booleans, strings, dictionaries and nulls in column order', () => {
    const table = new Table({
      n: vectorFromArray([1, null, 2.5]),
      b: vectorFromArray([true, null, false]),
      s: vectorFromArray(['x', 'y', null], new Utf8()),
      d: vectorFromArray(['a', null, 'a'], new Dictionary(new Utf8(), new Int32())),
    });
    const page = decodeRowPage(tableToIPC(table, 'stream'), 400);
    expect(page.offset).toBe(400);
    expect(page.rowCount).toBe(3);
    expect(page.columns).toEqual([
      [1, null, 2.5],
      [true, null, false],
      ['x', 'y', null],
      ['a', null, 'a'],
    ]);
  });
});
