import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import { ExportTurns } from '../../../src-main/node/report/exportTurns';

/** A task that runs until the test ends it, saying when it started. */
function task(log: string[], name: string) {
  let end!: () => void;
  let fail!: (e: Error) => void;
  const ended = new Promise<string>((resolve, reject) => {
    end = () => resolve(name);
    fail = reject;
  });
  return {
    run: () => {
      log.push(`${name} starts`);
      return ended;
    },
    end: () => end(),
    fail: (e: Error) => fail(e),
  };
}

/** Lets every promise callback queued so far run: whatever could start has started. */
const settle = () => new Promise((r) => setImmediate(r));

describe('ExportTurns: one export at a time for the host', () => {
  it('a second export waits until the first ends, then runs; a third waits behind it', async () => {
    const turns = new ExportTurns();
    const log: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((n) => task(log, n));
    const pa = turns.run(a.run);
    const pb = turns.run(b.run);
    const pc = turns.run(c.run);
    await settle();
    expect(log).toEqual(['a starts']);
    expect(turns.waiting).toBe(2);
    a.end();
    expect(await pa).toBe('a');
    await settle();
    expect(log).toEqual(['a starts', 'b starts']);
    expect(turns.waiting).toBe(1);
    b.end();
    c.end();
    expect(await Promise.all([pb, pc])).toEqual(['b', 'c']);
    expect(log).toEqual(['a starts', 'b starts', 'c starts']);
    expect(turns.waiting).toBe(0);
  });

  it('an export that fails hands the turn on', async () => {
    const turns = new ExportTurns();
    const log: string[] = [];
    const [a, b] = ['a', 'b'].map((n) => task(log, n));
    const pa = turns.run(a.run);
    const pb = turns.run(b.run);
    a.fail(new Error('LibreOffice crashed'));
    await expect(pa).rejects.toThrow('LibreOffice crashed');
    await settle();
    expect(log).toEqual(['a starts', 'b starts']);
    b.end();
    expect(await pb).toBe('b');
  });

  it('cancelling a waiting export takes it out of the line: it never starts, and the ones behind it still run', async () => {
    const turns = new ExportTurns();
    const log: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((n) => task(log, n));
    const cancel = new AbortController();
    const pa = turns.run(a.run);
    const pb = turns.run(b.run, cancel.signal);
    const pc = turns.run(c.run);
    cancel.abort();
    const refused = await pb.catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).code).toBe('cancelled');
    expect(turns.waiting).toBe(1);
    a.end();
    c.end();
    expect(await Promise.all([pa, pc])).toEqual(['a', 'c']);
    expect(log).toEqual(['a starts', 'c starts']);
  });

  it('an export cancelled before it asks never starts, and does not hold the turn', async () => {
    const turns = new ExportTurns();
    const log: string[] = [];
    const [a, b] = ['a', 'b'].map((n) => task(log, n));
    const cancelled = new AbortController();
    cancelled.abort();
    await expect(turns.run(a.run, cancelled.signal)).rejects.toMatchObject({ code: 'cancelled' });
    const pb = turns.run(b.run);
    await settle();
    expect(log).toEqual(['b starts']);
    b.end();
    expect(await pb).toBe('b');
  });
});
