import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BENCH_DIR } from './dataset';
import { formatGoalTable, type GoalLine } from './goalTable';

/**
 * Where every benchmark appends the goal lines it measured (one JSON line
 * each), so `bench/summary.ts` can print one table for the whole
 * `npm run bench` however its benchmarks were run: in one chain, one at a
 * time, or the 10M-row run on another day.
 */
export const GOALS_FILE = process.env.ASSAY_BENCH_GOALS ?? join(BENCH_DIR, 'goals.jsonl');

/** Appends the lines, stamped with the time, and prints them as a table on stderr (stdout may be a --json document). */
export function recordGoals(lines: readonly GoalLine[], file = GOALS_FILE): void {
  if (lines.length === 0) return;
  const at = new Date().toISOString();
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, lines.map((l) => JSON.stringify({ ...l, at })).join('\n') + '\n');
  process.stderr.write(`\nGoals (also in ${file}):\n${formatGoalTable(lines)}`);
}

export function readGoals(file = GOALS_FILE): GoalLine[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((text, i) => {
      if (text.trim() === '') return [];
      try {
        return [JSON.parse(text) as GoalLine];
      } catch {
        throw new Error(`${file}, line ${i + 1}: not a JSON goal line: ${text.slice(0, 120)}`);
      }
    });
}

export function resetGoals(file = GOALS_FILE): void {
  rmSync(file, { force: true });
}
