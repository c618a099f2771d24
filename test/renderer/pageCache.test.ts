import { describe, expect, it } from 'vitest';
import { PageCache } from '../../src-renderer/src/lib/grid/pageCache';

function deferredFetcher() {
  const calls: number[] = [];
  const pending = new Map<number, { resolve: (v: string) => void; reject: (e: unknown) => void }>();
  const fetchPage = (i: number) => {
    calls.push(i);
    return new Promise<string>((resolve, reject) => pending.set(i, { resolve, reject }));
  };
  const settle = async (i: number, ok = true) => {
    const p = pending.get(i)!;
    pending.delete(i);
    if (ok) p.resolve(`page ${i}`);
    else p.reject(new Error(`boom ${i}`));
    await new Promise((r) => setTimeout(r, 0));
  };
  return { calls, pending, fetchPage, settle };
}

describe('PageCache', () => {
  it('never fetches the same page twice concurrently', async () => {
    const f = deferredFetcher();
    const cache = new PageCache({ fetchPage: f.fetchPage });
    const a = cache.load(3);
    const b = cache.load(3);
    cache.want([3]);
    expect(f.calls).toEqual([3]);
    await f.settle(3);
    expect(await a).toBe('page 3');
    expect(await b).toBe('page 3');
    expect(cache.get(3)).toBe('page 3');
    cache.want([3]);
    expect(f.calls).toEqual([3]);
  });

  it('fetches only wanted pages, a few at a time', async () => {
    const f = deferredFetcher();
    let changes = 0;
    const cache = new PageCache({ fetchPage: f.fetchPage, concurrency: 2, onChange: () => changes++ });
    cache.want([0, 1, 2, 3]);
    expect(f.calls).toEqual([0, 1]);
    cache.want([7, 8]); // scrolled away: 2 and 3 are never fetched
    expect(f.calls).toEqual([0, 1]);
    await f.settle(0);
    expect(f.calls).toEqual([0, 1, 7]);
    expect(changes).toBe(1);
    await f.settle(1);
    expect(f.calls).toEqual([0, 1, 7, 8]);
  });

  it('evicts the least recently used pages beyond capacity, never the wanted ones', async () => {
    const cache = new PageCache({ fetchPage: async (i) => i, capacity: 3, concurrency: 10 });
    for (const i of [0, 1, 2]) await cache.load(i);
    cache.get(0); // 1 is now least recent
    cache.want([5]);
    await new Promise((r) => setTimeout(r, 0));
    expect(cache.has(1)).toBe(false);
    expect(cache.has(0)).toBe(true);
    expect(cache.has(5)).toBe(true);
    expect(cache.size).toBe(3);
  });

  it('drops answers from before a clear', async () => {
    const f = deferredFetcher();
    const cache = new PageCache({ fetchPage: f.fetchPage });
    cache.want([0]);
    cache.clear();
    await f.settle(0);
    expect(cache.has(0)).toBe(false);
    cache.want([0]);
    expect(f.calls).toEqual([0, 0]);
  });

  it('records failures and does not retry them until asked', async () => {
    const f = deferredFetcher();
    const cache = new PageCache({ fetchPage: f.fetchPage });
    cache.want([4]);
    await f.settle(4, false);
    expect((cache.error(4) as Error).message).toBe('boom 4');
    cache.want([4]);
    expect(f.calls).toEqual([4]);
    cache.retry();
    cache.want([4]);
    expect(f.calls).toEqual([4, 4]);
  });
});
