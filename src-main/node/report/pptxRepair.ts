import JSZip from 'jszip';
import type { NativeErrorBars } from '../../core/report/nativeChart';

/**
 * Post-processing of the zip pptxgenjs writes: repairs of its known faults,
 * and the few things its options cannot say.
 *
 * Faults repaired (each checked by test/node/report/pptxRepair.test.ts):
 * - 2D bar and line charts name a third `<c:axId>` (a series axis only 3D
 *   charts define), which makes PowerPoint offer to repair the file
 *   (pptxgenjs #1534): every axis id a chart group names must be defined by
 *   an axis of its plot area, so undefined ones are dropped.
 * - Missing values are written as empty `<c:v></c:v>` points in the chart's
 *   cache and empty `<v></v>` cells in its workbook, and the workbook of a
 *   bar or line chart loses its zeros (`value || ''`): empty points are
 *   dropped (a missing point is one that is not there), and each empty
 *   workbook cell gets the number its chart shows, or is left blank.
 *
 * - Series children out of the schema's order, and elements a series of
 *   its type cannot have (see SERIES_CHILDREN); a line chart without the
 *   grouping the schema requires.
 *
 * Additions: per-series line dashes, widths and markers (pptxgenjs has one
 * setting for all series), whiskers on bars (it writes no error bars), and
 * the PNG shown where an SVG cannot be (under Node it writes a "broken
 * image" picture beside every SVG).
 *
 * Faults avoided rather than repaired (pptxDeck.ts): NaN cell margins (PR
 * #1457: margins are always given), bar charts combined with scatter charts
 * (#1355: never combined), `bestFit` data labels on line charts (#768:
 * never asked for).
 */

export interface SeriesFinish {
  line: 'solid' | 'dash' | 'none';
  /** Points. */
  width: number;
  marker: boolean;
}

/** What a native chart needs beyond pptxgenjs's options, found by the chart's object name. */
export interface ChartFinish {
  series: SeriesFinish[] | null;
  errorBars: NativeErrorBars | null;
}

export interface PostProcess {
  /** By object name (`addChart({ objectName })`). */
  charts?: Map<string, ChartFinish>;
  /** The PNG to show instead of pptxgenjs's placeholder beside an SVG picture, by object name (`addImage({ objectName })`). */
  pictures?: Map<string, Uint8Array>;
}

const AXES = /<c:(catAx|valAx|dateAx|serAx)>([\s\S]*?)<\/c:\1>/g;
const CHART_GROUP = /<c:(\w+Chart)>([\s\S]*?)<\/c:\1>/g;

/** The axis ids a plot area's axes define. */
export function definedAxisIds(plotArea: string): Set<string> {
  const ids = new Set<string>();
  for (const m of plotArea.matchAll(AXES)) {
    const id = /<c:axId val="([^"]*)"\s*\/>/.exec(m[2]);
    if (id) ids.add(id[1]);
  }
  return ids;
}

/** Each chart group keeps only the `<c:axId>`s an axis of its plot area defines (#1534). */
export function dropUndefinedAxisIds(chartXml: string): string {
  return chartXml.replace(/<c:plotArea>[\s\S]*?<\/c:plotArea>/g, (plot) => {
    const defined = definedAxisIds(plot);
    return plot.replace(CHART_GROUP, (group) => group.replace(/<c:axId val="([^"]*)"\s*\/>/g, (tag, id: string) => (defined.has(id) ? tag : '')));
  });
}

/** A missing value is a point that is not there, not an empty one. */
export function dropEmptyPoints(chartXml: string): string {
  return chartXml.replace(/<c:pt idx="\d+">\s*<c:v>\s*<\/c:v>\s*<\/c:pt>/g, '');
}

/**
 * The children a series may have, in the order the schema (ECMA-376
 * CT_BarSer, CT_LineSer, CT_ScatterSer) requires. pptxgenjs writes a bar's
 * per-point colours (`<c:dPt>`) after its labels, a line's marker after its
 * labels, and gives lines and points `<c:invertIfNegative>`, which only bars
 * have; a single bar series with its own colours per bar is one of the
 * charts PowerPoint refuses (#1357).
 */
export const SERIES_CHILDREN: Record<string, string[]> = {
  barChart: ['idx', 'order', 'tx', 'spPr', 'invertIfNegative', 'pictureOptions', 'dPt', 'dLbls', 'trendline', 'errBars', 'cat', 'val', 'shape', 'extLst'],
  lineChart: ['idx', 'order', 'tx', 'spPr', 'marker', 'dPt', 'dLbls', 'trendline', 'errBars', 'cat', 'val', 'smooth', 'extLst'],
  scatterChart: ['idx', 'order', 'tx', 'spPr', 'marker', 'dPt', 'dLbls', 'trendline', 'errBars', 'xVal', 'yVal', 'smooth', 'extLst'],
};

/** The top-level `c:` elements of a fragment, whole, in order. */
export function childElements(inner: string): { name: string; xml: string }[] {
  const out: { name: string; xml: string }[] = [];
  let at = 0;
  for (;;) {
    const lt = inner.indexOf('<', at);
    if (lt < 0) return out;
    const open = /^<c:(\w+)\b[^>]*?(\/?)>/.exec(inner.slice(lt));
    if (!open) throw new Error(`Unexpected markup in a chart series: ${inner.slice(lt, lt + 40)}`);
    const name = open[1];
    let end = lt + open[0].length;
    if (open[2] !== '/') {
      const tags = new RegExp(`<(/?)c:${name}\\b[^>]*?(/?)>`, 'g');
      tags.lastIndex = end;
      let depth = 1;
      for (let t = tags.exec(inner); t && depth > 0; t = depth > 0 ? tags.exec(inner) : null) {
        if (t[1]) depth--;
        else if (!t[2]) depth++;
        end = tags.lastIndex;
      }
    }
    out.push({ name, xml: inner.slice(lt, end) });
    at = end;
  }
}

/** Every series' children in schema order, those its type does not have dropped; a line chart gets the grouping it must name. */
export function orderSeries(chartXml: string): string {
  return chartXml.replace(/<c:(barChart|lineChart|scatterChart)>([\s\S]*?)<\/c:\1>/g, (_all, type: string, body: string) => {
    const allowed = SERIES_CHILDREN[type];
    let out = body.replace(/<c:ser>([\s\S]*?)<\/c:ser>/g, (_ser, inner: string) => {
      const kids = childElements(inner).filter((k) => allowed.includes(k.name));
      // Array.prototype.sort is stable: the points keep their order.
      kids.sort((a, b) => allowed.indexOf(a.name) - allowed.indexOf(b.name));
      return `<c:ser>${kids.map((k) => k.xml).join('')}</c:ser>`;
    });
    if (type === 'lineChart' && !/^\s*<c:grouping\b/.test(out)) out = `<c:grouping val="standard"/>${out}`;
    return `<c:${type}>${out}</c:${type}>`;
  });
}

export function repairChartXml(chartXml: string): string {
  return orderSeries(dropEmptyPoints(dropUndefinedAxisIds(chartXml)));
}

/** "B" → 2. */
function columnNumber(letters: string): number {
  return [...letters].reduce((n, c) => n * 26 + (c.charCodeAt(0) - 64), 0);
}

function columnLetters(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The workbook cells a chart's number caches show: `{ B5: '0' }` for a point idx 3 of `Sheet1!$B$2:$B$9`. */
export function cachedCells(chartXml: string): Map<string, string> {
  const cells = new Map<string, string>();
  for (const m of chartXml.matchAll(/<c:numRef>\s*<c:f>([^<]*)<\/c:f>\s*<c:numCache>([\s\S]*?)<\/c:numCache>/g)) {
    const ref = /!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(m[1].trim());
    if (!ref) continue;
    const col = columnNumber(ref[1]);
    const row = Number(ref[2]);
    const down = !ref[3] || ref[3] === ref[1];
    for (const p of m[2].matchAll(/<c:pt idx="(\d+)">\s*<c:v>([^<]+)<\/c:v>\s*<\/c:pt>/g)) {
      const i = Number(p[1]);
      const at = down ? `${ref[1]}${row + i}` : `${columnLetters(col + i)}${row}`;
      cells.set(at, p[2].trim());
    }
  }
  return cells;
}

/** Empty numeric cells get the number the chart shows there (zeros pptxgenjs dropped), or are left blank. */
export function fillWorkbookSheet(sheetXml: string, chartXml: string): string {
  const cells = cachedCells(chartXml);
  return sheetXml.replace(/<c r="([A-Z]+\d+)"((?:\s+s="\d+")?)>\s*<v>\s*<\/v>\s*<\/c>/g, (_all, ref: string, style: string) => {
    const v = cells.get(ref);
    return v === undefined ? `<c r="${ref}"${style}/>` : `<c r="${ref}"${style}><v>${v}</v></c>`;
  });
}

function numLit(values: (number | null)[]): string {
  const pts = values.map((v, i) => (v === null || !Number.isFinite(v) ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join('');
  return `<c:numLit><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numLit>`;
}

/** Whiskers as PowerPoint writes custom error bars, dark grey like the app's. */
export function errorBarsXml(e: NativeErrorBars): string {
  return (
    '<c:errBars><c:errBarType val="both"/><c:errValType val="cust"/><c:noEndCap val="0"/>' +
    `<c:plus>${numLit(e.plus)}</c:plus><c:minus>${numLit(e.minus)}</c:minus>` +
    '<c:spPr><a:ln w="15875"><a:solidFill><a:srgbClr val="262626"/></a:solidFill></a:ln></c:spPr></c:errBars>'
  );
}

/** The series' own line: dashed, thinner, or none (points only); its markers on or off. */
function finishSeries(ser: string, f: SeriesFinish): string {
  let out = ser.replace(/(<c:ser>[\s\S]*?<c:spPr>[\s\S]*?)(<a:ln\b[^>]*>[\s\S]*?<\/a:ln>|<a:ln\s*\/>)/, (_all, head: string, ln: string) => {
    if (f.line === 'none') return `${head}<a:ln><a:noFill/></a:ln>`;
    const width = Math.round(f.width * 12700);
    const dashed = ln.replace(/<a:prstDash val="[^"]*"\s*\/>/, `<a:prstDash val="${f.line === 'dash' ? 'dash' : 'solid'}"/>`);
    return head + dashed.replace(/^<a:ln\b[^>]*>/, (open) => (/\bw="/.test(open) ? open.replace(/\bw="[^"]*"/, `w="${width}"`) : open.replace('<a:ln', `<a:ln w="${width}"`)));
  });
  out = out.replace(/<c:marker>\s*<c:symbol val="[^"]*"\s*\/>(\s*<c:size val="\d+"\s*\/>)?/, f.marker ? '<c:marker><c:symbol val="circle"/><c:size val="7"/>' : '<c:marker><c:symbol val="none"/>');
  return out;
}

/** Applies per-series looks and error bars to a chart pptxgenjs wrote. */
export function finishChartXml(chartXml: string, finish: ChartFinish): string {
  let i = 0;
  return chartXml.replace(/<c:ser>[\s\S]*?<\/c:ser>/g, (ser) => {
    const k = i++;
    let out = ser;
    const look = finish.series?.[k];
    if (look) out = finishSeries(out, look);
    if (finish.errorBars && finish.errorBars.series === k && !out.includes('<c:errBars>')) {
      // CT_BarSer: … dLbls, trendline, errBars, cat, val …
      out = out.replace(/<c:cat>/, `${errorBarsXml(finish.errorBars)}<c:cat>`);
    }
    return out;
  });
}

/** `Target`s of a part's relationships by id, resolved against the part's folder ("../charts/chart3.xml" → "ppt/charts/chart3.xml"). */
async function relationships(zip: JSZip, part: string): Promise<Map<string, string>> {
  const slash = part.lastIndexOf('/');
  const dir = part.slice(0, slash);
  const rels = zip.file(`${dir}/_rels/${part.slice(slash + 1)}.rels`);
  const out = new Map<string, string>();
  if (!rels) return out;
  for (const m of (await rels.async('string')).matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[1])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[1])?.[1];
    if (!id || !target) continue;
    const parts = target.startsWith('/') ? target.slice(1).split('/') : [...dir.split('/'), ...target.split('/')];
    const resolved: string[] = [];
    for (const p of parts) {
      if (p === '..') resolved.pop();
      else if (p !== '.' && p !== '') resolved.push(p);
    }
    out.set(id, resolved.join('/'));
  }
  return out;
}

const bySlideNumber = (a: string, b: string) => Number(/(\d+)\.xml$/.exec(a)?.[1]) - Number(/(\d+)\.xml$/.exec(b)?.[1]);

/** The deck's slide parts in order. */
export function slideParts(zip: JSZip): string[] {
  return Object.keys(zip.files)
    .filter((p) => /^ppt\/slides\/slide\d+\.xml$/.test(p))
    .sort(bySlideNumber);
}

/** Object name → the part its chart or picture's `r:embed`/`r:id` points at. */
async function namedTargets(zip: JSZip): Promise<{ charts: Map<string, string>; pictures: Map<string, string> }> {
  const charts = new Map<string, string>();
  const pictures = new Map<string, string>();
  for (const part of slideParts(zip)) {
    const xml = await zip.file(part)!.async('string');
    const rels = await relationships(zip, part);
    for (const m of xml.matchAll(/<p:graphicFrame>([\s\S]*?)<\/p:graphicFrame>/g)) {
      const name = /<p:cNvPr\b[^>]*\bname="([^"]*)"/.exec(m[1])?.[1];
      const rid = /<c:chart\b[^>]*\br:id="([^"]*)"/.exec(m[1])?.[1];
      const target = rid ? rels.get(rid) : undefined;
      if (name && target) charts.set(name, target);
    }
    for (const m of xml.matchAll(/<p:pic>([\s\S]*?)<\/p:pic>/g)) {
      const name = /<p:cNvPr\b[^>]*\bname="([^"]*)"/.exec(m[1])?.[1];
      // The picture shown where SVG is not understood: the blip that carries the svgBlip extension.
      const blip = /<a:blip\b[^>]*\br:embed="([^"]*)"[^>]*>[\s\S]*?<asvg:svgBlip\b/.exec(m[1]);
      const target = blip ? rels.get(blip[1]) : undefined;
      if (name && target) pictures.set(name, target);
    }
  }
  return { charts, pictures };
}

async function repairWorkbook(zip: JSZip, chartPart: string, chartXml: string): Promise<void> {
  for (const target of (await relationships(zip, chartPart)).values()) {
    if (!/\.xlsx$/.test(target)) continue;
    const file = zip.file(target);
    if (!file) continue;
    const book = await JSZip.loadAsync(await file.async('uint8array'));
    const sheet = book.file('xl/worksheets/sheet1.xml');
    if (!sheet) continue;
    const before = await sheet.async('string');
    const after = fillWorkbookSheet(before, chartXml);
    if (after === before) continue;
    book.file('xl/worksheets/sheet1.xml', after);
    zip.file(target, await book.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
  }
}

/** The deck with pptxgenjs's faults repaired and the finishes applied. */
export async function postProcessPptx(bytes: Uint8Array, extra: PostProcess = {}): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const named = await namedTargets(zip);
  const finishes = new Map<string, ChartFinish>();
  for (const [name, finish] of extra.charts ?? []) {
    const part = named.charts.get(name);
    if (part) finishes.set(part, finish);
  }
  for (const part of Object.keys(zip.files).filter((p) => /^ppt\/charts\/chart\d+\.xml$/.test(p))) {
    // The workbook is filled from the chart's caches before their empty points go.
    const written = await zip.file(part)!.async('string');
    await repairWorkbook(zip, part, written);
    const finish = finishes.get(part);
    zip.file(part, repairChartXml(finish ? finishChartXml(written, finish) : written));
  }
  for (const [name, png] of extra.pictures ?? []) {
    const part = named.pictures.get(name);
    if (part) zip.file(part, png);
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' });
}
