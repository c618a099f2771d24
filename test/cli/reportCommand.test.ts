import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src-main/core/api/errors';
import { reportCommand } from '../../src-main/cli/commands/reportCommand';
import { fixtureRecord } from '../node/report/deckFixture';
import { lrJson } from '../core/evaluation/fixtures';
import { deckJunk } from '../node/report/pptxParts';

/**
 * `assay report` called as a function: a run.json that is not what a run
 * writes, and an --out that cannot be written, are refused at once with
 * the file and the field or path named, and leave nothing behind.
 */

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'assay-report-command-'));
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterAll(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

type Json = Record<string, unknown>;
/** The fixture with what a real run records besides: one-hot indicators among its features, a note, parameters with None. */
function record(): Json {
  const r = JSON.parse(JSON.stringify(fixtureRecord())) as Json;
  r.features = ['a', 'b', 'status_banned', 'status_under review'];
  r.dummies = [
    { feature: 'status_banned', column: 'status', value: 'banned', base: 'active' },
    { feature: 'status_under review', column: 'status', value: 'under review', base: 'active' },
  ];
  r.notes = ['Sampled.'];
  for (const m of r.models as Json[]) {
    m.bestParams = { max_depth: null, n_estimators: 10 };
    for (const [i, row] of (((m.cv as Json).rows as Json[]).entries())) row.params = { max_depth: i ? null : 4, n_estimators: 10 };
  }
  return r;
}
const champion = (r: Json) => r.champion as Json;
const test = (r: Json) => champion(r).test as Json;
const model = (r: Json, i: number) => (r.models as Json[])[i];
const cvRow = (r: Json, i: number, j: number) => ((model(r, i).cv as Json).rows as Json[])[j];
const dummies = (r: Json) => r.dummies as unknown[];

/** Writes `data` as NAME.json in the test folder; returns its path. */
function runFile(name: string, data: unknown): string {
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(data, null, 2));
  return path;
}

async function refusal(args: string[]): Promise<ApiError> {
  try {
    await reportCommand(args);
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error(`expected assay report ${args.join(' ')} to fail`);
}

/** The files in the test folder: nothing is left behind by a refusal, no temporary file by anything. */
const leftovers = () => readdirSync(dir).filter((f) => !f.endsWith('.json'));

describe('assay report on a run.json that is not consistent', () => {
  const cases: [string, (r: Json) => void, string][] = [
    ['a champion that is not one of the models', (r) => (champion(r).modelId = 'logreg'), 'champion "logreg" is not one of the run\'s models (rf, xgb).'],
    ['a champion that is a string', (r) => (r.champion = 'rf'), 'champion is a string ("rf"), not the champion, or null.'],
    ['a champion that is a list', (r) => (r.champion = []), 'champion is a list, not the champion, or null.'],
    ['a champion id that is a number', (r) => (champion(r).modelId = 3), 'champion.modelId is 3, not a string.'],
    ['no test metrics', (r) => delete test(r).metrics, 'champion.test.metrics is missing (an object of scores).'],
    ['a metric that is text', (r) => ((test(r).metrics as Json).recall = '0.9'), 'champion.test.metrics.recall is a string ("0.9"), not a score (a number, or null for a failed fit).'],
    ['a test set of another size', (r) => (test(r).rows = 61), 'champion.test.rows is 61, but the set has 60 rows.'],
    ['a model without its search counts', (r) => delete ((r.models as Json[])[1] as Json).candidates, 'models[1].candidates is missing (a number of rows).'],
    ['a candidate without ranks', (r) => delete ((((r.models as Json[])[0] as Json).cv as Json).rows as Json[])[0].rank, 'models[0].cv.rows[0].rank is missing (an object of ranks per metric).'],
    ['a recipe step of no known kind', (r) => ((r.recipe as Json).steps as Json[]).push({ op: 'teleport' }), 'recipe.steps[3].op is not valid ('],
    ['a recipe whose folds are text', (r) => ((r.recipe as Json).cv = { folds: 'five', stratified: true }), 'recipe.cv.folds is not valid ('],
    ['indicators that are an object', (r) => (r.dummies = {}), 'dummies is an object, not a list of the one-hot indicators (feature, column, value, base).'],
    ['indicators that are a number', (r) => (r.dummies = -1), 'dummies is -1, not a list of the one-hot indicators (feature, column, value, base).'],
    ['an indicator that is null', (r) => (dummies(r)[0] = null), 'dummies[0] is null, not a one-hot indicator (feature, column, value, base).'],
    ['an indicator without its column', (r) => delete (dummies(r)[1] as Json).column, 'dummies[1].column is missing (a string).'],
    ['an indicator whose value is an object', (r) => ((dummies(r)[0] as Json).value = {}), 'dummies[0].value is an object, not a string.'],
    ['an indicator without its base', (r) => delete (dummies(r)[0] as Json).base, 'dummies[0].base is missing (the dropped category, or null).'],
    ['an indicator of no feature of the run', (r) => ((dummies(r)[1] as Json).feature = 'c'), 'dummies[1].feature "c" is not one of the run\'s features.'],
    ['a feature name that is an object', (r) => ((r.features as unknown[])[1] = {}), 'features[1] is an object, not a string.'],
    ['a note that is a number', (r) => (r.notes = ['Sampled.', 3]), 'notes[1] is 3, not a string.'],
    ['a best parameter that is an object', (r) => (model(r, 0).bestParams = { max_depth: {} }), 'models[0].bestParams.max_depth is an object, not a parameter value (a number, a string, true or false, or null).'],
    ['a candidate’s parameter that is a list', (r) => (cvRow(r, 1, 0).params = { max_depth: [4] }), 'models[1].cv.rows[0].params.max_depth is a list, not a parameter value (a number, a string, true or false, or null).'],
    ['a candidate number that is null', (r) => (cvRow(r, 0, 0).candidate = null), 'models[0].cv.rows[0].candidate is null, not a candidate number.'],
    ['a rank that is null', (r) => ((cvRow(r, 0, 0).rank as Json).recall = null), 'models[0].cv.rows[0].rank.recall is null, not a rank (1 for the best).'],
    ['a rank of 0', (r) => ((cvRow(r, 0, 0).rank as Json).recall = 0), 'models[0].cv.rows[0].rank.recall is 0, not a rank (1 for the best).'],
    ['a dataset of null rows', (r) => ((r.dataset as Json).rows = null), 'dataset.rows is null, not a number of rows.'],
    ['a leakage note at no step', (r) => (r.leakage = [{ step: null, op: 'resample', message: 'Resampling before the split.' }]), 'leakage[0].step is null, not a step number.'],
    ['an importance spread that is an object', (r) => ((((model(r, 0).importances as Json[])[0].features as Json[])[0] as Json).std = {}), 'models[0].importances[0].features[0].std is an object, not a score (a number, or null for a failed fit).'],
    ['a logistic regression without coefficients', (r) => Object.assign(model(r, 0), { type: 'logisticRegression', model: { ...lrJson('l2'), coefficients: 'none' } }), 'models[0].model.coefficients is a string ("none"), not a list of coefficients.'],
    ['a classification report without its averages', (r) => (test(r).report = { perClass: [] }), 'champion.test.report is not a classification report (the micro average is missing).'],
  ];
  for (const [what, damage, says] of cases) {
    it(`${what}: the message names the file and the field`, async () => {
      const r = record();
      damage(r);
      const path = runFile('damaged', r);
      const e = await refusal([path, '--out', join(dir, 'deck.pptx')]);
      expect(e.code).toBe('bad-input');
      expect(e.message.startsWith(`${path}: ${says}`), e.message).toBe(true);
      expect(leftovers()).toEqual([]);
    });
  }

  it('a champion of null is "no champion", with the run’s status', async () => {
    const path = runFile('cancelled', { ...record(), champion: null, status: 'cancelled' });
    expect((await refusal([path, '--out', join(dir, 'deck.pptx')])).message).toBe(`${path} has no champion (the run was cancelled): a report needs a finished run.`);
  });
});

describe('assay report --out somewhere it cannot write', () => {
  let good: string;
  beforeAll(() => {
    good = runFile('run', record());
  });

  it('a path under /proc is refused at once (mkdir -p there never returns), naming the path', async () => {
    const e = await refusal([good, '--out', '/proc/self/deck.pptx']);
    expect(e.message).toBe('Cannot write --out /proc/self/deck.pptx: the folder /proc/self does not take new files.');
    const deeper = await refusal([good, '--out', '/proc/self/decks/q3/deck.pptx']);
    expect(deeper.message).toMatch(/^Cannot write --out \/proc\/self\/decks\/q3\/deck\.pptx: could not make the folder \/proc\/self\/decks \(\/proc\/self does not take new folders\)\.$/);
  });

  it('a folder given as the file', async () => {
    mkdirSync(join(dir, 'folder.pptx'));
    const e = await refusal([good, '--out', join(dir, 'folder.pptx')]);
    expect(e.message).toBe(`Cannot write --out ${join(dir, 'folder.pptx')}: ${join(dir, 'folder.pptx')} is a folder; name the file to write.`);
    rmSync(join(dir, 'folder.pptx'), { recursive: true });
  });

  it('a parent that is a file', async () => {
    writeFileSync(join(dir, 'notes.txt'), 'x');
    const e = await refusal([good, '--out', join(dir, 'notes.txt', 'sub', 'deck.pptx')]);
    expect(e.message).toBe(`Cannot write --out ${join(dir, 'notes.txt', 'sub', 'deck.pptx')}: ${join(dir, 'notes.txt')} is a file, not a folder.`);
    rmSync(join(dir, 'notes.txt'));
    expect(leftovers()).toEqual([]);
  });

  it('--images under /proc is refused before anything is written, and the folders made for the deck are removed again', async () => {
    const e = await refusal([good, '--out', join(dir, 'made', 'deck.pptx'), '--images', '/proc/self/slides']);
    expect(e.message).toMatch(/^Cannot write --images \/proc\/self\/slides: could not make the folder \/proc\/self\/slides/);
    expect(leftovers()).toEqual([]);
  });

  it('a deck that can be written is, with its missing folders, and no temporary file stays', async () => {
    const out = join(dir, 'new', 'folder', 'deck.pptx');
    expect(await reportCommand([good, '--out', out])).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(readdirSync(join(dir, 'new', 'folder'))).toEqual(['deck.pptx']);
    rmSync(join(dir, 'new'), { recursive: true });
  }, 60_000);

  it('a record with indicators, None parameters and a step without stop words: no slide, note or chart of the deck says null, undefined or NaN', async () => {
    const out = join(dir, 'clean', 'deck.pptx');
    expect(await reportCommand([good, '--out', out])).toBe(0);
    expect(await deckJunk(readFileSync(out))).toEqual([]);
    rmSync(join(dir, 'clean'), { recursive: true });
  }, 60_000);

  it('with --pdf and no LibreOffice: the deck is written, the PDF’s temporary file is not left behind', async () => {
    const path = process.env.PATH;
    process.env.PATH = join(dir, 'no-such-bin');
    try {
      const e = await refusal([good, '--out', join(dir, 'pdf', 'deck.pptx'), '--pdf']);
      expect(e.message).toMatch(/needs LibreOffice.*\(.*deck\.pptx was written; .*deck\.pdf was not\.\)$/);
    } finally {
      process.env.PATH = path;
    }
    expect(readdirSync(join(dir, 'pdf'))).toEqual(['deck.pptx']);
    rmSync(join(dir, 'pdf'), { recursive: true });
    expect(existsSync(join(dir, 'pdf'))).toBe(false);
  }, 60_000);
});
