import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { compareCommand } from '../../src-main/cli/commands/compareCommand';
import { ApiError } from '../../src-main/core/api/errors';
import type { RunRecord } from '../../src-main/core/search/runRecord';
import { model, predicting, record } from '../core/compare/runRecords';

/** `assay compare` in this process, run in a folder of hand-made run.json files. */

const Y = [...Array(10).fill(1), ...Array(10).fill(0)] as number[];
const RF = [0.9, 0.92, 0.88, 0.91, 0.89];

/** rf and xgb of one run; xgb misses claims 0–2, and its recall is 0.02 lower on every fold. */
function course(ids: [string, string] = ['rf', 'xgb']): RunRecord {
  return record({
    models: [
      model(ids[0], { folds: { recall: RF }, validation: predicting(Y), test: predicting(Y) }),
      model(ids[1], { type: 'gradientBoosting', folds: { recall: RF.map((v) => v - 0.02) }, validation: predicting(Y, [0, 1, 2]) }),
    ],
    champion: ids[0],
  });
}

const json = (r: unknown) => JSON.stringify(r);

let root: string;
let home: string;

beforeAll(() => {
  home = process.cwd();
  root = mkdtempSync(join(tmpdir(), 'assay-compare-args-'));
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('out1/run.json', json(course()));
  const near = course();
  near.models[1].cv.rows[1].split.recall = RF.map((v, i) => v + [0.01, -0.005, 0.02, 0, 0.01][i]);
  write('near.json', json(near));
  write('odd.json', json(course(['rf/v2', 'x#1'])));
  write('odd#folder/run.json', json(course()));
  mkdirSync(join(root, 'empty'));
  write('bom.json', `\uFEFF${json(course())}`);
  write('trailing.json', '{"models": [1,\n ]\n}');
  write('array.json', '[]');
  write('null.json', 'null');
  const cut = JSON.parse(json(course())) as RunRecord;
  cut.models[1].heldOut.validation!.score = cut.models[1].heldOut.validation!.score.slice(0, 10);
  write('cut.json', json(cut));
  const noSplit = JSON.parse(json(course())) as { models: { cv: { rows: Record<string, unknown>[] } }[] };
  delete noSplit.models[0].cv.rows[1].split;
  write('nosplit.json', json(noSplit));
  process.chdir(root);
});

afterAll(() => {
  process.chdir(home);
  rmSync(root, { recursive: true, force: true });
});

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
  /** What the command threw: main prints its message after "assay: ". */
  error: ApiError | null;
}

function compare(...args: string[]): Outcome {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  const err = vi.spyOn(console, 'error').mockImplementation((s: unknown) => void (stderr += `${String(s)}\n`));
  try {
    return { code: compareCommand(args), stdout, stderr, error: null };
  } catch (e) {
    // Anything but an ApiError would reach the terminal as a raw JavaScript message.
    expect(e).toBeInstanceOf(ApiError);
    return { code: null, stdout, stderr, error: e as ApiError };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const models = (o: Outcome) => (JSON.parse(o.stdout) as { models: { run: string; modelId: string }[] }).models.map((m) => `${m.run} ${m.modelId}`);

describe('assay compare: which run and model an argument names', () => {
  it('model ids with "/" or "#" are cut at the first "#" after an existing file', () => {
    expect(models(compare('odd.json#rf/v2', 'odd.json#x#1', '--json'))).toEqual(['odd.json rf/v2', 'odd.json x#1']);
  });

  it('a folder reads its run.json, with or without a model, and a "#" in a folder name stays in the path', () => {
    expect(models(compare('out1', 'out1#xgb', '--json'))).toEqual(['out1/run.json rf', 'out1/run.json xgb']);
    expect(models(compare('odd#folder', 'odd#folder/run.json#xgb', '--json'))).toEqual(['odd#folder/run.json rf', 'odd#folder/run.json xgb']);
  });

  it('a folder without run.json, a file that is missing, and a model the run lacks', () => {
    expect(compare('empty', 'out1').error?.message).toBe('empty is a folder without a run.json (the folder assay run --out writes).');
    expect(compare('empty#rf', 'out1').error?.message).toBe('empty is a folder without a run.json (the folder assay run --out writes).');
    expect(compare('nowhere/run.json#a#b', 'out1').error?.message).toBe(`${join(root, 'nowhere', 'run.json#a')} does not exist or cannot be read.`);
    expect(compare('odd.json#x', 'out1').error?.message).toBe('odd.json has no model "x"; its models: rf/v2, x#1.');
  });

  it('says what RUN may be in its usage', () => {
    const o = compare('out1');
    expect(o.code).toBe(2);
    expect(o.stderr).toBe(
      'usage: assay compare RUN[#MODEL] RUN[#MODEL] [RUN[#MODEL] …] [--json] [--metric M] [--rope R] [--chi2]\n' +
        'RUN is a run.json, or the folder assay run --out DIR writes (its DIR/run.json is read); ' +
        "#MODEL picks a model of the run (its id, which may itself contain # or /), else the run's champion is compared.\n",
    );
  });
});

describe('assay compare: files that are not run records', () => {
  it('reads a run.json that starts with a byte-order mark', () => {
    expect(models(compare('bom.json', 'out1#xgb', '--json'))).toEqual(['bom.json rf', 'out1/run.json xgb']);
  });

  it('places a JSON error V8 gives no position for, without quoting the file back', () => {
    expect(compare('trailing.json', 'out1').error?.message).toBe("trailing.json, line 2, column 2: not valid JSON (Unexpected token ']').");
  });

  it('says what the JSON is when it is not an object', () => {
    expect(compare('array.json', 'out1').error?.message).toBe('array.json is not a run record (the run.json that assay run --out DIR writes): it is an array, not a JSON object.');
    expect(compare('null.json', 'out1').error?.message).toBe('null.json is not a run record (the run.json that assay run --out DIR writes): it is null, not a JSON object.');
  });

  it('refuses a damaged record naming the file and the field', () => {
    expect(compare('cut.json#rf', 'cut.json#xgb').error?.message).toBe('cut.json cannot be compared: models[1].heldOut.validation.score has 10 values for 20 labels.');
    expect(compare('nosplit.json', 'out1').error?.message).toBe('nosplit.json cannot be compared: models[0].cv.rows[1].split is missing (an object of fold scores per metric).');
  });
});

describe('assay compare: options', () => {
  it('--rope from 0 to below 1; an empty or negative value gets the same answer', () => {
    const message = (v: string) => `--rope must be a number from 0 to below 1 (a difference in the metric's units); got "${v}".`;
    expect(compare('out1#rf', 'out1#xgb', '--rope', '').error?.message).toBe(message(''));
    expect(compare('out1#rf', 'out1#xgb', '--rope', '-1').error?.message).toBe(message('-1'));
    expect(compare('out1#rf', 'out1#xgb', '--rope', '-0.5', '--json').error?.message).toBe(message('-0.5'));
    expect(compare('out1#rf', 'out1#xgb', '--rope', '1').error?.message).toBe(message('1'));
    expect(compare('out1#rf', 'out1#xgb', '--rope=0.999', '--json').code).toBe(0);
    expect(compare('out1#rf', 'out1#xgb', '--metric', 'recal').error?.message).toMatch(/^--metric must be one of accuracy, .*; got "recal"\.$/);
  });
});

describe('assay compare: what it prints', () => {
  it('--json writes an infinite t as "Infinity", keeping null for a test that does not apply', () => {
    // Fold differences of exactly 0.02 on every fold: no spread, so t is infinite and p = 0.
    const o = compare('out1#rf', 'out1#xgb', '--json');
    const { pairs } = JSON.parse(o.stdout) as { pairs: { cvTest: Record<string, unknown>; reason: string | null }[] };
    expect(pairs[0].cvTest).toMatchObject({ t: 'Infinity', pValue: 0, df: 4 });
    expect(pairs[0].reason).toBeNull();
    const reversed = JSON.parse(compare('out1#xgb', 'out1#rf', '--json').stdout) as { pairs: { cvTest: { t: unknown } }[] };
    expect(reversed.pairs[0].cvTest.t).toBe('-Infinity');
  });

  it('the table and the verdict give the same t, each for the order it names', () => {
    // xgb's recall is higher on average, so the verdict names xgb first; the table's line is rf vs xgb.
    // The verdict is wrapped for the terminal: read it as one line.
    const o = compare('near.json#rf', 'near.json#xgb').stdout.replace(/\n +/g, ' ');
    const table = /t \(rf − xgb\) = (−?\d+\.\d\d), df = 4/.exec(o);
    const verdict = /xgb's recall is 0\.\d{3} higher on average \(corrected t = (\d+\.\d\d), p = /.exec(o);
    expect(table?.[1]).toMatch(/^−/);
    expect(table?.[1]).toBe(`−${verdict?.[1]}`);
    const infinite = compare('out1#xgb', 'out1#rf').stdout.replace(/\n +/g, ' ');
    expect(infinite).toContain('Corrected t-test on recall over 5 folds: t (xgb − rf) = −∞, df = 4, p < 0.001;');
    expect(infinite).toContain("rf's recall is 0.020 higher on average (corrected t = ∞, p < 0.001)");
  });
});
