import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { EChartsOption } from '../../../src-main/core/charts/spec';
import type { ResolvedDeck, ResolvedSlide } from '../../../src-main/core/report/resolvedDeck';
import type { ReportTable } from '../../../src-main/core/report/schema';
import { imageFiles } from '../../../src-main/node/report/imageFiles';
import { bodyBox, fitTable, pptxDeck } from '../../../src-main/node/report/pptxDeck';
import { openDeck, paragraphs, zipXmlProblems } from './pptxParts';
import { rejection } from './rejection';

const slide = (number: number, body: ResolvedSlide['body'], title = `Slide ${number}`): ResolvedSlide => ({ number, id: `s${number}`, title, caption: 'A caption', notes: '', body });

const longText = (r: number, c: number) => `row ${r} column ${c} `.padEnd(200, 'long text ');

/** The schema's largest table: 500 rows of 40 columns, every header and cell 200 characters long. */
function hugeTable(): ReportTable {
  const text = longText;
  return {
    header: Array.from({ length: 40 }, (_, c) => text(0, c)),
    rows: Array.from({ length: 500 }, (_, r) => Array.from({ length: 40 }, (_, c) => text(r + 1, c))),
    numeric: Array.from({ length: 40 }, () => false),
  };
}

function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The texts an SVG draws, unescaped enough to count characters. */
const svgTexts = (svg: string) => [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));

describe('a table slide in the images export', () => {
  it('draws the rows the PPTX slide shows and the columns that fit, says what it left off, and stays small', async () => {
    const table = hugeTable();
    const s = slide(1, { kind: 'table', table }, 'The whole dataset');
    const zip = await JSZip.loadAsync(await imageFiles({ name: 'Huge', slides: [s] }));
    expect(await zipXmlProblems(zip)).toEqual([]);
    const svg = await zip.file('01-the-whole-dataset.svg')!.async('string');
    const { shown } = fitTable(table, bodyBox(s));
    expect(shown).toBeGreaterThan(5);
    expect(shown).toBeLessThan(30);
    const texts = svgTexts(svg);
    const note = texts.find((t) => t.startsWith('Showing the first'));
    expect(note).toMatch(new RegExp(`^Showing the first ${shown} of 500 rows and \\d+ of 40 columns\\.$`));
    const columns = Number(/and (\d+) of 40 columns/.exec(note!)![1]);
    expect(columns).toBeGreaterThan(0);
    // The title, the header, the rows shown, the note: nothing else is drawn.
    expect(texts).toHaveLength(1 + (shown + 1) * columns + 1);
    // Each cell shortened to 80 characters, ending in "…".
    expect(texts).toContain(`${longText(shown, 0).slice(0, 79).trimEnd()}…`);
    expect(texts.some((t) => t.startsWith(`row ${shown + 1} `))).toBe(false);
    for (const t of texts.filter((x) => x.startsWith('row '))) expect(t.length, t).toBeLessThanOrEqual(80);
    const png = pngSize(await zip.file('01-the-whole-dataset.png')!.async('uint8array'));
    // Drawn at 2x, two slide widths at most, as tall as its rows.
    expect(png.width).toBeLessThanOrEqual(2 * 2560);
    expect(png.height).toBeLessThanOrEqual(2 * 48 + 2 * 26 * (shown + 2) + 2 * 16);
  });
});

describe('a text slide in the images export', () => {
  it('draws only the text that falls on the page, however long its texts are', async () => {
    const text = (n: number) => 'lorem ipsum dolor sit amet '.repeat(Math.ceil(n / 27)).slice(0, n);
    // The schema's longest summary: six sections of twelve 1,000-character sentences.
    const sections = Array.from({ length: 6 }, (_, i) => ({ heading: `Section ${i + 1}`, bullets: Array.from({ length: 12 }, () => text(1000)) }));
    const s = { ...slide(1, { kind: 'sections', sections }, 'Executive summary'), caption: text(400) };
    const zip = await JSZip.loadAsync(await imageFiles({ name: 'Long', slides: [s] }));
    const svg = await zip.file('01-executive-summary.svg')!.async('string');
    expect(await zipXmlProblems(zip)).toEqual([]);
    const drawn = svgTexts(svg);
    expect(drawn[0]).toBe('Executive summary');
    expect(drawn).toContain('Section 1');
    // A 1280 × 720 page holds a few thousand characters at the smallest size; 72,000 were given.
    expect(drawn.join('').length).toBeLessThan(15_000);
  });

  /** The Course 6 deck's executive summary, as the review found it drawn with blank lines and lines starting with a space. */
  const course6Summary = [
    {
      heading: 'Variables analysed',
      bullets: [
        'Target: claim_status, whether a row is “claim” (the positive class) or “opinion”.',
        'The models see 25 features.',
        '6 columns as recorded: video_duration_sec, video_view_count, video_like_count, video_share_count, video_download_count and video_comment_count.',
        'text_length: the length of video_transcription_text in characters.',
        '3 category indicators (0/1): verified_status (verified rather than not verified) and author_ban_status (banned and under review rather than active).',
        '15 counts of word pairs and triples in video_transcription_text, such as “ancestors modern”, “average person” and “average person eats”.',
        '“claim” makes up 49.5% of the test rows (1,889 of 3,817).',
      ],
    },
    {
      heading: 'Results',
      bullets: [
        'xgb (gradient boosting) is the champion of 2 models, chosen by highest validation recall.',
        'On the 3,817 test rows, scored once, it reaches recall 0.993, precision 0.999, accuracy 0.996 and F1 0.996.',
        'It finds 1,875 of the 1,889 claims in the test rows and misses 14; it wrongly flags 2 of the 1,928 opinions as claims.',
        'In cross-validation its best candidate reaches mean recall 0.992 (± 0.002 over 5 folds).',
        'Compared: rf (random forest) validation recall 0.989.',
      ],
    },
    {
      heading: 'What the model relies on',
      bullets: [
        'Shuffling video_view_count lowers recall on the validation rows by 0.075, more than any other feature.',
        'Shuffling any one of the other 24 features changes recall on the validation rows by less than 0.001.',
        'By gain, the model leans most on video_view_count (0.922), author_ban_status “banned” (0.016) and video_like_count (0.013).',
      ],
    },
    { heading: 'Recommendations', bullets: ['The model can be recommended for a trial: on rows it never saw it catches 99.3% of claims and 99.9% of its flags are right.'] },
    {
      heading: 'Next steps',
      bullets: [
        'Validate the model on new data (rows collected after this sample) before relying on it.',
        'Review the 14 claims it misses and the 2 opinions it wrongly flags in the test rows to see what they have in common.',
      ],
    },
  ];

  /** The SVG's text lines grouped by the paragraph they belong to (ECharts draws a paragraph's lines at one origin). */
  function svgParagraphs(svg: string): { x: number; top: number; lineHeight: number; lines: string[] }[] {
    const out = new Map<string, { x: number; top: number; lineHeight: number; lines: string[]; ys: number[] }>();
    for (const m of svg.matchAll(/<text\b[^>]*font-size:(\d+)px[^>]*\by="([\d.]+)" transform="translate\(([\d.]+) ([\d.]+)\)"[^>]*>([^<]*)<\/text>/g)) {
      const key = `${m[3]} ${m[4]}`;
      const p = out.get(key) ?? { x: Number(m[3]), top: Number(m[4]), lineHeight: Math.round(Number(m[1]) * 1.35), lines: [], ys: [] };
      p.lines.push(m[5].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
      p.ys.push(Number(m[2]));
      out.set(key, p);
    }
    return [...out.values()];
  }

  it('draws each paragraph in exactly the lines counted for it: no blank line after a bullet, no line starting with a space, nothing lost', async () => {
    const s = { ...slide(12, { kind: 'sections', sections: course6Summary }, 'Executive summary'), caption: 'xgb finds 1,875 of 1,889 claims in the test rows (recall 0.993) and wrongly flags 2 of 1,928 opinions.' };
    const zip = await JSZip.loadAsync(await imageFiles({ name: 'Course 6', slides: [s] }));
    const paragraphs = svgParagraphs(await zip.file('12-executive-summary.svg')!.async('string'));
    const columns = [...new Set(paragraphs.map((p) => p.x))];
    expect(columns).toHaveLength(2);
    for (const x of columns) {
      const column = paragraphs.filter((p) => p.x === x && p.top > 130).sort((a, b) => a.top - b.top);
      for (const [i, p] of column.entries()) {
        for (const line of p.lines) {
          expect(line, `a line of “${p.lines.join(' ')}”`).not.toMatch(/^\s|\s$/);
        }
        const next = column[i + 1];
        if (!next) continue;
        // What stands between this paragraph's last line and the next paragraph: the space above it, under one line — never a blank line.
        const between = next.top - (p.top + p.lines.length * p.lineHeight);
        expect(between, `after “${p.lines.join(' ')}”`).toBeGreaterThanOrEqual(0);
        expect(between, `after “${p.lines.join(' ')}”`).toBeLessThan(p.lineHeight);
      }
    }
    const drawn = paragraphs.map((p) => p.lines.join(' '));
    for (const section of course6Summary) {
      expect(drawn).toContain(section.heading);
      for (const b of section.bullets) expect(drawn).toContain(`•  ${b}`);
    }
  });
});

describe('a slide that cannot be drawn', () => {
  /** A chart ECharts fails on while drawing: PowerPoint has no form for it, so it would be a picture. */
  const broken: EChartsOption = {
    graphic: [],
    xAxis: { type: 'value' },
    yAxis: { type: 'value' },
    series: [
      {
        type: 'custom',
        data: [[1, 2]],
        renderItem: () => {
          throw new RangeError('a custom shape with no size');
        },
      },
    ],
  };
  const deck: ResolvedDeck = {
    name: 'One bad chart',
    slides: [
      slide(1, { kind: 'bullets', bullets: ['Before the chart.'] }),
      slide(2, { kind: 'chart', chart: { option: broken, note: null, kind: 'custom' } }, 'Broken chart'),
      slide(3, { kind: 'bullets', bullets: ['After the chart.'] }, 'After'),
    ],
  };

  it('becomes a placeholder page that says why in the images export; the other slides are drawn', async () => {
    const zip = await JSZip.loadAsync(await imageFiles(deck));
    expect(Object.keys(zip.files).sort()).toEqual(['01-slide-1.png', '01-slide-1.svg', '02-broken-chart.png', '02-broken-chart.svg', '03-after.png', '03-after.svg']);
    expect(svgTexts(await zip.file('02-broken-chart.svg')!.async('string')).join(' ')).toContain('This chart could not be drawn: a custom shape with no size');
    expect(await zip.file('03-after.svg')!.async('string')).toContain('After the chart.');
  });

  it('becomes a placeholder slide that says why in the PPTX; the other slides are written', async () => {
    const d = await openDeck(await pptxDeck(deck));
    expect(d.slides).toHaveLength(3);
    expect(await zipXmlProblems(d.zip)).toEqual([]);
    expect(paragraphs(await d.text(d.slides[1])).join('\n')).toContain('This chart could not be drawn: a custom shape with no size');
    expect(paragraphs(await d.text(d.slides[2])).join('\n')).toContain('After the chart.');
  });
});

describe('cancelling an export', () => {
  const deck: ResolvedDeck = { name: 'Three', slides: [1, 2, 3].map((n) => slide(n, { kind: 'bullets', bullets: [`Point ${n}.`] })) };

  it('is heard between slides: a cancel that arrives while the images are drawn stops them', async () => {
    const controller = new AbortController();
    const exporting = imageFiles(deck, controller.signal);
    // Queued after the export started, as a cancel message from the window is.
    setImmediate(() => controller.abort());
    expect((await rejection(exporting)).code).toBe('cancelled');
  });

  it('is heard between slides of the PPTX too', async () => {
    const controller = new AbortController();
    const exporting = pptxDeck(deck, controller.signal);
    setImmediate(() => controller.abort());
    expect((await rejection(exporting)).code).toBe('cancelled');
  });
});
