import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readGoals, recordGoals, resetGoals } from '../../bench/lib/goalResults';
import type { GoalLine } from '../../bench/lib/goalTable';
import { rowsLabel } from '../../bench/lib/rowsLabel';

const dirs: string[] = [];
const scratch = () => {
  const d = mkdtempSync(join(tmpdir(), 'assay-goals-'));
  dirs.push(d);
  return join(d, 'sub', 'goals.jsonl');
};
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const peak: GoalLine = { goal: 1, what: '1M rows: peak', unit: 'MB', assay: 1400, reference: null, target: { kind: 'max', max: 1536 }, on: '1M rows generated' };

describe('goal results file', () => {
  it('appends what each benchmark records, stamped with the time, across calls', () => {
    vi.spyOn(process.stderr, 'write').mockReturnValue(true);
    const file = scratch();
    recordGoals([peak], file);
    recordGoals([{ ...peak, goal: 3, what: 'profile' }], file);
    const read = readGoals(file);
    expect(read.map((l) => [l.goal, l.what])).toEqual([
      [1, '1M rows: peak'],
      [3, 'profile'],
    ]);
    expect(Number.isNaN(Date.parse(read[0].at!))).toBe(false);
    resetGoals(file);
    expect(readGoals(file)).toEqual([]);
  });

  it('names the file and line of a line that is not JSON', () => {
    const file = scratch().replace('sub/', '');
    writeFileSync(file, `${JSON.stringify(peak)}\n{oops\n`);
    expect(() => readGoals(file)).toThrow(`${file}, line 2`);
  });
});

describe('rowsLabel', () => {
  it('names whole millions short and other counts in full', () => {
    expect(rowsLabel(1_000_000)).toBe('1M rows');
    expect(rowsLabel(10_000_000)).toBe('10M rows');
    expect(rowsLabel(20_000)).toBe('20,000 rows');
    expect(rowsLabel(1_500_000)).toBe('1,500,000 rows');
  });
});
