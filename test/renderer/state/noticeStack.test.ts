import { describe, expect, it } from 'vitest';
import { dismissNotice, expireNotices, INFO_MS, MAX_ERRORS, nextExpiry, pushNotice, type Notice } from '../../../src-renderer/src/lib/state/noticeStack';

/** A store driven by a clock the test moves. */
function store() {
  let now = 1_000;
  let id = 1;
  let list: Notice[] = [];
  return {
    info: (message: string) => (list = pushNotice(expireNotices(list, now), { kind: 'info', message }, now, id++)),
    error: (message: string, where?: string) => (list = pushNotice(expireNotices(list, now), { kind: 'error', message, where }, now, id++)),
    advance: (ms: number) => {
      now += ms;
      list = expireNotices(list, now);
    },
    next: () => nextExpiry(list, now),
    dismiss: (i?: number) => (list = dismissNotice(list, i)),
    get list() {
      return list;
    },
  };
}

describe('notices', () => {
  it('information goes by itself after a few seconds; errors stay until dismissed', () => {
    const s = store();
    s.error('Could not export the chart: disk full');
    s.info('Exported chart.png.');
    expect(s.next()).toBe(INFO_MS);
    s.advance(INFO_MS - 1);
    expect(s.list.map((n) => n.kind)).toEqual(['error', 'info']);
    s.advance(1);
    expect(s.list.map((n) => n.message)).toEqual(['Could not export the chart: disk full']);
    expect(s.next()).toBeNull();
    s.advance(10 * 60_000);
    expect(s.list).toHaveLength(1);
    s.dismiss(s.list[0].id);
    expect(s.list).toEqual([]);
  });

  it('only the latest information is shown, with a fresh delay', () => {
    const s = store();
    s.info('Exported a.png.');
    s.advance(4000);
    s.info('Exported b.png.');
    expect(s.list.map((n) => n.message)).toEqual(['Exported b.png.']);
    expect(s.next()).toBe(INFO_MS);
  });

  it('errors collect in one stack: a repeat is counted, not listed twice, and the oldest go past the limit', () => {
    const s = store();
    s.error('Could not list the runs: gone');
    s.error('Could not save the recipe: locked', 'r.json, line 2, column 1');
    s.error('Could not list the runs: gone');
    expect(s.list.map((n) => [n.message, n.repeats])).toEqual([
      ['Could not save the recipe: locked', 1],
      ['Could not list the runs: gone', 2],
    ]);
    for (let i = 0; i < MAX_ERRORS + 2; i++) s.error(`error ${i}`);
    expect(s.list).toHaveLength(MAX_ERRORS);
    expect(s.list.at(-1)!.message).toBe(`error ${MAX_ERRORS + 1}`);
    expect(s.list[0].message).toBe('error 2');
  });

  it('dismissing without an id clears every notice', () => {
    const s = store();
    s.error('a');
    s.error('b');
    s.info('c');
    s.dismiss();
    expect(s.list).toEqual([]);
  });
});
