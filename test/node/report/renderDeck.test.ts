import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRecipe, type Recipe } from '../../../src-main/core/recipe/schema';
import type { DeckContext } from '../../../src-main/core/report/deckContext';
import { deckFromRun } from '../../../src-main/core/report/deckFromRun';
import type { Slide } from '../../../src-main/core/report/schema';
import { deckBytes } from '../../../src-main/node/report/exportReport';
import { findOnPath, findSoffice } from '../../../src-main/node/report/pdfDeck';
import { runRecipe } from '../../../src-main/node/search/runRecipe';
import { sampleFrame } from '../../core/recipe/sampleFrame';
import { zipXmlProblems } from './pptxParts';

/**
 * The deck as LibreOffice draws it: the Course 6 deck from a real run of a
 * small grid on the sample, converted to PDF and rasterized with poppler.
 * Every slide must come out as a page, and none blank. CI installs both
 * (.ci/run); elsewhere the test is skipped.
 */

const soffice = findSoffice();
const pdftoppm = findOnPath('pdftoppm');

function smallCourse6(): Recipe {
  const r = parseRecipe(JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8')));
  r.models[0].grid = { max_depth: [4, null], max_features: [0.6], max_samples: [0.7], n_estimators: [10, 20] };
  r.models[1].grid = { max_depth: [3], min_child_weight: [5], learning_rate: [0.1], n_estimators: [20, 40] };
  return r;
}

/** A binary PGM (P5, as `pdftoppm -gray` writes it): width, height and one byte a pixel. */
function readPgm(bytes: Uint8Array): { width: number; height: number; pixels: Uint8Array } {
  let at = 0;
  const fields: number[] = [];
  const magic = String.fromCharCode(bytes[0], bytes[1]);
  if (magic !== 'P5') throw new Error(`not a binary PGM: ${magic}`);
  at = 2;
  while (fields.length < 3) {
    while (/\s/.test(String.fromCharCode(bytes[at]))) at++;
    if (bytes[at] === 35) {
      while (bytes[at] !== 10) at++;
      continue;
    }
    let n = '';
    while (!/\s/.test(String.fromCharCode(bytes[at]))) n += String.fromCharCode(bytes[at++]);
    fields.push(Number(n));
  }
  const [width, height] = fields;
  return { width, height, pixels: bytes.subarray(at + 1, at + 1 + width * height) };
}

/** The share of the slide's body (below the title and caption, above the footer) that is not near-white. */
function inkInBody(pgm: { width: number; height: number; pixels: Uint8Array }): number {
  const from = Math.floor(pgm.height * 0.25) * pgm.width;
  const to = Math.floor(pgm.height * 0.93) * pgm.width;
  let ink = 0;
  for (let i = from; i < to; i++) if (pgm.pixels[i] < 200) ink++;
  return ink / (to - from);
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('readPgm', () => {
  it('reads the header and pixels of a binary PGM', () => {
    const pgm = readPgm(new Uint8Array([...Buffer.from('P5\n# made by hand\n3 2\n255\n'), 0, 255, 10, 20, 30, 40]));
    expect(pgm).toMatchObject({ width: 3, height: 2 });
    expect([...pgm.pixels]).toEqual([0, 255, 10, 20, 30, 40]);
    expect(inkInBody({ width: 1, height: 4, pixels: new Uint8Array([0, 255, 0, 255]) })).toBe(0.5);
  });
});

describe('the deck rendered by LibreOffice', () => {
  if (!soffice || !pdftoppm) {
    it.skip('renders every slide of the Course 6 deck, none blank (skipped: LibreOffice soffice and poppler pdftoppm are not both installed)', () => {});
    return;
  }

  it('renders every slide of the Course 6 deck, none blank', async () => {
    const record = await runRecipe(smallCourse6(), sampleFrame(), { workers: 2, dataset: { name: 'sample', contentHash: null } });
    const report = deckFromRun({ runId: 1, title: 'Claims vs opinions', record });
    const champion = record.champion!.modelId;
    const models = record.models.map((m) => ({ runId: 1, modelId: m.modelId }));
    const extra = (id: string, title: string, body: Slide['body'], runIds = [1]): Slide => ({ id, title, caption: '', notes: '', body, runIds });
    report.slides.push(
      // A picture (the confusion matrix as a heatmap), native comparisons, and a placeholder.
      extra('r1', 'Confusion matrix (picture)', { kind: 'chart', source: { type: 'run', id: 1, modelId: champion, chart: { kind: 'confusion', set: 'test', normalize: true, threshold: null } } }),
      extra('r2', 'Recall by model', { kind: 'chart', source: { type: 'compare', models, chart: { kind: 'metricBars', metric: 'recall' } } }),
      extra('r3', 'ROC curves, validation set', { kind: 'chart', source: { type: 'compare', models, chart: { kind: 'roc', set: 'validation' } } }),
      extra('r4', 'A slide of a deleted run', { kind: 'chart', source: { type: 'run', id: 7, modelId: 'rf', chart: { kind: 'pr', set: 'test', threshold: null } } }, [7]),
    );
    const ctx: DeckContext = { record: (id) => (id === 1 ? record : null), runTitle: (id) => (id === 1 ? 'Claims vs opinions' : null), datasetChart: async () => null };
    const pptx = await deckBytes(ctx, report, 'pptx');
    expect(await zipXmlProblems(await JSZip.loadAsync(pptx.bytes))).toEqual([]);
    const pdf = await deckBytes(ctx, report, 'pdf');
    expect(pdf.mime).toBe('application/pdf');
    expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString()).toBe('%PDF-');

    const dir = mkdtempSync(join(tmpdir(), 'assay-render-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'deck.pdf'), pdf.bytes);
    execFileSync(pdftoppm, ['-png', '-r', '50', join(dir, 'deck.pdf'), join(dir, 'slide')]);
    execFileSync(pdftoppm, ['-gray', '-r', '20', join(dir, 'deck.pdf'), join(dir, 'gray')]);
    const pngs = readdirSync(dir).filter((f) => /^slide-\d+\.png$/.test(f));
    expect(pngs).toHaveLength(report.slides.length);
    const grays = readdirSync(dir)
      .filter((f) => /^gray-\d+\.pgm$/.test(f))
      .sort();
    expect(grays).toHaveLength(report.slides.length);
    for (const [i, f] of grays.entries()) {
      const pgm = readPgm(readFileSync(join(dir, f)));
      // 16:9 pages.
      expect(Math.abs(pgm.width / pgm.height - 16 / 9), f).toBeLessThan(0.02);
      expect(inkInBody(pgm), `slide ${i + 1} (${report.slides[i].title}) is blank below its title`).toBeGreaterThan(0.01);
    }
  }, 300_000);
});
