/**
 * The summary of `npm run bench`: one table, a line per goal of issue 16
 * (Assay, reference, ratio, target, met or missed), from the goal lines the
 * benchmarks appended to the goals file (bench/lib/goalResults.ts). A goal
 * measured twice shows its latest figure; the `data` column says what it
 * was measured on, the `at` field of --json when.
 *
 *   tsx bench/summary.ts [--reset] [--json] [--file FILE]
 *
 * --reset  empties the goals file (what `npm run bench` does first) and exits.
 * --file   another goals file (default: $ASSAY_BENCH_GOALS, or goals.jsonl in the benchmark data folder).
 */
import { parseArgs } from 'node:util';
import { GOALS_FILE, readGoals, resetGoals } from './lib/goalResults';
import { formatGoalTable, goalVerdict, latestPerMeasure } from './lib/goalTable';
import { machine } from './lib/machine';

const { values: args } = parseArgs({
  options: { reset: { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, file: { type: 'string' } },
});
const file = args.file ?? GOALS_FILE;

if (args.reset) {
  resetGoals(file);
} else {
  const lines = latestPerMeasure(readGoals(file));
  const m = machine();
  if (args.json) {
    console.log(JSON.stringify({ machine: m, file, goals: lines.map((l) => ({ ...l, result: goalVerdict(l) })) }, null, 2));
  } else if (lines.length === 0) {
    console.log(`No goal lines in ${file}: run the benchmarks first (npm run bench).`);
  } else {
    console.log(`\nIssue 16 goals — ${m.cpu}, ${m.cores} cores, ${m.ramGB} GB RAM, Node ${m.node}\n`);
    console.log(formatGoalTable(lines));
    const missed = lines.filter((l) => goalVerdict(l) !== 'met').length;
    console.log(`${lines.length - missed} of ${lines.length} met.`);
  }
}
