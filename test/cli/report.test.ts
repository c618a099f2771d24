import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src-main/core/search/runRecord';
import { findSoffice } from '../../src-main/node/report/pdfDeck';
import { assay, isolatedEnv } from './cliProcess';

/** The PDF test runs where LibreOffice is installed (CI installs it), and is reported as skipped elsewhere. */
const soffice = findSoffice();

let root: string;
let env: NodeJS.ProcessEnv;
const inRoot = (args: string[], over: NodeJS.ProcessEnv = {}) => assay(args, { cwd: root, env: { ...env, ...over } });

/** The Course 6 recipe on the bundled sample with a small grid, so the run takes seconds. */
function smallCourse6(): unknown {
  const r = JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8')) as {
    dataset: { file: string };
    models: { grid: Record<string, unknown[]> }[];
  };
  r.dataset.file = resolve('resources/sample/tiktok_claims_sample.csv');
  r.models[0].grid = { max_depth: [4, null], max_features: [0.6], max_samples: [0.7], n_estimators: [10, 20] };
  r.models[1].grid = { max_depth: [3], min_child_weight: [5], learning_rate: [0.1], n_estimators: [20, 40] };
  return r;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'assay-cli-report-'));
  const home = join(root, 'home');
  mkdirSync(home);
  env = isolatedEnv(home);
  writeFileSync(join(root, 'recipe.json'), JSON.stringify(smallCourse6()));
  const r = await inRoot(['run', 'recipe.json', '--out', 'out']);
  expect(r.stderr.replace(/\r[^\n]*/g, '')).toBe('');
  expect(r.code).toBe(0);
}, 180_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const record = () => JSON.parse(readFileSync(join(root, 'out', 'run.json'), 'utf8')) as RunRecord;

/** The slides of a deck in order, as the text PowerPoint shows on each (every <a:t> run, space-joined). */
async function slideTexts(path: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const names = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
  names.sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return Promise.all(names.map(async (n) => [...(await zip.file(n)!.async('string')).matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decode(m[1])).join(' ')));
}

describe('assay report', () => {
  it('writes the run’s deck: a PowerPoint zip with one slide part per slide, the champion’s test recall in its text', async () => {
    const r = await inRoot(['report', 'out/run.json', '--out', 'deck.pptx']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(join(root, 'deck.pptx')));
    const presentation = await zip.file('ppt/presentation.xml')!.async('string');
    const listed = [...presentation.matchAll(/<p:sldId /g)].length;
    const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    expect(listed).toBeGreaterThanOrEqual(8);
    expect(slides.sort()).toEqual(Array.from({ length: listed }, (_, i) => `ppt/slides/slide${i + 1}.xml`).sort());
    expect(r.stdout).toBe(`Wrote deck.pptx: ${listed} slides.\n`);

    const run = record();
    const text = (await slideTexts(join(root, 'deck.pptx'))).join('\n');
    expect(text).toContain(run.recipeName);
    // Recall as the confusion counts say: the claims found of the claims in the test rows.
    // Rows are the actual class, columns the predicted one; the positive class is the second.
    const [missed, found] = run.champion!.test.confusion[1];
    expect(run.champion!.test.metrics.recall).toBeCloseTo(found / (found + missed), 12);
    expect(text).toContain(`${found.toLocaleString('en-US')} of the ${(found + missed).toLocaleString('en-US')}`);
    expect(text).toContain(run.champion!.test.metrics.recall.toFixed(3));
    expect(text).not.toMatch(/NaN|undefined/);
    // Every chart drawn from the run: none became a placeholder, and ROC, PR and importance are native charts.
    expect(text).not.toMatch(/was deleted|has no results|could not be drawn/);
    expect(Object.keys(zip.files).filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n)).length).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it('takes the folder assay run --out wrote, makes the deck’s folder, and writes each slide as images named by slide into --images DIR', async () => {
    const r = await inRoot(['report', 'out', '--out', 'decks/from-folder.pptx', '--images', 'slides']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(join(root, 'decks', 'from-folder.pptx')).subarray(0, 2).toString()).toBe('PK');
    const files = readdirSync(join(root, 'slides')).sort();
    expect(files.length).toBeGreaterThanOrEqual(8);
    expect(files[0]).toMatch(/^01-.*\.(png|svg)$/);
    for (const f of files) expect(f).toMatch(/^\d{2}-[\w-]+\.(png|svg)$/);
    expect(r.stdout).toMatch(/^Wrote decks\/from-folder\.pptx: \d+ slides\.\n/);
    expect(r.stdout).toContain(`Wrote ${files.length} images to slides.`);
  }, 180_000);

  it('with --pdf and no LibreOffice on the PATH: a clear error, and the PPTX is still written', async () => {
    // An empty folder as the PATH: the command starts (the wrapper runs node by its full path), soffice cannot be found.
    const bin = join(root, 'empty-bin');
    mkdirSync(bin, { recursive: true });
    const r = await inRoot(['report', 'out/run.json', '--out', 'nopdf.pptx', '--pdf'], { PATH: bin });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('assay: PDF export needs LibreOffice (soffice); install it or export PPTX. (nopdf.pptx was written; nopdf.pdf was not.)\n');
    expect(readFileSync(join(root, 'nopdf.pptx')).subarray(0, 2).toString()).toBe('PK');
    expect(existsSync(join(root, 'nopdf.pdf'))).toBe(false);
  }, 120_000);

  it.skipIf(!soffice)('with --pdf and LibreOffice installed: the PDF next to the deck', async () => {
    const r = await inRoot(['report', 'out/run.json', '--out', 'pdf/deck.pptx', '--pdf']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\nWrote pdf\/deck\.pdf\.\n$/);
    expect(readFileSync(join(root, 'pdf', 'deck.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  }, 180_000);

  it('refuses what is not a finished run.json, with the reason', async () => {
    const missing = await inRoot(['report', 'nowhere/run.json', '--out', 'x.pptx']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`assay: ${join(root, 'nowhere', 'run.json')} does not exist or cannot be read.\n`);

    writeFileSync(join(root, 'broken.json'), '{\n  "models": [\n  ]\n  "x": 1\n}');
    const broken = await inRoot(['report', 'broken.json', '--out', 'x.pptx']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^assay: broken\.json, line 4, column 3: not valid JSON/);

    writeFileSync(join(root, 'other.json'), JSON.stringify({ models: [] }));
    const other = await inRoot(['report', 'other.json', '--out', 'x.pptx']);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/^assay: other\.json is not a run record .*: it has no "classes"/);

    const cancelled = { ...record(), champion: null, status: 'cancelled' };
    writeFileSync(join(root, 'cancelled.json'), JSON.stringify(cancelled));
    const none = await inRoot(['report', 'cancelled.json', '--out', 'x.pptx']);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe('assay: cancelled.json has no champion (the run was cancelled): a report needs a finished run.\n');

    const notPptx = await inRoot(['report', 'out', '--out', 'deck.ppt']);
    expect(notPptx.code).toBe(1);
    expect(notPptx.stderr).toBe('assay: --out names the PowerPoint file to write and must end in .pptx; got "deck.ppt".\n');
    expect(existsSync(join(root, 'x.pptx'))).toBe(false);
  }, 60_000);

  it('prints its usage (exit 2) without a run or --out', async () => {
    for (const args of [['report'], ['report', 'out'], ['report', 'a', 'b', '--out', 'x.pptx'], ['report', 'out', '--out', 'x.pptx', '--bogus']]) {
      const r = await inRoot(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('usage: assay report RUN --out DECK.pptx [--pdf] [--images DIR]');
    }
  }, 60_000);
});

describe('assay run --out', () => {
  it('writes each model’s cv_results CSV as the app’s results table, parameters as Python writes them', () => {
    const csv = readFileSync(join(root, 'out', 'cv_results_rf.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe(
      'candidate,param_max_depth,param_max_features,param_max_samples,param_n_estimators,param_random_state,' +
        'mean_test_accuracy,std_test_accuracy,rank_test_accuracy,mean_test_precision,std_test_precision,rank_test_precision,' +
        'mean_test_recall,std_test_recall,rank_test_recall,mean_test_f1,std_test_f1,rank_test_f1,mean_fit_time',
    );
    expect(csv.filter((l) => l).length).toBe(5);
    expect(csv.some((l) => /^\d+,None,0\.6,0\.7,(10|20),0,0\.\d+,/.test(l))).toBe(true);
  });
});
