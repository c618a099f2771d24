import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildChart, type ChartSpec } from '../../../src-main/core/charts/index';
import type { ChartRequest } from '../../../src-main/core/charts/request';
import type { DeckContext } from '../../../src-main/core/report/deckContext';
import { REPORT_VERSION, reportSchema, type Report, type Slide } from '../../../src-main/core/report/schema';
import { deckBytes } from '../../../src-main/node/report/exportReport';
import { openDeck, paragraphs, zipXmlProblems, type Deck } from './pptxParts';

/**
 * Text an imported file or a pasted note can carry, in every place a deck
 * writes text: control characters (XML forbids most of them even escaped),
 * C1 controls, unpaired surrogates, U+FFFE/U+FFFF, markup, tabs and CR LF,
 * an emoji, and a NUL between two digits. resvg refused such an SVG ("SVG
 * data parsing failed") and the whole export failed with it.
 */
const HOSTILE = 'Q\u0000\u0001\u0007\u0008\u000b\u000c\u001b\u001f \u007f\u0085\u009f \ud800 \udfff \ufffe\uffff &<b>"\'</b> ]]> tab\there CR\r\nLF 🙂 1\u00002';
const hostile = (s: string) => `${s} ${HOSTILE}`;
const FFFD = '\ufffd';

const n = 40;
const categories = Array.from({ length: n }, (_, i) => hostile(['claim', 'opinion', 'other'][i % 3]));
const numbers = Array.from({ length: n }, (_, i) => ((i * 37) % 23) + i / 10);
const others = Array.from({ length: n }, (_, i) => ((i * 11) % 17) - i / 7);

/** Each dataset chart built from columns whose names and values are all hostile, with a hostile note. */
function chartOf(req: ChartRequest): ChartSpec {
  const texts = { title: req.title, xLabel: req.xLabel, yLabel: req.yLabel };
  const x = { name: hostile('video_view_count'), values: numbers };
  const y = { name: hostile('video_like_count'), values: others };
  const group = { name: hostile('claim_status'), values: categories };
  switch (req.kind) {
    case 'barCounts':
      return { kind: 'barCounts', ...texts, x: group, hue: { name: hostile('verified'), values: categories.map((c, i) => (i % 2 ? c : hostile('yes'))) } };
    case 'groupedMean':
      return { kind: 'groupedMean', ...texts, by: group, y: x };
    case 'scatter':
      return { kind: 'scatter', ...texts, x, y, hue: group };
    case 'box':
      return { kind: 'box', ...texts, x, by: group };
    case 'heatmap':
      return { kind: 'heatmap', ...texts, matrix: [[1, 0.4], [0.4, 1]], labels: [x.name, y.name] };
    case 'histogram':
      return { kind: 'histogram', ...texts, x, hue: group };
  }
}

const context: DeckContext = {
  record: () => null,
  runTitle: () => null,
  datasetChart: async (_id, req) => ({ ...buildChart(chartOf(req)), note: hostile('note') }),
};

const labels = { title: hostile('Chart title'), xLabel: hostile('x axis'), yLabel: hostile('y axis') };
const CHARTS: ChartRequest[] = [
  { kind: 'barCounts', x: 'status', ...labels },
  { kind: 'groupedMean', by: 'status', y: 'views', ...labels },
  { kind: 'scatter', x: 'views', y: 'likes', hue: 'status', ...labels },
  // PowerPoint has no chart for these: they go in as pictures, through resvg.
  { kind: 'box', x: 'views', by: 'status', ...labels },
  { kind: 'heatmap', columns: ['views', 'likes'], ...labels },
  { kind: 'histogram', x: 'views', hue: 'status' },
];

function hostileReport(): Report {
  const texts = (id: string) => ({ id, title: hostile(`Slide ${id}`), caption: hostile('caption'), notes: hostile('notes'), runIds: [] });
  const slides: Slide[] = [
    { ...texts('title'), body: { kind: 'title', subtitle: hostile('subtitle') } },
    { ...texts('bullets'), body: { kind: 'bullets', bullets: [hostile('bullet'), hostile('another')] } },
    { ...texts('sections'), body: { kind: 'sections', sections: [{ heading: hostile('Results'), bullets: [hostile('found')] }, { heading: hostile('Next'), bullets: [hostile('do')] }, { heading: 'More', bullets: [] }] } },
    {
      ...texts('table'),
      body: { kind: 'table', table: { header: [hostile('feature'), hostile('value')], rows: [[hostile('cell'), hostile('0.5')], [null, hostile('7')]], numeric: [false, true] } },
    },
    ...CHARTS.map((chart, i): Slide => ({ ...texts(`chart${i + 1}`), body: { kind: 'chart', source: { type: 'dataset', id: 1, chart } } })),
  ];
  return reportSchema.parse({ version: REPORT_VERSION, name: hostile('Hostile report'), slides });
}

const CHART_SLIDES = CHARTS.map((_, i) => 5 + i);

describe('hostile text in every place a deck writes text', () => {
  let deck: Deck;
  let images: JSZip;

  beforeAll(async () => {
    // Neither export may fail: before the text was made XML-safe both did, on the pictured charts.
    deck = await openDeck((await deckBytes(context, hostileReport(), 'pptx')).bytes);
    images = await JSZip.loadAsync((await deckBytes(context, hostileReport(), 'images')).bytes);
  });

  it('writes a PPTX whose every part, workbooks and pictures included, is well-formed XML 1.0', async () => {
    expect(deck.slides).toHaveLength(hostileReport().slides.length);
    expect(await zipXmlProblems(deck.zip)).toEqual([]);
  });

  it('draws every chart, natively or as a picture, none as a placeholder', async () => {
    for (const s of CHART_SLIDES) {
      const xml = await deck.text(deck.slides[s - 1]);
      expect(xml, `slide ${s}`).toMatch(/<c:chart |<p:pic>/);
      expect(paragraphs(xml).join('\n'), `slide ${s}`).not.toContain('could not be drawn');
    }
    const pictures = await Promise.all([8, 9, 10].map(async (s) => deck.text(deck.slides[s - 1])));
    for (const p of pictures) expect(p).toContain('<p:pic>');
  });

  it('shows each character XML cannot hold as U+FFFD, one for one, so no digits run together', async () => {
    const slide = paragraphs(await deck.text(deck.slides[1])).join('\n');
    expect(slide).toContain(`Slide bullets Q${FFFD.repeat(8)}`);
    expect(slide).toContain(`1${FFFD}2`);
    expect(slide).toContain('&<b>"\'</b> ]]>');
    const charts = (await Promise.all(deck.names.filter((p) => /^ppt\/charts\/chart\d+\.xml$/.test(p)).map((p) => deck.text(p)))).join('');
    // A category, a series name and an axis title, in the chart's own XML.
    expect(charts).toContain(`<c:v>claim Q${FFFD.repeat(8)}`);
    expect(charts).toContain(`1${FFFD}2</c:v>`);
    expect(charts).not.toMatch(/ 12</);
  });

  it('writes an images export whose every SVG is well-formed and every PNG drawn', async () => {
    const names = Object.keys(images.files).sort();
    expect(names).toHaveLength(2 * hostileReport().slides.length);
    expect(await zipXmlProblems(images)).toEqual([]);
    for (const name of names.filter((x) => x.endsWith('.png'))) {
      const bytes = await images.file(name)!.async('uint8array');
      expect(String.fromCharCode(...bytes.subarray(1, 4)), name).toBe('PNG');
    }
    for (const name of names.filter((x) => x.endsWith('.svg'))) {
      const svg = await images.file(name)!.async('string');
      expect(svg, name).not.toContain('could not be drawn');
      // Every page draws some of the hostile text, replaced where it must be.
      expect(svg, name).toContain(FFFD);
    }
    const heatmap = await images.file(names.find((x) => /^09-.*\.svg$/.test(x))!)!.async('string');
    expect(heatmap).toContain(`video_view_count Q${FFFD}`);
  });
});
