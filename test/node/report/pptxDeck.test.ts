import { beforeAll, describe, expect, it } from 'vitest';
import type { EChartsOption } from '../../../src-main/core/charts/spec';
import { deckFromRun } from '../../../src-main/core/report/deckFromRun';
import { deckBytes, PPTX_MIME } from '../../../src-main/node/report/exportReport';
import { fitFontSize, naturalWidths, pptxDeck, sectionColumns, tableLayout } from '../../../src-main/node/report/pptxDeck';
import { CONFUSION_FILLS, fixtureContext, fixtureRecord, fixtureReport, NATIVE_SLIDES, PICTURE_SLIDES, SLIDE } from './deckFixture';
import { allXml, openDeck, paragraphs, relationships, seriesOrderProblems, tableCells, undefinedAxisIds, zipXmlProblems, type Deck } from './pptxParts';

let deck: Deck;
let xml: Map<string, string>;
let fileName: string;
let mime: string;

/** The chart part a slide shows, or null. */
async function chartOf(slide: number): Promise<string | null> {
  const part = deck.slides[slide - 1];
  const id = /<c:chart\b[^>]*r:id="([^"]+)"/.exec(xml.get(part)!)?.[1];
  return id ? (await relationships(deck, part)).get(id)! : null;
}

const slideText = (n: number) => paragraphs(xml.get(deck.slides[n - 1])!).join('\n');

beforeAll(async () => {
  const file = await deckBytes(fixtureContext(), fixtureReport(), 'pptx');
  ({ fileName, mime } = file);
  deck = await openDeck(file.bytes);
  xml = await allXml(deck);
});

describe('the PPTX deck', () => {
  it('is a 16:9 presentation named after the report, one slide part per slide, in order', async () => {
    expect(fileName).toBe('claims-model-review.pptx');
    expect(mime).toBe(PPTX_MIME);
    const report = fixtureReport();
    expect(deck.slides).toEqual(report.slides.map((_, i) => `ppt/slides/slide${i + 1}.xml`));
    const presentation = xml.get('ppt/presentation.xml')!;
    expect(presentation.match(/<p:sldId /g)).toHaveLength(report.slides.length);
    expect(presentation).toMatch(/<p:sldSz cx="12192000" cy="6858000"/);
    expect(xml.get('docProps/core.xml')).toContain('<dc:title>Claims model review</dc:title>');
  });

  it('has every XML part well-formed, its workbooks’ and its pictures’ too', async () => {
    expect(await zipXmlProblems(deck.zip)).toEqual([]);
  });

  it('puts each slide’s title, then its caption, at the top', () => {
    for (const n of [SLIDE.bullets, SLIDE.roc, SLIDE.table]) {
      const [title, caption] = paragraphs(xml.get(deck.slides[n - 1])!);
      expect(title).toBe(fixtureReport().slides[n - 1].title);
      expect(caption).toBe(`Caption of ${title}`);
    }
    expect(slideText(SLIDE.title)).toContain('sample · 19,084 rows · Assay 0.1.0');
    expect(slideText(SLIDE.bullets)).toContain('Positive class “claim”: 49.6 %.');
    const summary = slideText(SLIDE.sections);
    for (const t of ['Variables analysed', 'Results', 'Next steps', 'rf finds 18 of 19 claims in the test rows.']) expect(summary).toContain(t);
  });

  it('draws the native charts as chart parts, each with its workbook, so “Edit data” works', async () => {
    for (const n of NATIVE_SLIDES) {
      const chart = await chartOf(n);
      expect(chart, `slide ${n}`).toMatch(/^ppt\/charts\/chart\d+\.xml$/);
      const book = [...(await relationships(deck, chart!)).values()].find((t) => t.endsWith('.xlsx'));
      expect(book, `workbook of slide ${n}`).toMatch(/^ppt\/embeddings\/.+\.xlsx$/);
      expect(deck.names).toContain(book);
      expect(xml.get(`${book}!xl/worksheets/sheet1.xml`)).toContain('<sheetData>');
    }
    const charts = deck.names.filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
    expect(charts).toHaveLength(NATIVE_SLIDES.length);
    expect(xml.get('[Content_Types].xml')).toContain('application/vnd.openxmlformats-officedocument.drawingml.chart+xml');
  });

  it('has every c:axId a chart uses defined by an axis of that chart, and its series as the schema orders them', () => {
    const charts = [...xml].filter(([n]) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
    expect(charts.length).toBeGreaterThan(0);
    for (const [name, chart] of charts) {
      expect(chart, name).toMatch(/<c:axId /);
      expect(undefinedAxisIds(chart), name).toEqual([]);
      expect(seriesOrderProblems(chart), name).toEqual([]);
    }
  });

  it('draws the ROC curve as XY lines with a dashed chance line and a marked operating point, and importance as bars with whiskers', async () => {
    const roc = xml.get((await chartOf(SLIDE.roc))!)!;
    expect(roc).toContain('<c:scatterChart>');
    const [curve, chance, point] = roc.match(/<c:ser>[\s\S]*?<\/c:ser>/g)!;
    expect(curve).toContain('<c:symbol val="none"/>');
    expect(chance).toContain('<a:prstDash val="dash"/>');
    expect(point).toContain('<a:ln><a:noFill/></a:ln>');
    expect(point).toContain('<c:symbol val="circle"/>');
    expect(roc).toContain('False positive rate');
    // Screen readers hear what the chart is.
    expect(xml.get(deck.slides[SLIDE.roc - 1])).toMatch(/<p:cNvPr [^>]*descr="ROC curve: rf, test set"/);
    const importance = xml.get((await chartOf(SLIDE.importance))!)!;
    expect(importance).toContain('<c:barDir val="bar"/>');
    expect(importance).toContain('<c:errBars>');
    expect(importance).toContain('Drop in recall when shuffled');
    const compare = xml.get((await chartOf(SLIDE.compare))!)!;
    expect(compare).toContain('<c:barDir val="col"/>');
    expect(compare.match(/<c:ser>/g)).toHaveLength(3);
    expect(compare).toContain('<c:legend>');
  });

  it('avoids the pptxgenjs faults it cannot repair: no bar chart shares a plot with a scatter chart (#1355), no bestFit labels (#768)', () => {
    for (const [name, part] of xml) {
      if (!/^ppt\/charts\/chart\d+\.xml$/.test(name)) continue;
      const groups = part.match(/<c:(\w+)Chart>/g)!;
      expect(groups, name).toHaveLength(1);
      expect(part, name).not.toContain('bestFit');
    }
  });

  it('writes no NaN and no "undefined" in any part, workbooks included (NaN cell margins, PR #1457)', () => {
    expect(xml.size).toBeGreaterThan(40);
    for (const [name, part] of xml) {
      expect(part, name).not.toMatch(/NaN/);
      expect(part, name).not.toMatch(/undefined/);
    }
    // Every table cell has its margins as numbers.
    const cells = [...xml.get(deck.slides[SLIDE.table - 1])!.matchAll(/<a:tcPr\b([^>]*)>/g)];
    expect(cells.length).toBe(9);
    for (const c of cells) expect(c[1]).toMatch(/marL="\d+" marR="\d+" marT="\d+" marB="\d+"/);
  });

  it('writes tables as native tables: the cells, numbers right-aligned, the confusion matrix’s fills', () => {
    const cells = tableCells(xml.get(deck.slides[SLIDE.table - 1])!);
    expect(cells.map((r) => r.map((c) => c.text))).toEqual([
      ['actual \\ predicted', 'opinion', 'claim'],
      ['opinion', '1,928', '0'],
      ['claim', '16', '1,873'],
    ]);
    expect(cells[1].map((c) => c.align)).toEqual(['l', 'r', 'r']);
    expect(cells.slice(1).map((r) => r.slice(1).map((c) => c.fill))).toEqual(CONFUSION_FILLS.map((r) => r.map((f) => f.slice(1).toUpperCase())));
    // White text on the dark cells, dark text on the light ones.
    const body = xml.get(deck.slides[SLIDE.table - 1])!.match(/<a:tc\b[\s\S]*?<\/a:tc>/g)!;
    expect(body[4]).toMatch(/<a:srgbClr val="FFFFFF"\/>[\s\S]*1,928/);
    expect(body[5]).not.toMatch(/<a:rPr[^>]*>\s*<a:solidFill>\s*<a:srgbClr val="FFFFFF"/);
  });

  it('puts each slide’s notes in its speaker notes', async () => {
    const report = fixtureReport();
    for (const [i, slide] of deck.slides.entries()) {
      const rels = await relationships(deck, slide);
      const notes = [...rels.values()].find((t) => /notesSlides\/notesSlide\d+\.xml$/.test(t));
      expect(notes, slide).toBeDefined();
      expect(paragraphs(xml.get(notes!)!).join('\n')).toContain(report.slides[i].notes);
    }
  });

  it('draws charts PowerPoint cannot as an SVG picture with a real PNG beside it', async () => {
    for (const n of PICTURE_SLIDES) {
      const part = deck.slides[n - 1];
      const slide = xml.get(part)!;
      expect(slide).not.toContain('<c:chart ');
      const blip = /<a:blip r:embed="([^"]+)">[\s\S]*?<asvg:svgBlip[^>]*r:embed="([^"]+)"/.exec(slide)!;
      const rels = await relationships(deck, part);
      const [png, svg] = [rels.get(blip[1])!, rels.get(blip[2])!];
      expect(svg).toMatch(/\.svg$/);
      expect(await deck.zip.file(svg)!.async('string')).toMatch(/^<svg\b/);
      const bytes = await deck.zip.file(png)!.async('uint8array');
      expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
      // Drawn at 3x: well over a thousand pixels wide, not the 100-pixel "broken image" icon.
      const width = new DataView(bytes.buffer, bytes.byteOffset).getUint32(16);
      expect(width).toBeGreaterThan(1500);
    }
  });

  it('turns a slide whose run or dataset is gone, or whose chart cannot be drawn, into a placeholder that says so', () => {
    expect(slideText(SLIDE.deletedRun)).toContain('Run #7 was deleted — this slide showed “Old ROC”.');
    expect(slideText(SLIDE.deletedDataset)).toContain('Dataset #9 was deleted — this slide showed “Gone dataset”.');
    expect(slideText(SLIDE.undrawable)).toMatch(/^This chart could not be drawn: Model "xgb" has no test set predictions/m);
    for (const n of [SLIDE.deletedRun, SLIDE.deletedDataset, SLIDE.undrawable]) expect(xml.get(deck.slides[n - 1])).not.toMatch(/<c:chart |<p:pic>/);
  });
});

describe('charts no run draws yet', () => {
  it('writes lines over categories (a CV score against a parameter) as a native line chart, each series with its own dash', async () => {
    const option: EChartsOption = {
      xAxis: { type: 'category', name: 'max_depth', data: ['3', '5', 'None'] },
      yAxis: { type: 'value', name: 'CV recall', min: 0.9, max: 1 },
      legend: { show: true },
      series: [
        { type: 'line', name: 'n_estimators 100', data: [0.95, 0, 0.98] },
        { type: 'line', name: 'n_estimators 300', data: [0.955, '-', 0.985], lineStyle: { type: 'dashed' } },
      ],
    };
    const bytes = await pptxDeck({ name: 'Lines', slides: [{ number: 1, id: 'a', title: 'CV recall by depth', caption: '', notes: '', body: { kind: 'chart', chart: { option, note: null, kind: 'line' } } }] });
    const d = await openDeck(bytes);
    expect(await zipXmlProblems(d.zip)).toEqual([]);
    const parts = await allXml(d);
    const [name, chart] = [...parts].find(([n]) => /^ppt\/charts\/chart\d+\.xml$/.test(n))!;
    expect(chart).toContain('<c:lineChart>');
    expect(undefinedAxisIds(chart)).toEqual([]);
    const [solid, dashed] = chart.match(/<c:ser>[\s\S]*?<\/c:ser>/g)!;
    expect(solid).toContain('<a:prstDash val="solid"/>');
    expect(dashed).toContain('<a:prstDash val="dash"/>');
    expect(chart).not.toContain('bestFit');
    // The missing point is absent, the zero is there, in the chart and in its workbook.
    const values = (ser: string) => /<c:val>[\s\S]*<\/c:val>/.exec(ser)![0];
    expect(values(dashed)).not.toMatch(/<c:pt idx="1">/);
    expect(values(solid)).toMatch(/<c:pt idx="1"><c:v>0<\/c:v><\/c:pt>/);
    const book = [...(await relationships(d, name)).values()].find((t) => t.endsWith('.xlsx'))!;
    const sheet = parts.get(`${book}!xl/worksheets/sheet1.xml`)!;
    expect(sheet).toContain('<c r="B3"><v>0</v></c>');
    expect(sheet).toContain('<c r="C3"/>');
  });
});

describe('a deck from a run', () => {
  it('has the champion’s test figures in its slide text and every chart native or pictured', async () => {
    const record = fixtureRecord();
    const report = deckFromRun({ runId: 1, title: 'Course 6 grid', record });
    const file = await deckBytes(fixtureContext(record), report, 'pptx');
    const d = await openDeck(file.bytes);
    expect(d.slides).toHaveLength(report.slides.length);
    expect(await zipXmlProblems(d.zip)).toEqual([]);
    const text = (await Promise.all(d.slides.map(async (s) => paragraphs(await d.text(s)).join('\n')))).join('\n');
    const test = record.champion!.test;
    // rf misses 1 of the 20 test claims: recall 19/20.
    expect(test.confusion[1]).toEqual([1, 19]);
    expect(text).toContain('19 of 20');
    expect(text).toContain(test.metrics.recall.toFixed(3));
    for (const s of d.slides) expect(await d.text(s)).not.toMatch(/NaN|undefined/);
  });
});

describe('layout helpers', () => {
  it('shrinks text to fit its box, down to a floor', () => {
    const box = { w: 6, h: 2 };
    expect(fitFontSize(['Short.'], box, 20, 10)).toBe(20);
    const long = Array.from({ length: 12 }, () => 'A sentence long enough to wrap onto a second line in a box six inches wide at most sizes.');
    const size = fitFontSize(long, box, 20, 8);
    expect(size).toBeLessThan(20);
    expect(fitFontSize(long, { w: 6, h: 0.5 }, 20, 8)).toBe(8);
    expect(fitFontSize(long, { w: 6, h: 8 }, 20, 8)).toBeGreaterThan(size);
  });

  it('splits the summary’s sections into two columns of about equal length, in order', () => {
    const s = (heading: string, n: number) => ({ heading, bullets: Array.from({ length: n }, () => 'x'.repeat(80)) });
    expect(sectionColumns([s('a', 2), s('b', 2)])).toEqual([[s('a', 2), s('b', 2)]]);
    const cols = sectionColumns([s('a', 4), s('b', 1), s('c', 1), s('d', 2)]);
    expect(cols.map((c) => c.map((x) => x.heading))).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('fits a table: smaller type for more rows or wider cells, and only the rows that fit', () => {
    const table = (rows: number, cell = '0.123') => ({ header: ['metric', 'value'], rows: Array.from({ length: rows }, () => ['recall', cell]), numeric: [false, true] });
    const box = { w: 12, h: 5 };
    expect(tableLayout(table(3), box)).toMatchObject({ size: 14, shown: 3 });
    expect(tableLayout(table(25), box).size).toBeLessThan(14);
    const many = tableLayout(table(200), box);
    expect(many.shown).toBeLessThan(200);
    expect((many.shown + 1) * many.rowH).toBeLessThanOrEqual(box.h);
    const wide = tableLayout(table(3, 'x'.repeat(300)), box);
    expect(wide.colW.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(box.w + 1e-9);
    expect(wide.colW.reduce((a, b) => a + b, 0)).toBeLessThan(naturalWidths(table(3, 'x'.repeat(300)), 9).reduce((a, b) => a + b, 0));
  });
});
