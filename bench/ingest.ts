/**
 * Ingest benchmark: Assay's streaming CSV import against pandas.read_csv on
 * the same file, each in its own process (so peak RSS is that process's),
 * each run several times; the median is reported. Process start is not
 * counted on either side (each times its own read).
 *
 *   npm run bench:ingest [-- --rows N] [--data FILE] [--runs N] [--json]
 *
 * --rows  rows to generate (default 1,000,000), kept in the benchmark data folder for reruns;
 *         10,000,000 (~1.7 GB) is issue 16's goal 2 (import ≤ 2× pandas.read_csv): use --runs 1
 * --data  measure this CSV instead
 * --runs  runs per side, alternating (default 3)
 *
 * Records a goal-2 line (Assay / pandas ≤ 2×) for bench/summary.ts.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PYTHON, pandasVersion } from './lib/childJson';
import { benchDataset } from './lib/dataset';
import { recordGoals } from './lib/goalResults';
import type { GoalLine } from './lib/goalTable';
import { machine } from './lib/machine';
import { rowsLabel } from './lib/rowsLabel';
import { median } from './lib/stats';

const { values: args } = parseArgs({
  options: {
    data: { type: 'string' },
    rows: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
  },
});

const TIME = '/usr/bin/time';
const TARGET = 2;
const runs = Math.max(1, Number(args.runs));
const log = (s: string) => {
  if (!args.json) console.log(s);
};

interface Run {
  seconds: number;
  peakMB: number;
  /** Assay only: the WAL checkpoint left to a background thread after the import returned. */
  checkpointSeconds?: number;
  /** Assay only: the rows imported. */
  rows?: number;
}

/** Runs a command, measuring its peak RSS with GNU time -v, or by polling /proc when time is absent. */
function measure(cmd: string, argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ stdout: string; peakMB: number }> {
  const useTime = existsSync(TIME);
  const [file, list] = useTime ? [TIME, ['-v', cmd, ...argv]] : [cmd, argv];
  return new Promise((resolveRun, reject) => {
    const child = spawn(file, list, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let polledKB = 0;
    const poll = useTime
      ? null
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
            if (m) polledKB = Math.max(polledKB, Number(m[1]));
          } catch {
            // The process has exited.
          }
        }, 20);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (poll) clearInterval(poll);
      if (code !== 0) {
        reject(new Error(`${cmd} ${argv.join(' ')} exited with ${code}:\n${stderr}`));
        return;
      }
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      resolveRun({ stdout, peakMB: (m ? Number(m[1]) : polledKB) / 1024 });
    });
  });
}

function summarize(list: Run[]): Run {
  return { seconds: median(list.map((r) => r.seconds)), peakMB: median(list.map((r) => r.peakMB)) };
}

async function runAssay(file: string, dir: string, i: number): Promise<Run> {
  const project = join(dir, `bench-${i}.assay`);
  const tsx = resolve('node_modules/.bin/tsx');
  const { stdout, peakMB } = await measure(tsx, [resolve('bench/importOnce.ts'), file, project]);
  rmSync(project, { force: true });
  rmSync(`${project}-wal`, { force: true });
  rmSync(`${project}-shm`, { force: true });
  const r = JSON.parse(stdout.trim().split('\n').pop()!) as { seconds: number; checkpointSeconds: number; rows: number };
  return { seconds: r.seconds, peakMB, checkpointSeconds: r.checkpointSeconds, rows: r.rows };
}

const PANDAS_SCRIPT = `
import sys, time
import pandas as pd
t = time.perf_counter()
df = pd.read_csv(sys.argv[1])
print(time.perf_counter() - t, len(df))
`;

async function runPandas(file: string): Promise<Run> {
  const { stdout, peakMB } = await measure(PYTHON, ['-c', PANDAS_SCRIPT, file]);
  return { seconds: Number(stdout.trim().split(/\s+/)[0]), peakMB };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'assay-bench-'));
  try {
    const { path: file, sizeMB } = benchDataset({ data: args.data, rows: Number(args.rows), log });
    const pandas = await pandasVersion();
    const m = { ...machine(), pandas };
    log(`${file}: ${sizeMB.toFixed(1)} MB`);
    log(`${m.cpu}, ${m.cores} cores, ${m.ramGB} GB RAM, Node ${m.node}, pandas ${pandas ?? '(not available)'}`);
    if (!pandas) log(`Python with pandas is not available (${PYTHON}); reporting Assay alone.`);

    const assayRuns: Run[] = [];
    const pandasRuns: Run[] = [];
    for (let i = 0; i < runs; i++) {
      assayRuns.push(await runAssay(file, dir, i));
      const ckpt = assayRuns[i].checkpointSeconds;
      log(
        `  assay  run ${i + 1}: ${assayRuns[i].seconds.toFixed(2)} s, ${assayRuns[i].peakMB.toFixed(0)} MB` +
          (ckpt ? ` (then ${ckpt.toFixed(2)} s of background WAL checkpoint)` : ''),
      );
      if (pandas) {
        pandasRuns.push(await runPandas(file));
        log(`  pandas run ${i + 1}: ${pandasRuns[i].seconds.toFixed(2)} s, ${pandasRuns[i].peakMB.toFixed(0)} MB`);
      }
    }
    const assay = summarize(assayRuns);
    const pd = pandas ? summarize(pandasRuns) : null;
    const ratio = pd ? { seconds: assay.seconds / pd.seconds, peakMB: assay.peakMB / pd.peakMB } : null;
    const rows = assayRuns[0].rows ?? 0;
    const goals: GoalLine[] = [
      {
        goal: 2,
        what: `${rowsLabel(rows)}: import vs pandas.read_csv`,
        unit: 's',
        assay: assay.seconds,
        reference: pd?.seconds ?? null,
        target: { kind: 'ratio', max: TARGET },
        on: `${args.data ? file : rowsLabel(rows) + ' generated'} (${sizeMB.toFixed(0)} MB), median of ${runs}`,
      },
    ];
    recordGoals(goals);
    if (args.json) {
      console.log(JSON.stringify({ file, sizeMB, rows, runs, machine: m, assay, pandas: pd, ratio, target: TARGET, assayRuns, pandasRuns, goals }, null, 2));
      return;
    }
    const row = (name: string, s: string, mb: string) => `| ${name.padEnd(15)} | ${s.padStart(9)} | ${mb.padStart(9)} |`;
    console.log(`\nMedian of ${runs} run${runs === 1 ? '' : 's'}:`);
    console.log(row('', 'seconds', 'peak MB'));
    console.log(`|${'-'.repeat(17)}|${'-'.repeat(11)}|${'-'.repeat(11)}|`);
    console.log(row('Assay import', assay.seconds.toFixed(2), assay.peakMB.toFixed(0)));
    if (pd && ratio) {
      console.log(row('pandas read_csv', pd.seconds.toFixed(2), pd.peakMB.toFixed(0)));
      console.log(row('Assay / pandas', `${ratio.seconds.toFixed(2)}×`, `${ratio.peakMB.toFixed(2)}×`));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
