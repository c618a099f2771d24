import PptxGenJS from 'pptxgenjs';
import { cancelledError } from '../../core/api/errors';
import type { EChartsOption } from '../../core/charts/spec';
import { tableCutNote } from '../../core/charts/tableChart';
import { xmlText } from '../../core/charts/xmlText';
import { nativeChart, type NativeAxis, type NativeBarChart, type NativeChart, type NativeLineChart, type NativeScatterChart } from '../../core/report/nativeChart';
import type { ResolvedChart, ResolvedDeck, ResolvedSlide } from '../../core/report/resolvedDeck';
import type { ReportTable } from '../../core/report/schema';
import { pngFromSvg, renderSvg } from '../charts/renderChart';
import { betweenSlides } from './betweenSlides';
import { postProcessPptx, type ChartFinish } from './pptxRepair';
import { undrawableMessage } from './undrawable';

/**
 * The deck as a PowerPoint file (16:9): each slide's title at the top, its
 * caption under it, its body below, its notes as speaker notes. Charts
 * PowerPoint can draw are native charts with their data in an embedded
 * workbook ("Edit data" works); the others are pictures, SVG with a PNG for
 * viewers that lack SVG. Tables are native tables. pptxgenjs writes the
 * file; pptxRepair.ts mends what it gets wrong.
 */

/** LAYOUT_WIDE, in inches. */
const SLIDE = { w: 13.333, h: 7.5 };
const MARGIN = 0.6;
const CONTENT_W = SLIDE.w - 2 * MARGIN;
const BODY_BOTTOM = 6.95;
/** Arial everywhere: PowerPoint has it, and LibreOffice's Liberation Sans has its metrics, so the PDF lays out alike. */
const FONT = 'Arial';
const TEXT = '262626';
const MUTED = '595959';
const ACCENT = '4C72B0';
const RULE = 'BFBFBF';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A scatter plot of 20,000 points is a 4 MB SVG that makes PowerPoint crawl: above this it goes in as PNG alone. */
const MAX_SVG_CHARS = 1_500_000;

/** Charts are drawn for pictures at 96 px an inch, shrunk by this, so their 13 px text reads at about 12 pt on the slide. */
const PICTURE_ZOOM = 1.25;

/** What postProcessPptx needs, collected while the slides are written. */
interface Finishes {
  charts: Map<string, ChartFinish>;
  pictures: Map<string, Uint8Array>;
}

/**
 * The largest font size (from `max` down to `min` points) at which the
 * paragraphs fit the box: Arial's text averages about 0.44 em a
 * character, a line takes 1.17 em, a paragraph `spacing` em more, and a
 * wrapped line wastes half a word.
 */
export function fitFontSize(paragraphs: string[], box: { w: number; h: number }, max: number, min: number, spacing = 0.35): number {
  for (let size = max; size > min; size -= 1) {
    const perLine = Math.max(8, Math.floor((box.w - 0.35) / ((size * 0.44) / 72)) - 4);
    const lines = paragraphs.reduce((n, p) => n + Math.max(1, Math.ceil(p.length / perLine)), 0);
    const height = ((lines * 1.17 + paragraphs.length * spacing) * size) / 72;
    if (height <= box.h - 0.1) return size;
  }
  return min;
}

/** Where a slide's body goes: under its title, and under its caption when it has one. */
export function bodyBox(s: Pick<ResolvedSlide, 'caption'>): Box {
  const top = s.caption.trim() ? 1.8 : 1.25;
  return { x: MARGIN, y: top, w: CONTENT_W, h: BODY_BOTTOM - top };
}

function addHeader(slide: PptxGenJS.Slide, s: ResolvedSlide): void {
  slide.addShape('rect', { x: 0, y: 0, w: SLIDE.w, h: 0.08, fill: { color: ACCENT }, line: { color: ACCENT, width: 0 } });
  slide.addText(s.title || ' ', { x: MARGIN, y: 0.3, w: CONTENT_W, h: 0.8, fontFace: FONT, fontSize: fitFontSize([s.title], { w: CONTENT_W, h: 0.8 }, 28, 18, 0), bold: true, color: TEXT, valign: 'middle', inset: 0.05, fit: 'shrink' });
  if (!s.caption.trim()) return;
  const size = fitFontSize([s.caption], { w: CONTENT_W, h: 0.6 }, 15, 10, 0);
  slide.addText(s.caption, { x: MARGIN, y: 1.1, w: CONTENT_W, h: 0.6, fontFace: FONT, fontSize: size, color: MUTED, valign: 'top', inset: 0.05 });
}

function addTitleSlide(slide: PptxGenJS.Slide, s: ResolvedSlide, subtitle: string): void {
  slide.addShape('rect', { x: 0, y: 0, w: SLIDE.w, h: 0.16, fill: { color: ACCENT }, line: { color: ACCENT, width: 0 } });
  slide.addText(s.title || ' ', { x: MARGIN + 0.4, y: 2.2, w: CONTENT_W - 0.8, h: 1.6, fontFace: FONT, fontSize: fitFontSize([s.title], { w: CONTENT_W - 0.8, h: 1.6 }, 40, 24, 0), bold: true, color: TEXT, valign: 'bottom', inset: 0.05 });
  slide.addShape('rect', { x: MARGIN + 0.45, y: 3.95, w: 1.6, h: 0.05, fill: { color: ACCENT }, line: { color: ACCENT, width: 0 } });
  const lines = [subtitle, s.caption].filter((t) => t.trim());
  if (lines.length) {
    slide.addText(
      lines.map((t, i) => ({ text: t, options: { breakLine: i < lines.length - 1, fontSize: i === 0 ? 18 : 14, color: i === 0 ? MUTED : '7F7F7F' } })),
      { x: MARGIN + 0.4, y: 4.15, w: CONTENT_W - 0.8, h: 1.6, fontFace: FONT, valign: 'top', inset: 0.05, paraSpaceAfter: 6 },
    );
  }
}

function addBullets(slide: PptxGenJS.Slide, bullets: string[], box: Box): void {
  const items = bullets.filter((b) => b.trim());
  if (!items.length) return;
  const size = fitFontSize(items, box, 20, 10);
  slide.addText(
    items.map((b, i) => ({ text: b, options: { bullet: { indent: size * 1.1 }, breakLine: i < items.length - 1, paraSpaceAfter: size * 0.45 } })),
    { ...box, fontFace: FONT, fontSize: size, color: TEXT, valign: 'top', inset: 0.05 },
  );
}

/** Sections split into columns of about equal length, in order: the executive summary's one page. */
export function sectionColumns<T extends { heading: string; bullets: string[] }>(sections: T[]): T[][] {
  if (sections.length <= 2) return [sections];
  const weight = (s: T) => s.heading.length + 40 + s.bullets.reduce((n, b) => n + b.length + 30, 0);
  const total = sections.reduce((n, s) => n + weight(s), 0);
  let acc = 0;
  let cut = 1;
  let best = Infinity;
  for (let i = 0; i < sections.length - 1; i++) {
    acc += weight(sections[i]);
    const gap = Math.abs(total / 2 - acc);
    if (gap < best) [best, cut] = [gap, i + 1];
  }
  return [sections.slice(0, cut), sections.slice(cut)];
}

function addSections(slide: PptxGenJS.Slide, sections: { heading: string; bullets: string[] }[], box: Box): void {
  const columns = sectionColumns(sections.filter((s) => s.heading.trim() || s.bullets.some((b) => b.trim())));
  if (!columns.length || !columns[0].length) return;
  const gap = 0.5;
  const w = (box.w - gap * (columns.length - 1)) / columns.length;
  // One size for every column, so the page reads as one.
  const size = Math.min(...columns.map((c) => fitFontSize(c.flatMap((s) => [s.heading, ...s.bullets.filter((b) => b.trim())]), { w, h: box.h }, 18, 9, 0.5)));
  columns.forEach((col, k) => {
    const runs: PptxGenJS.TextProps[] = [];
    col.forEach((s, i) => {
      const bullets = s.bullets.filter((b) => b.trim());
      runs.push({ text: s.heading || ' ', options: { bold: true, color: ACCENT, fontSize: size + 2, breakLine: true, paraSpaceBefore: i === 0 ? 0 : size * 0.8, paraSpaceAfter: size * 0.3 } });
      bullets.forEach((b) => runs.push({ text: b, options: { bullet: { indent: size * 1.1 }, breakLine: true, paraSpaceAfter: size * 0.3 } }));
    });
    const last = runs.at(-1);
    if (last?.options) last.options.breakLine = false;
    slide.addText(runs, { x: box.x + k * (w + gap), y: box.y, w, h: box.h, fontFace: FONT, fontSize: size, color: TEXT, valign: 'top', inset: 0.05 });
  });
}

function addPlaceholder(slide: PptxGenJS.Slide, message: string, box: Box): void {
  slide.addText(message, {
    ...box,
    shape: 'rect',
    fill: { color: 'F4F6F8' },
    line: { color: '8C8C8C', width: 1, dashType: 'dash' },
    fontFace: FONT,
    fontSize: fitFontSize([message], { w: box.w - 1, h: box.h }, 22, 12),
    color: MUTED,
    align: 'center',
    valign: 'middle',
    inset: 0.4,
  });
}

/** Relative luminance of an RRGGBB colour, for white text on dark cells. */
function luminance(hex: string): number {
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const TABLE_SIZES = [14, 13, 12, 11, 10, 9] as const;
/** Cell margins in inches ([top, right, bottom, left]); always given, so pptxgenjs never writes NaN margins (PR #1457). */
const CELL_MARGIN: [number, number, number, number] = [0.03, 0.08, 0.03, 0.08];

/** Column widths from their longest text (bold headers a little wider), with the cell margins. */
export function naturalWidths(t: ReportTable, size: number): number[] {
  const char = (size * 0.5) / 72;
  return t.header.map((h, c) => Math.max(0.6, Math.max(h.length * char * 1.12, ...t.rows.map((r) => (r[c] ?? '').length * char)) + 0.28));
}

export interface TableLayout {
  size: number;
  rowH: number;
  /** Rows shown; the others are left off with a line saying so. */
  shown: number;
  colW: number[];
}

/**
 * The largest font size at which every row fits the box's height and every
 * cell its column on one line; failing that, the smallest size with the rows
 * that fit and the columns shrunk to the width (long cells wrap).
 */
export function tableLayout(t: ReportTable, box: { w: number; h: number }): TableLayout {
  const rows = t.rows.length;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  for (const size of TABLE_SIZES) {
    const rowH = (size * 2) / 72;
    const colW = naturalWidths(t, size);
    if ((rows + 1) * rowH <= box.h && sum(colW) <= box.w) return { size, rowH, shown: rows, colW };
  }
  const size = TABLE_SIZES.at(-1)!;
  const rowH = (size * 2) / 72;
  const natural = naturalWidths(t, size);
  const colW = sum(natural) <= box.w ? natural : natural.map((w) => (w * box.w) / sum(natural));
  return { size, rowH, shown: Math.min(rows, Math.max(1, Math.floor(box.h / rowH) - 1)), colW };
}

/** Height of the line under a table that says how many rows it shows. */
const TABLE_NOTE_H = 0.35;

/** The table's layout in a slide's body box, room kept for the line that says what was left off. */
export function fitTable(t: ReportTable, box: { w: number; h: number }): TableLayout {
  const layout = tableLayout(t, box);
  return layout.shown < t.rows.length ? tableLayout(t, { w: box.w, h: box.h - TABLE_NOTE_H }) : layout;
}

function addTable(slide: PptxGenJS.Slide, t: ReportTable, box: Box): void {
  const note = TABLE_NOTE_H;
  const { size, rowH, shown, colW } = fitTable(t, box);
  const line = { type: 'solid' as const, pt: 0.75, color: RULE };
  const none = { type: 'none' as const, pt: 0, color: 'FFFFFF' };
  const cell = (text: string, c: number, opts: PptxGenJS.TableCellProps): PptxGenJS.TableCell => ({
    text,
    options: { fontFace: FONT, fontSize: size, color: TEXT, align: t.numeric[c] ? 'right' : 'left', valign: 'middle', margin: CELL_MARGIN, ...opts },
  });
  const header = t.header.map((h, c) =>
    cell(h, c, { bold: true, fill: { color: 'F2F2F2' }, border: [line, none, { type: 'solid', pt: 1.25, color: MUTED }, none] }),
  );
  const body = t.rows.slice(0, shown).map((row, r) =>
    row.map((v, c) => {
      const fill = t.fills?.[r]?.[c]?.slice(1).toUpperCase();
      return cell(v ?? '', c, { border: [none, none, line, none], ...(fill ? { fill: { color: fill }, color: luminance(fill) < 0.22 ? 'FFFFFF' : TEXT } : {}) });
    }),
  );
  const width = colW.reduce((a, b) => a + b, 0);
  slide.addTable([header, ...body], { x: box.x + Math.max(0, (box.w - width) / 2), y: box.y, w: width, colW, rowH, margin: CELL_MARGIN, autoPage: false });
  const left = tableCutNote({ shown, of: t.rows.length });
  if (left) {
    slide.addText(left, { x: box.x, y: box.y + box.h - note, w: box.w, h: note, fontFace: FONT, fontSize: 11, italic: true, color: MUTED, inset: 0.05 });
  }
}

function axisOptions(prefix: 'cat' | 'val', a: NativeAxis | { title: string }): Record<string, unknown> {
  const o: Record<string, unknown> = {
    [`show${prefix === 'cat' ? 'Cat' : 'Val'}AxisTitle`]: a.title !== '',
    [`${prefix}AxisTitle`]: a.title || ' ',
    [`${prefix}AxisTitleFontSize`]: 12,
    [`${prefix}AxisTitleFontFace`]: FONT,
    [`${prefix}AxisTitleColor`]: TEXT,
    [`${prefix}AxisLabelFontSize`]: 11,
    [`${prefix}AxisLabelFontFace`]: FONT,
    [`${prefix}AxisLabelColor`]: '404040',
    [`${prefix}AxisLineShow`]: true,
    [`${prefix}AxisLineColor`]: MUTED,
  };
  if ('format' in a) {
    if (a.min !== undefined) o[`${prefix}AxisMinVal`] = a.min;
    if (a.max !== undefined) o[`${prefix}AxisMaxVal`] = a.max;
    if (a.majorUnit !== undefined) o[`${prefix}AxisMajorUnit`] = a.majorUnit;
  }
  return o;
}

const CHART_BASE = {
  showTitle: false,
  legendPos: 'b' as const,
  legendFontSize: 11,
  legendFontFace: FONT,
  legendColor: TEXT,
  valGridLine: { color: 'E6E6E6', size: 0.75, style: 'solid' as const },
  catGridLine: { style: 'none' as const },
  displayBlanksAs: 'gap',
  dataLabelFontFace: FONT,
  dataLabelFontSize: 10,
  dataLabelColor: TEXT,
};

function valueAxisOptions(a: NativeAxis): Record<string, unknown> {
  return {
    ...axisOptions('val', a),
    valAxisLabelFormatCode: a.format,
    ...(a.log ? { valAxisLogScaleBase: 10 } : {}),
    // pptxgenjs writes this on the category axis: where it crosses the value axis.
    ...(a.crossesAt !== undefined ? { valAxisCrossesAt: a.crossesAt } : {}),
  };
}

function addBarChart(pptx: PptxGenJS, slide: PptxGenJS.Slide, c: NativeBarChart, box: Box, name: string, alt: string, finishes: Finishes): void {
  const data = c.series.map((s) => ({ name: s.name, labels: c.categories, values: s.values as number[] }));
  const single = c.series.length === 1 ? c.series[0].pointColors : undefined;
  slide.addChart(pptx.ChartType.bar, data, {
    ...box,
    ...CHART_BASE,
    objectName: name,
    altText: alt,
    barDir: c.direction === 'horizontal' ? 'bar' : 'col',
    barGrouping: 'clustered',
    barGapWidthPct: c.series.length > 1 ? 80 : 50,
    chartColors: single ?? c.series.map((s) => s.color),
    showLegend: c.legend,
    ...axisOptions('cat', c.categoryAxis),
    // Labels at the axis's low end, clear of bars that grow to the left.
    catAxisLabelPos: 'low',
    ...valueAxisOptions(c.valueAxis),
    showValue: c.labels !== null,
    ...(c.labels !== null ? { dataLabelFormatCode: c.labels, dataLabelPosition: 'outEnd' } : {}),
  } as PptxGenJS.IChartOpts);
  finishes.charts.set(name, { series: null, errorBars: c.errorBars });
}

function addLineChart(pptx: PptxGenJS, slide: PptxGenJS.Slide, c: NativeLineChart, box: Box, name: string, alt: string, finishes: Finishes): void {
  const data = c.series.map((s) => ({ name: s.name, labels: c.categories, values: s.values as number[] }));
  // No data labels: pptxgenjs's `bestFit` position corrupts line charts (#768).
  slide.addChart(pptx.ChartType.line, data, {
    ...box,
    ...CHART_BASE,
    objectName: name,
    altText: alt,
    chartColors: c.series.map((s) => s.color),
    lineSize: 2,
    lineDataSymbol: 'circle',
    lineDataSymbolSize: 7,
    showLegend: c.legend,
    ...axisOptions('cat', c.categoryAxis),
    ...valueAxisOptions(c.valueAxis),
  } as PptxGenJS.IChartOpts);
  finishes.charts.set(name, { series: c.series.map((s) => ({ line: s.dash ? 'dash' : 'solid', width: s.width, marker: s.marker })), errorBars: null });
}

/**
 * An XY chart: pptxgenjs shares one column of x values among the series, so
 * each series' points get rows of their own and are blank in the others'.
 */
export function scatterData(c: NativeScatterChart): { name: string; values: (number | null)[] }[] {
  const xs = c.series.flatMap((s) => s.points.map((p) => p[0]));
  let at = 0;
  const ys = c.series.map((s) => {
    const values: (number | null)[] = xs.map(() => null);
    s.points.forEach((p, i) => (values[at + i] = p[1]));
    at += s.points.length;
    return { name: s.name, values };
  });
  return [{ name: 'X values', values: xs }, ...ys];
}

function addScatterChart(pptx: PptxGenJS, slide: PptxGenJS.Slide, c: NativeScatterChart, box: Box, name: string, alt: string, finishes: Finishes): void {
  slide.addChart(pptx.ChartType.scatter, scatterData(c) as { name: string; values: number[] }[], {
    ...box,
    ...CHART_BASE,
    objectName: name,
    altText: alt,
    chartColors: c.series.map((s) => s.color),
    lineSize: 2,
    lineDataSymbol: 'none',
    showLegend: c.legend,
    catGridLine: { color: 'E6E6E6', size: 0.75, style: 'solid' },
    ...axisOptions('cat', c.xAxis),
    ...valueAxisOptions(c.yAxis),
  } as PptxGenJS.IChartOpts);
  finishes.charts.set(name, { series: c.series.map((s) => ({ line: s.line, width: s.width, marker: s.marker })), errorBars: null });
}

function addNative(pptx: PptxGenJS, slide: PptxGenJS.Slide, c: NativeChart, box: Box, name: string, alt: string, finishes: Finishes): void {
  if (c.type === 'bar') addBarChart(pptx, slide, c, box, name, alt, finishes);
  else if (c.type === 'line') addLineChart(pptx, slide, c, box, name, alt, finishes);
  else addScatterChart(pptx, slide, c, box, name, alt, finishes);
}

/** What the chart shows, for screen readers: its title and note ("ROC curve: rf, test set. Drawn with 1,743 of 5,619 points"). */
export function altTextOf(chart: ResolvedChart): string {
  const t = chart.option.title;
  const title = t && !Array.isArray(t) && typeof t.text === 'string' ? t.text : '';
  return xmlText([title, chart.note ?? ''].filter((x) => x.trim()).join('. ')) || `A ${chart.kind} chart`;
}

/** The chart without its title: the slide's title says it, and the picture keeps its note. */
function untitled(option: EChartsOption): EChartsOption {
  const t = option.title;
  if (!t || Array.isArray(t)) return option;
  return { ...option, title: { ...t, text: '' } };
}

/** The picture's size in CSS pixels: the box at 96 dpi over the zoom; heatmaps (a colour scale) nearer square. */
function pictureSize(option: EChartsOption, box: Box): { width: number; height: number; w: number; h: number } {
  let w = box.w;
  const h = box.h;
  if (option.visualMap) w = Math.min(w, h * 1.6);
  return { width: Math.round((w * 96) / PICTURE_ZOOM), height: Math.round((h * 96) / PICTURE_ZOOM), w, h };
}

/** Drawn before anything of it is put on the slide: drawing is what can fail. */
function addPicture(slide: PptxGenJS.Slide, chart: ResolvedChart, box: Box, name: string, finishes: Finishes): void {
  const option = untitled(chart.option);
  const size = pictureSize(option, box);
  const svg = renderSvg(option, { width: size.width, height: size.height });
  const png = pngFromSvg(svg, { width: size.width, height: size.height, scale: 3 });
  const at = { x: box.x + (box.w - size.w) / 2, y: box.y, w: size.w, h: size.h };
  const altText = altTextOf(chart);
  if (svg.length > MAX_SVG_CHARS) {
    slide.addImage({ data: `data:image/png;base64,${png.toString('base64')}`, ...at, objectName: name, altText });
    return;
  }
  // pptxgenjs writes an SVG with a PNG for older viewers, but under Node that PNG is a "broken image" icon: ours replaces it.
  slide.addImage({ data: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`, ...at, objectName: name, altText });
  finishes.pictures.set(name, new Uint8Array(png));
}

function addChartBody(pptx: PptxGenJS, slide: PptxGenJS.Slide, chart: ResolvedChart, box: Box, n: number, finishes: Finishes): void {
  const native = nativeChart(chart.option);
  if (!native) return addPicture(slide, chart, box, `Assay picture ${n}`, finishes);
  const noteH = chart.note ? 0.35 : 0;
  addNative(pptx, slide, native, { ...box, h: box.h - noteH }, `Assay chart ${n}`, altTextOf(chart), finishes);
  if (chart.note) {
    slide.addText(chart.note, { x: box.x, y: box.y + box.h - noteH, w: box.w, h: noteH, fontFace: FONT, fontSize: 11, italic: true, color: MUTED, inset: 0.05 });
  }
}

/** The placeholder's box within a slide's body box. */
const placeholderBox = (box: Box): Box => ({ x: box.x + 1, y: box.y + 0.4, w: box.w - 2, h: Math.min(3, box.h - 0.8) });

/** The chart, or a placeholder saying why it could not be drawn: one chart does not sink the deck. */
function addChart(pptx: PptxGenJS, slide: PptxGenJS.Slide, chart: ResolvedChart, box: Box, n: number, finishes: Finishes): void {
  try {
    addChartBody(pptx, slide, chart, box, n, finishes);
  } catch (e) {
    addPlaceholder(slide, undrawableMessage('chart', e), placeholderBox(box));
  }
}

function addSlide(pptx: PptxGenJS, s: ResolvedSlide, finishes: Finishes): void {
  const slide = pptx.addSlide();
  slide.background = { color: 'FFFFFF' };
  if (s.notes.trim()) slide.addNotes(s.notes);
  if (s.body.kind === 'title') return addTitleSlide(slide, s, s.body.subtitle);
  addHeader(slide, s);
  const box = bodyBox(s);
  slide.addText(String(s.number), { x: SLIDE.w - MARGIN - 1, y: 7.0, w: 1, h: 0.35, fontFace: FONT, fontSize: 10, color: '8C8C8C', align: 'right', inset: 0 });
  switch (s.body.kind) {
    case 'bullets':
      return addBullets(slide, s.body.bullets, box);
    case 'sections':
      return addSections(slide, s.body.sections, box);
    case 'table':
      return addTable(slide, s.body.table, box);
    case 'chart':
      return addChart(pptx, slide, s.body.chart, box, s.number, finishes);
    case 'placeholder':
      return addPlaceholder(slide, s.body.message, placeholderBox(box));
  }
}

/** The deck as .pptx bytes. */
export async function pptxDeck(deck: ResolvedDeck, signal?: AbortSignal): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.author = 'Assay';
  pptx.company = 'Assay';
  pptx.title = deck.name;
  pptx.subject = 'Report';
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  const finishes: Finishes = { charts: new Map(), pictures: new Map() };
  for (const s of deck.slides) {
    await betweenSlides(signal);
    addSlide(pptx, s, finishes);
  }
  const written = (await pptx.write({ outputType: 'uint8array', compression: true })) as Uint8Array;
  if (signal?.aborted) throw cancelledError('The export');
  return postProcessPptx(written, finishes);
}
