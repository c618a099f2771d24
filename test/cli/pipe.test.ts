import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSAY_BIN, finished, isolatedEnv } from './cliProcess';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'assay-cli-pipe-'));
  // 80 numeric columns: describe, and Pearson and Spearman matrices of 6,400 cells each, make a profile of ~0.5 MB.
  const lines = [Array.from({ length: 80 }, (_, j) => `c${j}`).join(',')];
  for (let i = 0; i < 300; i++) lines.push(Array.from({ length: 80 }, (_, j) => (((i + 1) * (j + 7) * 7919) % 10007) / 10).join(','));
  writeFileSync(join(dir, 'wide.csv'), lines.join('\n') + '\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Runs `assay ARGS… | (sleep 1; cat) > out` through a real pipe whose reader
 * waits: the command writes far more than the pipe holds (64 KiB) before
 * anything is read.
 */
async function throughSlowPipe(args: string[]): Promise<{ code: number | null; stderr: string; out: string }> {
  const out = join(dir, 'out.txt');
  const status = join(dir, 'status.txt');
  const quoted = [process.execPath, ASSAY_BIN, ...args].map((a) => `'${a}'`).join(' ');
  const sh = spawn('sh', ['-c', `{ ${quoted}; echo $? > '${status}'; } | (sleep 1; cat) > '${out}'`], { cwd: dir, env: isolatedEnv(join(dir, 'home')) });
  const r = await finished(sh);
  return { code: Number(readFileSync(status, 'utf8')), stderr: r.stderr, out: readFileSync(out, 'utf8') };
}

describe('the CLI in a pipeline', () => {
  it('assay profile --json arrives whole through a slow pipe, far beyond the pipe buffer', async () => {
    const r = await throughSlowPipe(['profile', 'wide.csv', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(Buffer.byteLength(r.out)).toBeGreaterThan(4 * 65536);
    const doc = JSON.parse(r.out) as { dataset: string; columns: unknown[]; correlations: { pearson: { columns: string[] } } };
    expect(doc.dataset).toBe('wide');
    expect(doc.columns).toHaveLength(80);
    expect(doc.correlations.pearson.columns).toHaveLength(80);
    expect(statSync(join(dir, 'out.txt')).size).toBe(Buffer.byteLength(r.out));
  });

  it('the text report arrives whole too, ending with the last correlation row', async () => {
    const r = await throughSlowPipe(['profile', 'wide.csv']);
    expect(r.code).toBe(0);
    expect(Buffer.byteLength(r.out)).toBeGreaterThan(65536);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe('wide: 300 rows × 80 columns');
    expect(lines.at(-1)).toMatch(/^c79 +(-?\d\.\d{3} +){79}1\.000$/);
  });
});
