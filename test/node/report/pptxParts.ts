import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';

/** Reading a .pptx in tests: its parts, slide texts, tables and chart axes. Independent of the code under test. */

export interface Deck {
  zip: JSZip;
  names: string[];
  /** ppt/slides/slideN.xml in slide order. */
  slides: string[];
  text(path: string): Promise<string>;
}

const number = (p: string) => Number(/(\d+)\.xml$/.exec(p)![1]);

export async function openDeck(bytes: Uint8Array): Promise<Deck> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const slides = names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).sort((a, b) => number(a) - number(b));
  return { zip, names, slides, text: (p) => zip.file(p)!.async('string') };
}

/** Every `<c:axId>` a chart group or `<c:crossAx>` names that no axis of the same plot area defines. */
export function undefinedAxisIds(chartXml: string): string[] {
  const missing: string[] = [];
  for (const [plot] of chartXml.matchAll(/<c:plotArea>[\s\S]*?<\/c:plotArea>/g)) {
    const defined = new Set<string>();
    for (const axis of plot.matchAll(/<c:(?:catAx|valAx|dateAx|serAx)>\s*<c:axId val="([^"]+)"/g)) defined.add(axis[1]);
    for (const group of plot.matchAll(/<c:(\w+Chart)>([\s\S]*?)<\/c:\1>/g)) {
      for (const id of group[2].matchAll(/<c:axId val="([^"]+)"/g)) if (!defined.has(id[1])) missing.push(id[1]);
    }
    for (const id of plot.matchAll(/<c:crossAx val="([^"]+)"/g)) if (!defined.has(id[1])) missing.push(id[1]);
  }
  return missing;
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The text of each paragraph of an XML part. */
export function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((p) => unescape([...p[1].matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join(''))).filter((t) => t !== '');
}

export interface Cell {
  text: string;
  fill: string | null;
  align: string | null;
}

/** The cells of the first table of a slide, row by row. */
export function tableCells(slideXml: string): Cell[][] {
  const table = /<a:tbl>([\s\S]*?)<\/a:tbl>/.exec(slideXml);
  if (!table) return [];
  return [...table[1].matchAll(/<a:tr\b[^>]*>([\s\S]*?)<\/a:tr>/g)].map((row) =>
    [...row[1].matchAll(/<a:tc\b[^>]*>([\s\S]*?)<\/a:tc>/g)].map((c) => {
      const props = /<a:tcPr\b[^>]*>([\s\S]*?)<\/a:tcPr>/.exec(c[1])?.[1] ?? '';
      // The cell's own fill, once its borders' colours are set aside.
      const fill = /<a:solidFill>\s*<a:srgbClr val="([0-9A-Fa-f]{6})"/.exec(props.replace(/<a:ln[LRTB]\b[\s\S]*?<\/a:ln[LRTB]>/g, ''))?.[1] ?? null;
      return { text: paragraphs(c[1]).join('\n'), fill: fill ? fill.toUpperCase() : null, align: /<a:pPr\b[^>]*\balgn="(\w+)"/.exec(c[1])?.[1] ?? null };
    }),
  );
}

/** A part's relationships: id → target resolved against the part's folder. */
export async function relationships(deck: Deck, part: string): Promise<Map<string, string>> {
  const dir = part.slice(0, part.lastIndexOf('/'));
  const file = deck.zip.file(`${dir}/_rels/${part.slice(dir.length + 1)}.rels`);
  const out = new Map<string, string>();
  if (!file) return out;
  for (const m of (await file.async('string')).matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[1])![1];
    const target = /\bTarget="([^"]+)"/.exec(m[1])![1];
    const resolved: string[] = [];
    for (const p of (target.startsWith('/') ? target.slice(1) : `${dir}/${target}`).split('/')) {
      if (p === '..') resolved.pop();
      else if (p && p !== '.') resolved.push(p);
    }
    out.set(id, resolved.join('/'));
  }
  return out;
}

/** Every XML part of the deck, and of the workbooks inside it, as text. */
export async function allXml(deck: Deck): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const n of deck.names) {
    if (/\.(xml|rels)$/.test(n)) out.set(n, await deck.text(n));
    if (n.endsWith('.xlsx')) {
      const book = await JSZip.loadAsync(await deck.zip.file(n)!.async('uint8array'));
      for (const b of Object.keys(book.files).filter((f) => /\.(xml|rels)$/.test(f))) out.set(`${n}!${b}`, await book.file(b)!.async('string'));
    }
  }
  return out;
}

/** ECMA-376's order of a series' children, by chart type (CT_BarSer, CT_LineSer, CT_ScatterSer). */
const SCHEMA: Record<string, string[]> = {
  barChart: ['idx', 'order', 'tx', 'spPr', 'invertIfNegative', 'pictureOptions', 'dPt', 'dLbls', 'trendline', 'errBars', 'cat', 'val', 'shape', 'extLst'],
  lineChart: ['idx', 'order', 'tx', 'spPr', 'marker', 'dPt', 'dLbls', 'trendline', 'errBars', 'cat', 'val', 'smooth', 'extLst'],
  scatterChart: ['idx', 'order', 'tx', 'spPr', 'marker', 'dPt', 'dLbls', 'trendline', 'errBars', 'xVal', 'yVal', 'smooth', 'extLst'],
};

/** Where a chart's series break the schema: a child its type cannot have, or one out of order ("lineChart: marker after dLbls"). */
export function seriesOrderProblems(chartXml: string): string[] {
  const problems: string[] = [];
  for (const group of chartXml.matchAll(/<c:(barChart|lineChart|scatterChart)>([\s\S]*?)<\/c:\1>/g)) {
    const order = SCHEMA[group[1]];
    if (group[1] === 'lineChart' && !/^\s*<c:grouping /.test(group[2])) problems.push('lineChart: no grouping');
    for (const ser of group[2].matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)) {
      // The series' own children: names of c: elements at depth 0.
      const names: string[] = [];
      let depth = 0;
      for (const tag of ser[1].matchAll(/<(\/?)c:(\w+)\b[^>]*?(\/?)>/g)) {
        if (tag[1]) depth--;
        else {
          if (depth === 0) names.push(tag[2]);
          if (!tag[3]) depth++;
        }
      }
      let last = -1;
      for (const n of names) {
        const at = order.indexOf(n);
        if (at < 0) problems.push(`${group[1]}: ${n} is not a child of a series`);
        else if (at < last) problems.push(`${group[1]}: ${n} after ${order[last]}`);
        else last = at;
      }
    }
  }
  return [...new Set(problems)];
}

/** XML 1.0's Char production: a document may hold these, raw or as `&#…;` references, and nothing else. */
function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** C1 controls are legal XML but no text: the export replaces them, so none may be left. */
const isC1 = (cp: number) => cp >= 0x7f && cp <= 0x9f;

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

function lineColumn(text: string, at: number): string {
  const before = text.slice(0, at).split('\n');
  return `line ${before.length}, column ${before.at(-1)!.length + 1}`;
}

/**
 * Why a text is not a well-formed XML 1.0 document, empty when it is:
 * fast-xml-parser's verdict (which does not look at characters), then every
 * character XML forbids (control characters, unpaired surrogates, U+FFFE/F)
 * written raw or as a character reference, and C1 controls.
 */
export function xmlProblems(text: string): string[] {
  const problems: string[] = [];
  const verdict = XMLValidator.validate(text);
  if (verdict !== true) problems.push(`${verdict.err.msg} (line ${verdict.err.line}, column ${verdict.err.col})`);
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (!isXmlChar(cp)) problems.push(`${hex(cp)} at ${lineColumn(text, i)}`);
    else if (isC1(cp)) problems.push(`C1 control ${hex(cp)} at ${lineColumn(text, i)}`);
  }
  for (const ref of text.matchAll(/&#(x[0-9a-fA-F]+|[0-9]+);/g)) {
    const cp = ref[1].startsWith('x') ? parseInt(ref[1].slice(1), 16) : Number(ref[1]);
    if (!isXmlChar(cp) || isC1(cp)) problems.push(`${ref[0]} (${hex(cp)}) at ${lineColumn(text, ref.index!)}`);
  }
  return problems;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The problems of one stored XML or SVG file: bytes that are not UTF-8, then xmlProblems. */
export function xmlFileProblems(bytes: Uint8Array): string[] {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return ['not UTF-8'];
  }
  return xmlProblems(text);
}

/** Every *.xml, *.rels and *.svg part of a zip (a deck, and the workbooks inside it, or an images export) that is not well-formed, with why. */
export async function zipXmlProblems(zip: JSZip, prefix = ''): Promise<string[]> {
  const problems: string[] = [];
  let checked = 0;
  for (const name of Object.keys(zip.files).filter((n) => !zip.files[n].dir)) {
    if (/\.(xml|rels|svg)$/.test(name)) {
      checked++;
      for (const p of xmlFileProblems(await zip.file(name)!.async('uint8array'))) problems.push(`${prefix}${name}: ${p}`);
    }
    if (name.endsWith('.xlsx')) problems.push(...(await zipXmlProblems(await JSZip.loadAsync(await zip.file(name)!.async('uint8array')), `${prefix}${name}!`)));
  }
  if (checked === 0) problems.push(`${prefix || 'the zip'}: no XML part at all`);
  return problems;
}

/** A word no slide should show: a JavaScript value printed as text, or a number that is not one. */
const JUNK = /\b(?:null|undefined|NaN|Infinity)\b|\[object \w+\]/;

/**
 * What the analyst would read as junk in a finished deck — "null",
 * "undefined", "NaN", "Infinity", "[object Object]" — in the text of every
 * slide, every speaker-notes part and every chart (its titles, labels and
 * cached values), as "ppt/notesSlides/notesSlide3.xml: …stopWords null…".
 * Empty when there is none.
 */
export async function deckJunk(bytes: Uint8Array): Promise<string[]> {
  const deck = await openDeck(bytes);
  const out: string[] = [];
  for (const name of deck.names.filter((n) => /^ppt\/(slides\/slide|notesSlides\/notesSlide|charts\/chart)\d+\.xml$/.test(n))) {
    const xml = await deck.text(name);
    for (const m of xml.matchAll(/<(a:t|c:v)>([^<]*)<\/\1>/g)) {
      const text = unescape(m[2]);
      const at = JUNK.exec(text);
      if (at) out.push(`${name}: …${text.slice(Math.max(0, at.index - 40), at.index + 40)}…`);
    }
  }
  return out;
}
