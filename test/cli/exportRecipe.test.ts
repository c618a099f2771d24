import { spawn } from 'node:child_process';
import { existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src-main/core/api/errors';
import { exportRecipeCommand, EXPORT_RECIPE_USAGE } from '../../src-main/cli/commands/exportRecipeCommand';
import { runCommand } from '../../src-main/cli/commands/runCommand';
import type { Notebook } from '../../src-main/core/recipeExport/notebookJson';
import { ASSAY_BIN, finished, isolatedEnv } from './cliProcess';

/**
 * `assay export-recipe` called as a function: what it writes where, the data
 * path the program finds, and the refusals — a recipe read and checked with
 * the very messages `assay run` gives.
 */

let dir: string;
let stdout: string[];
let stderr: string[];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'assay-export-recipe-'));
});
beforeEach(() => {
  stdout = [];
  stderr = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => (stdout.push(String(s)), true));
  vi.spyOn(console, 'error').mockImplementation((s) => void stderr.push(String(s)));
});
afterAll(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

const COURSE6 = resolve('resources/recipes/claims-course6.json');
const SAMPLE = resolve('resources/sample/tiktok_claims_sample.csv');

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function refusal(fn: () => Promise<unknown>): Promise<ApiError> {
  try {
    await fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('expected a refusal');
}

const defaultData = (text: string) => /^DEFAULT_DATA = (.*)$/m.exec(text)?.[1];

describe('assay export-recipe writes the program', () => {
  it('--format sklearn: a script that finds the recipe\'s data file from its own folder', async () => {
    const out = join(dir, 'py', 'run.py');
    expect(await exportRecipeCommand([COURSE6, '--format', 'sklearn', '--out', out])).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('#!/usr/bin/env python3\n')).toBe(true);
    // The sample, relative to the program's folder, as the recipe's file is relative to the recipe.
    expect(resolve(join(dir, 'py'), JSON.parse(defaultData(text)!) as string)).toBe(SAMPLE);
    expect(text).toContain('python3 run.py [DATA.csv]');
    expect(stdout.join('')).toBe(
      `Wrote ${out}: the recipe "Claims vs opinions (Course 6: random forest and XGBoost)" as a scikit-learn script (2 models); run it with python3 run.py [DATA.csv].\n`,
    );
  });

  it('--format notebook (or an .ipynb name): the notebook JSON', async () => {
    for (const args of [['--format', 'notebook'], []]) {
      const out = join(dir, 'run.ipynb');
      rmSync(out, { force: true });
      expect(await exportRecipeCommand([COURSE6, ...args, '--out', out])).toBe(0);
      const nb = JSON.parse(readFileSync(out, 'utf8')) as Notebook;
      expect(nb.nbformat).toBe(4);
      const data = nb.cells.find((c) => c.cell_type === 'code' && c.source[0]?.startsWith('DATA = '))!;
      expect(resolve(dir, JSON.parse(data.source[0].slice('DATA = '.length)) as string)).toBe(SAMPLE);
    }
    expect(stdout.at(-1)).toContain('as a Jupyter notebook (2 models); run its cells in Jupyter, or jupyter nbconvert --to notebook --execute run.ipynb.');
  });

  it('--data FILE is the file the program reads by default, --dask its cluster searches', async () => {
    const data = file('other data.csv', 'a,b\n1,2\n');
    const out = join(dir, 'sub', 'cluster.py');
    expect(await exportRecipeCommand([COURSE6, '--format', 'sklearn', '--out', out, '--data', data, '--dask'])).toBe(0);
    const text = readFileSync(out, 'utf8');
    // Given absolute, it stays absolute.
    expect(defaultData(text)).toBe(JSON.stringify(data));
    expect(text).toContain('with parallel_backend("dask"):');
    expect(stdout.join('')).toContain('(2 models, grid searches on Dask); run it with python3 cluster.py [DATA.csv] [--scheduler ADDRESS].');
  });

  it('a recipe without a data file: the program asks for one, and the command says so', async () => {
    const recipe = JSON.parse(readFileSync(COURSE6, 'utf8')) as { dataset: Record<string, unknown> };
    delete recipe.dataset.file;
    const path = file('nofile.json', JSON.stringify(recipe));
    expect(await exportRecipeCommand([path, '--out', join(dir, 'nofile.py')])).toBe(0);
    expect(defaultData(readFileSync(join(dir, 'nofile.py'), 'utf8'))).toBe('None');
    expect(stdout.join('')).toContain('run it with python3 nofile.py DATA.csv.\nNote: the recipe names no data file (dataset.file) and --data was not given, so the program asks for one.\n');
  });

  it('says which steps leak and which are plain pandas', async () => {
    expect(await exportRecipeCommand([resolve('resources/recipes/verified-course5.json'), '--out', join(dir, 'c5.py')])).toBe(0);
    const notes = stdout.join('').split('\n').filter((l) => l.startsWith('Note: '));
    expect(notes).toEqual([
      'Note: Step 2 (cap outliers) runs before the split and leaks: Outlier caps fitted before the split use the quartiles of validation and test rows too. The program keeps it there, as the recipe does, marked "# LEAKAGE".',
      'Note: Step 3 (resample) runs before the split and leaks: Resampling before the split copies rows that then land in both training and test sets, so test scores are inflated. The program keeps it there, as the recipe does, marked "# LEAKAGE".',
      'Note: Step 2 (cap outliers) has no scikit-learn counterpart: it is written as a plain pandas function.',
    ]);
  });

  it('a recipe name with control characters reaches the terminal escaped', async () => {
    const recipe = JSON.parse(readFileSync(COURSE6, 'utf8')) as Record<string, unknown>;
    recipe.name = 'evil\u001b]0;owned\u0007\nname';
    recipe.dataset = { name: 'd', file: SAMPLE };
    const path = file('evil.json', JSON.stringify(recipe));
    expect(await exportRecipeCommand([path, '--out', join(dir, 'evil.py')])).toBe(0);
    expect(stdout.join('')).toContain('the recipe "evil\\x1b]0;owned\\x07\\nname" as');
    // eslint-disable-next-line no-control-regex -- the escape and bell characters are what must not reach the terminal
    expect(stdout.join('')).not.toMatch(/[\u001b\u0007]/);
  });
});

describe('assay export-recipe refuses', () => {
  it('a recipe that is not JSON, with its line and column, word for word as assay run', async () => {
    const path = file('broken.json', '{\n  "version": 1,\n  "name": oops\n}\n');
    const e = await refusal(() => exportRecipeCommand([path, '--format', 'sklearn', '--out', join(dir, 'x.py')]));
    expect(e.message).toMatch(/^broken\.json, line 3, column 11: not valid JSON \(/);
    expect(e.location).toMatchObject({ line: 3, column: 11 });
    expect(e.message).toBe((await refusal(() => runCommand([path]))).message);
    expect(existsSync(join(dir, 'x.py'))).toBe(false);
  });

  it('an invalid recipe, each problem named with its JSON path, as assay run names it', async () => {
    const recipe = JSON.parse(readFileSync(COURSE6, 'utf8')) as { steps: unknown[]; models: { grid: Record<string, unknown> }[] };
    recipe.steps[0] = { op: 'dropna' };
    const path = file('invalid.json', JSON.stringify(recipe));
    const e = await refusal(() => exportRecipeCommand([path, '--out', join(dir, 'x.py')]));
    expect(e.message).toContain('invalid.json is not a valid recipe:');
    expect(e.message).toContain('($.steps[0].op)');
    expect(e.message).toBe((await refusal(() => runCommand([path]))).message);
  });

  it('a grid parameter no model has, named as the Train view names it', async () => {
    const recipe = JSON.parse(readFileSync(COURSE6, 'utf8')) as { models: { grid: Record<string, unknown> }[]; dataset: Record<string, unknown> };
    recipe.models[0].grid.max_dept = [3];
    const path = file('param.json', JSON.stringify(recipe));
    const e = await refusal(() => exportRecipeCommand([path, '--out', join(dir, 'x.py')]));
    expect(e.message).toContain('model 1 (random forest) · max_dept');
  });

  it('a recipe that does not exist', async () => {
    const e = await refusal(() => exportRecipeCommand([join(dir, 'missing.json'), '--out', join(dir, 'x.py')]));
    expect(e.message).toBe(`${join(dir, 'missing.json')} does not exist or cannot be read.`);
  });

  it('an unknown format, an --out that is the recipe, a script named like a module it imports, an --out it cannot write', async () => {
    expect((await refusal(() => exportRecipeCommand([COURSE6, '--format', 'r', '--out', join(dir, 'x.r')]))).message).toBe(
      '--format must be sklearn or notebook, not "r".',
    );
    const copy = file('copy.json', readFileSync(COURSE6, 'utf8'));
    expect((await refusal(() => exportRecipeCommand([copy, '--out', copy]))).message).toBe(`--out ${copy} is the recipe itself; choose another file.`);
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(COURSE6, 'utf8'));
    expect((await refusal(() => exportRecipeCommand([COURSE6, '--dask', '--out', join(dir, 'dask.py')]))).message).toBe(
      `--out ${join(dir, 'dask.py')} would hide Python's "dask" module from the program (Python imports from the program's folder first, so the program or a library it uses would import the script instead); choose another name.`,
    );
    expect(existsSync(join(dir, 'dask.py'))).toBe(false);
    mkdirSync(join(dir, 'a-folder.py'), { recursive: true });
    const e = await refusal(() => exportRecipeCommand([COURSE6, '--out', join(dir, 'a-folder.py')]));
    expect(e.message).toBe(`Cannot write --out ${join(dir, 'a-folder.py')}: ${join(dir, 'a-folder.py')} is a folder; name the file to write.`);
    expect((await refusal(() => exportRecipeCommand([COURSE6, '--out', '/proc/x.py']))).message).toBe('Cannot write --out /proc/x.py: the folder /proc does not take new files.');
  });

  it('missing arguments or unknown options: the usage, exit status 2', async () => {
    for (const args of [[], [COURSE6], [COURSE6, '--out'], [COURSE6, '--out', 'x.py', '--scheduler', 'tcp://x'], [COURSE6, COURSE6, '--out', 'x.py']]) {
      expect(await exportRecipeCommand(args)).toBe(2);
      expect(stderr.at(-1)).toContain(`usage: ${EXPORT_RECIPE_USAGE}`);
    }
  });

  it('a stop signal before writing: nothing is written', async () => {
    const stop = new AbortController();
    stop.abort();
    const out = join(dir, 'stopped.py');
    const e = await refusal(() => exportRecipeCommand([COURSE6, '--out', out], stop.signal));
    expect(e.code).toBe('cancelled');
    expect(readdirSync(dir)).not.toContain('stopped.py');
  });
});

describe('assay export-recipe never overwrites its inputs', () => {
  it('--out that is the data file (--data or the recipe\'s dataset.file), by the same path, a relative one, a symlink or a hard link: refused, the data untouched', async () => {
    const data = file('victim.csv', readFileSync(SAMPLE, 'utf8').slice(0, 2000));
    const before = readFileSync(data, 'utf8');
    symlinkSync(data, join(dir, 'victim-link.csv'));
    linkSync(data, join(dir, 'victim-hard.csv'));
    const recipe = JSON.parse(readFileSync(COURSE6, 'utf8')) as { dataset: Record<string, unknown> };
    recipe.dataset.file = 'victim.csv';
    const own = file('own-data.json', JSON.stringify(recipe));
    const cases: [string[], string][] = [
      [[COURSE6, '--data', data, '--out', data], '--data'],
      [[COURSE6, '--data', data, '--out', join(dir, 'sub', '..', 'victim.csv')], '--data'],
      [[COURSE6, '--data', data, '--out', join(dir, 'victim-link.csv')], '--data'],
      [[COURSE6, '--data', join(dir, 'victim-link.csv'), '--out', join(dir, 'victim-hard.csv')], '--data'],
      [[own, '--out', data], "the recipe's dataset.file"],
      [[own, '--format', 'notebook', '--out', join(dir, 'victim-hard.csv')], "the recipe's dataset.file"],
    ];
    for (const [args, which] of cases) {
      const out = args[args.indexOf('--out') + 1];
      const e = await refusal(() => exportRecipeCommand(args));
      expect(e.message).toBe(`--out ${out} is the data file the program reads (${which}); writing the program there would destroy the data. Choose another file.`);
    }
    expect(readFileSync(data, 'utf8')).toBe(before);
    expect(lstatSync(join(dir, 'victim-link.csv')).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('--out that is the recipe through a symlink: refused', async () => {
    const copy = file('recipe-copy.json', readFileSync(COURSE6, 'utf8'));
    symlinkSync(copy, join(dir, 'recipe-link.py'));
    const e = await refusal(() => exportRecipeCommand([copy, '--out', join(dir, 'recipe-link.py')]));
    expect(e.message).toBe(`--out ${join(dir, 'recipe-link.py')} is the recipe itself; choose another file.`);
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(COURSE6, 'utf8'));
  });
});

describe('assay export-recipe: where the program goes and what it is told', () => {
  it('--out /dev/stdout: the program alone on standard output, the report on standard error without a run hint, the data path absolute', async () => {
    const errWrites: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => (errWrites.push(String(s)), true));
    expect(await exportRecipeCommand([COURSE6, '--out', '/dev/stdout'])).toBe(0);
    const program = stdout.join('');
    expect(program.startsWith('#!/usr/bin/env python3\n')).toBe(true);
    expect(program).not.toContain('Wrote ');
    expect(JSON.parse(defaultData(program)!)).toBe(SAMPLE);
    expect(program).toContain('python3 PROGRAM.py [DATA.csv]');
    expect(errWrites.join('')).toBe('Wrote /dev/stdout: the recipe "Claims vs opinions (Course 6: random forest and XGBoost)" as a scikit-learn script (2 models).\n');
  });

  it('an absolute --data stays absolute; a relative one is relative to the program\'s folder', async () => {
    const data = file('abs data.csv', 'a,b\n1,2\n');
    const out = join(dir, 'deep', 'abs.py');
    expect(await exportRecipeCommand([COURSE6, '--out', out, '--data', data])).toBe(0);
    expect(JSON.parse(defaultData(readFileSync(out, 'utf8'))!)).toBe(data);
    const cwd = process.cwd();
    try {
      process.chdir(dir);
      expect(await exportRecipeCommand([COURSE6, '--out', join('deep', 'rel.py'), '--data', 'abs data.csv'])).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    expect(JSON.parse(defaultData(readFileSync(join(dir, 'deep', 'rel.py'), 'utf8'))!)).toBe('../abs data.csv');
  });

  it('the run hint is shell-quoted', async () => {
    const out = join(dir, "it's my run.py");
    expect(await exportRecipeCommand([COURSE6, '--out', out])).toBe(0);
    expect(stdout.join('')).toContain(`run it with python3 'it'\\''s my run.py' [DATA.csv].`);
    const nb = join(dir, 'a b.ipynb');
    expect(await exportRecipeCommand([COURSE6, '--out', nb])).toBe(0);
    expect(stdout.join('')).toContain("jupyter nbconvert --to notebook --execute 'a b.ipynb'.");
  });

  it('a script named like any module its libraries import is refused, in any case; a notebook of that name is not', async () => {
    for (const name of ['scipy.py', 'random.py', 'Typing.py', 'json.py', 'threadpoolctl.py', 'distributed.py']) {
      const out = join(dir, name);
      const e = await refusal(() => exportRecipeCommand([COURSE6, '--out', out]));
      expect(e.message).toContain(`--out ${out} would hide Python's "${name.slice(0, -3)}" module from the program`);
      expect(existsSync(out)).toBe(false);
    }
    expect(await exportRecipeCommand([COURSE6, '--out', join(dir, 'random.ipynb')])).toBe(0);
    // Without .py Python cannot import it.
    expect(await exportRecipeCommand([COURSE6, '--format', 'sklearn', '--out', join(dir, 'random')])).toBe(0);
  });
});

describe('assay export-recipe as a process', () => {
  let home: string;
  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'assay-export-recipe-home-'));
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('--out /dev/stdout redirected to a file and into a pipe: the file and the pipe get the program only, the report goes to stderr', async () => {
    const env = isolatedEnv(home);
    const command = [process.execPath, ASSAY_BIN, 'export-recipe', COURSE6, '--out', '/dev/stdout'].map((a) => `'${a}'`).join(' ');
    const redirected = await finished(spawn('sh', ['-c', `${command} > program.py`], { cwd: home, env }));
    expect(redirected.code).toBe(0);
    const program = readFileSync(join(home, 'program.py'), 'utf8');
    expect(program.startsWith('#!/usr/bin/env python3\n')).toBe(true);
    expect(program).not.toContain('Wrote /dev/stdout');
    expect(redirected.stderr).toContain('Wrote /dev/stdout: the recipe "Claims vs opinions');
    const piped = await finished(spawn('sh', ['-c', `${command} | cat > piped.py; ${command} | head -1`], { cwd: home, env }));
    expect(piped.code).toBe(0);
    expect(readFileSync(join(home, 'piped.py'), 'utf8')).toBe(program);
    expect(piped.stdout).toBe('#!/usr/bin/env python3\n');
    expect(piped.stderr).not.toMatch(/EPIPE|Error|at /);
  }, 120_000);
});
