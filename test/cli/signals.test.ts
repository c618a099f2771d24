import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bigCsv } from '../node/helpers';
import { ASSAY_BIN, assay, finished, isolatedEnv } from './cliProcess';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'assay-cli-signals-'));
  // ~90 MB: an import of several seconds on this machine, so the signal arrives part-way.
  writeFileSync(join(dir, 'big.csv'), bigCsv(2_000_000));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Processes a test started; any still alive after it (a failure) are ended, so no test leaves orphans. */
let started: number[] = [];
afterEach(() => {
  for (const pid of alive(started)) process.kill(pid, 'SIGKILL');
  started = [];
});

/** A live (not zombie) process's parent, from /proc; null once it is gone. */
function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: fields after the last ")" are safe.
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return state === 'Z' || state === 'X' ? null : Number(ppid);
  } catch {
    return null;
  }
}

/** Every live process below `root`, by walking /proc. */
function descendants(root: number): number[] {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const ppid = parentOf(Number(name));
    if (ppid !== null) parents.set(Number(name), ppid);
  }
  const found: number[] = [];
  let frontier = [root];
  while (frontier.length > 0) {
    const next = [...parents].filter(([, ppid]) => frontier.includes(ppid)).map(([pid]) => pid);
    found.push(...next);
    frontier = next;
  }
  return found;
}

async function waitFor(what: string, ok: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const alive = (pids: number[]) => pids.filter((p) => parentOf(p) !== null);

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

describe('killing the assay wrapper', () => {
  it('SIGTERM during an import stops the real command: no process is left, and the project keeps nothing of it', async () => {
    const project = join(dir, 'p.assay');
    // A project with a dataset already in it, which the cancelled import must leave exactly as it was.
    writeFileSync(join(dir, 'small.csv'), 'a,b\n1,x\n2,y\n');
    const first = await assay(['import', 'p.assay', 'small.csv'], { cwd: dir, env: isolatedEnv(join(dir, 'home')) });
    expect(first.code, first.stderr).toBe(0);
    const wrapper = spawn(process.execPath, [ASSAY_BIN, 'import', 'p.assay', 'big.csv'], { cwd: dir, env: isolatedEnv(join(dir, 'home')) });
    const done = finished(wrapper);
    // Part-way: rows are being written to the project's WAL.
    await waitFor('the import to write rows', () => existsSync(`${project}-wal`) && statSync(`${project}-wal`).size > 4 << 20, 60_000);
    const below = descendants(wrapper.pid!);
    started = [wrapper.pid!, ...below];
    expect(below.length).toBeGreaterThan(0);

    wrapper.kill('SIGTERM');
    const r = await done;
    expect(r.code).toBe(143);
    expect(r.stderr).toMatch(/The import of big\.csv was cancelled; nothing was changed\./);
    // Generous: the machine is shared; the command itself gives up after 3 s.
    await waitFor('the command to end', () => alive(below).length === 0, 10_000);

    const db = new Database(project, { readonly: true });
    expect(db.prepare('SELECT name FROM datasets').pluck().all()).toEqual(['small']);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  }, 120_000);

  it('SIGTERM during a run stops the command and its training workers', async () => {
    const recipe = resolve('resources/recipes/claims-course6.json');
    const wrapper = spawn(process.execPath, [ASSAY_BIN, 'run', recipe, '--workers', '2'], { cwd: dir, env: isolatedEnv(join(dir, 'home')) });
    const done = finished(wrapper);
    const workers = () => descendants(wrapper.pid!).filter((p) => commandLine(p).includes('trainingWorker'));
    await waitFor('the training workers', () => workers().length === 2, 100_000);
    const below = descendants(wrapper.pid!);
    started = [wrapper.pid!, ...below];
    expect(below.length).toBeGreaterThanOrEqual(3);

    wrapper.kill('SIGTERM');
    const r = await done;
    expect(r.code).toBe(143);
    await waitFor('the command and its workers to end', () => alive(below).length === 0, 15_000);
  }, 120_000);
});
