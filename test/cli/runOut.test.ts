/**
 * `assay run --out DIR`: one file per model whatever its id (ids that clean
 * to the same file name get -2, -3, … and the command says which file holds
 * which model), files in the folder written through OutputFiles (a symlink
 * stays a symlink), and a folder that cannot be made refused before the run.
 */
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assay, isolatedEnv, type Finished } from './cliProcess';

let root: string;
let env: NodeJS.ProcessEnv;
const inRoot = (args: string[]) => assay(args, { cwd: root, env });
/** stderr without the progress bar's carriage-return lines. */
const errors = (s: string) => s.replace(/\r[^\n]*/g, '').trim();

/** The Course 5 recipe (logistic regressions: seconds) on the sample, with models of the given ids. */
function recipe(ids: string[]) {
  const r = JSON.parse(readFileSync('resources/recipes/verified-course5-no-leak.json', 'utf8')) as { dataset: { file: string }; models: unknown[] };
  r.dataset.file = resolve('resources/sample/tiktok_claims_sample.csv');
  r.models = ids.map((id, i) => ({ id, type: 'logisticRegression', params: { max_iter: 100, C: [1, 0.1, 0.01, 0.001][i] } }));
  return r;
}

let run: Finished;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'assay-cli-run-out-'));
  mkdirSync(join(root, 'home'));
  env = isolatedEnv(join(root, 'home'));
  writeFileSync(join(root, 'collide.json'), JSON.stringify(recipe(['x*y', 'x:y', 'x_y', 'a/b'])));
  // A run.json already in the folder as a symlink: its target is what gets replaced.
  mkdirSync(join(root, 'out'));
  writeFileSync(join(root, 'kept_run.json'), '{}');
  symlinkSync('../kept_run.json', join(root, 'out', 'run.json'));
  run = await inRoot(['run', 'collide.json', '--out', 'out']);
}, 240_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('assay run --out', () => {
  it('writes a file per model even when ids clean to one name, and says which file holds which model', () => {
    expect(errors(run.stderr)).toBe('');
    expect(run.code).toBe(0);
    expect(readdirSync(join(root, 'out')).sort()).toEqual([
      'a_b.assaymodel',
      'cv_results_a_b.csv',
      'cv_results_x_y-2.csv',
      'cv_results_x_y-3.csv',
      'cv_results_x_y.csv',
      'run.json',
      'x_y-2.assaymodel',
      'x_y-3.assaymodel',
      'x_y.assaymodel',
    ]);
    const ids = Object.fromEntries(
      readdirSync(join(root, 'out'))
        .filter((f) => f.endsWith('.assaymodel'))
        .map((f) => [f, (JSON.parse(readFileSync(join(root, 'out', f), 'utf8')) as { model: { id: string } }).model.id]),
    );
    expect(ids).toEqual({ 'x_y-2.assaymodel': 'x*y', 'x_y-3.assaymodel': 'x:y', 'x_y.assaymodel': 'x_y', 'a_b.assaymodel': 'a/b' });
    const lines = run.stdout.trimEnd().split('\n').slice(-3);
    expect(lines).toEqual([
      'Model "x*y" is in out/cv_results_x_y-2.csv and out/x_y-2.assaymodel: its id has characters a file name cannot hold, and another model\'s files are named "x_y".',
      'Model "x:y" is in out/cv_results_x_y-3.csv and out/x_y-3.assaymodel: its id has characters a file name cannot hold, and another model\'s files are named "x_y".',
      'Model "a/b" is in out/cv_results_a_b.csv and out/a_b.assaymodel: its id has characters a file name cannot hold.',
    ]);
  });

  it('writes through a symlink in the folder: the symlink stays, its target gets the run', () => {
    expect(lstatSync(join(root, 'out', 'run.json')).isSymbolicLink()).toBe(true);
    const record = JSON.parse(readFileSync(join(root, 'kept_run.json'), 'utf8')) as { models: { modelId: string }[] };
    expect(record.models.map((m) => m.modelId)).toEqual(['x*y', 'x:y', 'x_y', 'a/b']);
  });

  it('refuses, before running, a folder it cannot make and a --workers that is not a whole number', async () => {
    const proc = await inRoot(['run', 'collide.json', '--out', '/proc/nope']);
    expect(proc.code).toBe(1);
    expect(errors(proc.stderr)).toBe('assay: Cannot write --out /proc/nope: could not make the folder /proc/nope (/proc does not take new folders).');
    for (const w of ['0x2', '1.5', '0', '']) {
      const r = await inRoot(['run', 'collide.json', `--workers=${w}`]);
      expect(r.code).toBe(1);
      expect(errors(r.stderr)).toBe(`assay: --workers must be a whole number ≥ 1; not "${w}".`);
    }
  }, 60_000);
});
