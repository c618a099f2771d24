import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { deckBytes, exportReport, fileBase } from '../../../src-main/node/report/exportReport';
import { slideFileName } from '../../../src-main/node/report/imageFiles';
import { NO_LIBREOFFICE, pdfFromPptx } from '../../../src-main/node/report/pdfDeck';
import { resolveDeck } from '../../../src-main/node/report/resolveDeck';
import { fixtureContext, fixtureReport, SLIDE } from './deckFixture';
import { zipXmlProblems } from './pptxParts';
import { rejection } from './rejection';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('resolveDeck', () => {
  it('builds each chart from the stored data and keeps the texts', async () => {
    const deck = await resolveDeck(fixtureContext(), fixtureReport());
    expect(deck.slides.map((s) => s.number)).toEqual(fixtureReport().slides.map((_, i) => i + 1));
    const roc = deck.slides[SLIDE.roc - 1];
    expect(roc.body.kind).toBe('chart');
    expect(roc.notes).toBe('Notes of ROC curve: rf, test set: recall 0.947 (18 of 19).');
    expect(deck.slides[SLIDE.deletedRun - 1].body).toEqual({ kind: 'placeholder', message: 'Run #7 was deleted — this slide showed “Old ROC”.' });
  });

  it('names a run that exists but has no results, and every missing run of a slide', async () => {
    const ctx = { ...fixtureContext(), record: () => null, runTitle: (id: number) => (id === 1 ? 'Grid' : null) };
    const report = fixtureReport();
    report.slides = [{ ...report.slides[SLIDE.roc - 1], runIds: [1, 7, 8] }];
    const deck = await resolveDeck(ctx, report);
    expect(deck.slides[0].body).toEqual({ kind: 'placeholder', message: 'Runs #7 and #8 were deleted; run #1 (“Grid”) has no results — this slide showed “ROC curve: rf, test set”.' });
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    expect((await rejection(resolveDeck(fixtureContext(), fixtureReport(), controller.signal))).code).toBe('cancelled');
  });
});

describe('the images export', () => {
  it('is a zip of one PNG and one SVG per slide, named by slide number and title', async () => {
    const report = fixtureReport();
    const file = await deckBytes(fixtureContext(), report, 'images');
    expect(file.fileName).toBe('claims-model-review-slides.zip');
    expect(file.mime).toBe('application/zip');
    const zip = await JSZip.loadAsync(file.bytes);
    const names = Object.keys(zip.files).sort();
    expect(names).toHaveLength(2 * report.slides.length);
    expect(names.slice(0, 4)).toEqual(['01-claims-model-review.png', '01-claims-model-review.svg', '02-the-data.png', '02-the-data.svg']);
    expect(names).toContain('04-roc-curve-rf-test-set.png');
    expect(names).toContain('11-old-roc.svg');
    for (const n of names.filter((x) => x.endsWith('.png'))) {
      const bytes = await zip.file(n)!.async('uint8array');
      expect(String.fromCharCode(...bytes.subarray(1, 4)), n).toBe('PNG');
    }
    // Every SVG is well-formed XML.
    expect(await zipXmlProblems(zip)).toEqual([]);
    const svg = await zip.file('04-roc-curve-rf-test-set.svg')!.async('string');
    expect(svg).toMatch(/^<svg\b/);
    expect(svg).toContain('False positive rate');
    // The text slides are drawn too: the summary's headings are in its SVG.
    expect(await zip.file('03-executive-summary.svg')!.async('string')).toContain('Variables analysed');
  });

  it('pads numbers so the names sort in slide order', () => {
    expect(slideFileName(7, 12, 'ROC curve', 'png')).toBe('07-roc-curve.png');
    expect(slideFileName(7, 120, 'ROC curve', 'svg')).toBe('007-roc-curve.svg');
    expect(slideFileName(1, 3, '', 'png')).toBe('01-slide.png');
  });
});

describe('the PDF export', () => {
  it('says LibreOffice is needed when it is not installed', async () => {
    const e = await rejection(pdfFromPptx(new Uint8Array([1]), { soffice: null }));
    expect(e.code).toBe('not-found');
    expect(e.message).toBe(NO_LIBREOFFICE);
    const path = process.env.PATH;
    process.env.PATH = mkdtempSync(join(tmpdir(), 'assay-empty-path-'));
    dirs.push(process.env.PATH);
    try {
      expect((await rejection(deckBytes(fixtureContext(), fixtureReport(), 'pdf'))).message).toBe(NO_LIBREOFFICE);
    } finally {
      process.env.PATH = path;
    }
  });

  // What LibreOffice said, a converter that hangs, a cancel and the PDF it writes: pdfDeck.test.ts,
  // with a fake soffice that starts a grandchild as the real one starts soffice.bin.
});

describe('exportReport', () => {
  it('gives the API the same file as base64', async () => {
    const report = fixtureReport();
    report.slides = report.slides.slice(0, 2);
    const api = await exportReport(fixtureContext(), report, 'images');
    expect(api.fileName).toBe('claims-model-review-slides.zip');
    const zip = await JSZip.loadAsync(Buffer.from(api.data, 'base64'));
    expect(Object.keys(zip.files)).toHaveLength(4);
  });

  it('names files after the report', () => {
    expect(fileBase('Claims review (Q3)')).toBe('claims-review-q3');
    expect(fileBase('———')).toBe('report');
    expect(fileBase('Chart pack')).toBe('chart-pack');
  });
});
