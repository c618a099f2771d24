import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assay, isolatedEnv } from './cliProcess';

let root: string;
let work: string;
let home: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'assay-cli-paths-'));
  work = join(root, 'work');
  home = join(root, 'home');
  mkdirSync(work);
  mkdirSync(home);
  writeFileSync(join(work, 'data.csv'), 'a,b\n1,x\n2,y\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

describe('assay import: paths on the command line', () => {
  it('takes a relative project and file from the current folder, and writes nothing in the home folder', async () => {
    const r = await assay(['import', 'rel.assay', 'data.csv'], { cwd: work, env: isolatedEnv(home) });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^data: 2 rows × 2 columns/);
    expect(existsSync(join(work, 'rel.assay'))).toBe(true);
    expect(filesUnder(home)).toEqual([]);

    // A second import goes into the same project, found the same way.
    const again = await assay(['import', 'rel.assay', './data.csv', '--name', 'second'], { cwd: work, env: isolatedEnv(home) });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^second: 2 rows/);
    expect(filesUnder(home)).toEqual([]);
  });

  it('expands a ~ the shell left alone (quoted) to the home folder', async () => {
    const r = await assay(['import', '~/in-home.assay', 'data.csv'], { cwd: work, env: isolatedEnv(home) });
    expect(r.code).toBe(0);
    expect(existsSync(join(home, 'in-home.assay'))).toBe(true);
    expect(existsSync(join(work, '~'))).toBe(false);
  });

  it('names the missing folder of a relative project path as resolved from the current folder', async () => {
    const r = await assay(['import', 'nowhere/p.assay', 'data.csv'], { cwd: work, env: isolatedEnv(home) });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`assay: The folder ${join(work, 'nowhere')} does not exist.\n`);
    expect(filesUnder(home)).toEqual([]);
  });
});
