import JSZip from 'jszip';
import { ApiError } from '../../core/api/errors';
import { CHART_FONT_FAMILY, PALETTE, TEXT_COLOR, type EChartsOption } from '../../core/charts/spec';
import { tableChart } from '../../core/charts/tableChart';
import { clipText } from '../../core/charts/xmlText';
import type { ResolvedDeck, ResolvedSlide } from '../../core/report/resolvedDeck';
import { pngFromSvg, renderSvg, slug } from '../charts/renderChart';
import { betweenSlides } from './betweenSlides';
import { bodyBox, fitTable, sectionColumns } from './pptxDeck';
import { wrapLines } from './textLines';
import { undrawableMessage } from './undrawable';

/**
 * The deck as a folder of pictures, each named by its slide ("03-roc-curve-rf-test-set.png"
 * and ".svg"): charts as the app draws them, tables as its table pictures,
 * and the text slides (title, bullets, summary, placeholders) drawn plainly
 * on a 16:9 page, so every slide has its file.
 *
 * The SVGs name Lato first but do not carry it, unlike a single chart's SVG
 * export: the fonts are 1.8 MB a file, which would make a 13-slide zip
 * 10 MB and take seconds to compress. The PNGs are drawn with Lato.
 */

interface Picture {
  option: EChartsOption;
  width: number;
  height: number;
}

const PAGE = { width: 1280, height: 720 };
/** A table picture is at most two pages wide: the columns past it are left off and counted, as its rows are. */
const TABLE_WIDTH = 2 * PAGE.width;
const MUTED = '#595959';

/** "07" for slide 7 of 12, "007" of 120: names sort in slide order. */
export function slideFileName(number: number, count: number, title: string, ext: 'png' | 'svg'): string {
  const digits = Math.max(2, String(count).length);
  return `${String(number).padStart(digits, '0')}-${slug(title || 'slide')}.${ext}`;
}

interface Paragraph {
  text: string;
  /** Relative to the body size. */
  scale: number;
  bold?: boolean;
  color?: string;
  /** Space above, in lines of the body size. */
  before: number;
}

const MARGIN = 56;
const LINE = 1.35;

/** A paragraph's font size and line height in whole pixels, as drawn. */
const fontPx = (p: Paragraph, size: number) => Math.round(size * p.scale);
const lineHeight = (px: number) => Math.round(px * LINE);

/** A paragraph's lines in a column `width` px wide at body size `size`. */
const linesOf = (p: Paragraph, size: number, width: number) => wrapLines(p.text, fontPx(p, size), width);

/** How tall the paragraphs stand at body size `size` in a column `width` px wide: the lines drawn, no more. */
function stackHeight(ps: Paragraph[], size: number, width: number): number {
  return ps.reduce((h, p) => h + p.before * size * LINE + linesOf(p, size, width).length * lineHeight(fontPx(p, size)), 0);
}

/**
 * The paragraphs as text elements, one under the other, each already
 * broken into the lines of its column (so ECharts draws them as counted).
 * Lines that would fall below the page are not drawn: they would not show,
 * and a slide of the schema's longest texts (72,000 characters of summary)
 * took the host 14 s to draw whole.
 */
function stack(ps: Paragraph[], size: number, x: number, y: number, width: number): unknown[] {
  const out: unknown[] = [];
  for (const p of ps) {
    y += p.before * size * LINE;
    if (y >= PAGE.height) break;
    const px = fontPx(p, size);
    const lh = lineHeight(px);
    const lines = linesOf(p, size, width);
    const room = Math.max(1, Math.ceil((PAGE.height - y) / lh));
    out.push({
      type: 'text',
      left: x,
      top: Math.round(y),
      style: { text: lines.slice(0, room).join('\n'), fontFamily: CHART_FONT_FAMILY, fontSize: px, lineHeight: lh, fontWeight: p.bold ? 'bold' : 'normal', fill: p.color ?? TEXT_COLOR },
    });
    y += lines.length * lh;
  }
  return out;
}

/** The largest body size, from `max` down to 11 px, at which every column fits the height. */
function fittedSize(columns: Paragraph[][], width: number, height: number, max: number): number {
  for (let size = max; size > 11; size--) if (columns.every((c) => stackHeight(c, size, width) <= height)) return size;
  return 11;
}

const page = (elements: unknown[]): Picture => ({ option: { animation: false, backgroundColor: '#ffffff', graphic: elements as EChartsOption['graphic'] }, ...PAGE });

/** A text slide as a picture: the accent bar, the title and caption, its bullets or summary sections (in two columns, as on the slide). */
export function textSlidePicture(slide: ResolvedSlide): Picture {
  const b = slide.body;
  const bar = { type: 'rect', shape: { x: 0, y: 0, width: PAGE.width, height: 8 }, style: { fill: PALETTE[0] } };
  const full = PAGE.width - 2 * MARGIN;
  if (b.kind === 'title') {
    const lines: Paragraph[] = [
      { text: slide.title, scale: 2, bold: true, before: 0 },
      ...[b.subtitle, slide.caption].filter((t) => t.trim()).map((text, i) => ({ text, scale: i === 0 ? 1 : 0.8, color: MUTED, before: i === 0 ? 1.2 : 0.3 })),
    ];
    return page([bar, ...stack(lines, 22, MARGIN, 220, full)]);
  }
  const head: Paragraph[] = [{ text: slide.title, scale: 1, bold: true, before: 0 }, ...(slide.caption.trim() ? [{ text: slide.caption, scale: 0.6, color: MUTED, before: 0.3 }] : [])];
  const top = 36 + stackHeight(head, 30, full) + 24;
  const bullet = (t: string): Paragraph => ({ text: `•  ${t}`, scale: 1, before: 0.35 });
  let columns: Paragraph[][] = [];
  if (b.kind === 'bullets') columns = [b.bullets.filter((t) => t.trim()).map(bullet)];
  else if (b.kind === 'placeholder') columns = [[{ text: b.message, scale: 1, color: MUTED, before: 0 }]];
  else if (b.kind === 'sections') {
    columns = sectionColumns(b.sections).map((col) =>
      col.flatMap((s, i) => [{ text: s.heading, scale: 1.15, bold: true, color: PALETTE[0], before: i === 0 ? 0 : 0.9 }, ...s.bullets.filter((t) => t.trim()).map(bullet)]),
    );
  }
  const gap = 40;
  const width = (full - gap * (columns.length - 1)) / Math.max(1, columns.length);
  const size = fittedSize(columns, width, PAGE.height - top - 40, 24);
  return page([bar, ...stack(head, 30, MARGIN, 36, full), ...columns.flatMap((c, k) => stack(c, size, MARGIN + k * (width + gap), top, width))]);
}

/**
 * A table slide's picture: the rows the PPTX slide shows (the same fit, and
 * the same line saying how many), the columns that fit two pages, each
 * cell's text shortened past what a column shows. A 500-row table of long
 * cells drawn whole took minutes and gigabytes on the host.
 */
export function tablePicture(slide: ResolvedSlide & { body: { kind: 'table' } }): Picture {
  const t = slide.body.table;
  const { shown } = fitTable(t, bodyBox(slide));
  return tableChart({ title: clipText(slide.title || 'Table', 200), header: t.header, rows: t.rows, numeric: t.numeric }, { rows: shown, width: TABLE_WIDTH });
}

function pictureOf(slide: ResolvedSlide): Picture {
  const b = slide.body;
  if (b.kind === 'chart') return { option: b.chart.option, width: 960, height: 540 };
  if (b.kind === 'table') return tablePicture({ ...slide, body: b });
  return textSlidePicture(slide);
}

interface SlideFiles {
  svg: string;
  png: Buffer;
}

function draw({ option, width, height }: Picture): SlideFiles {
  const svg = renderSvg(option, { width, height });
  return { svg, png: pngFromSvg(svg, { width, height, scale: 2 }) };
}

/** The slide's files; a slide that cannot be drawn becomes a placeholder page that says why. */
function slideFiles(slide: ResolvedSlide): SlideFiles {
  try {
    return draw(pictureOf(slide));
  } catch (e) {
    const b = slide.body;
    const message = undrawableMessage(b.kind === 'chart' || b.kind === 'table' ? b.kind : 'slide', e);
    try {
      return draw(textSlidePicture({ ...slide, body: { kind: 'placeholder', message } }));
    } catch {
      throw new ApiError('internal', `Slide ${slide.number} (“${clipText(slide.title, 80)}”) could not be drawn, nor a placeholder in its place: ${message}`);
    }
  }
}

/** A zip of one PNG (at twice the size, for slides) and one SVG per slide. */
export async function imageFiles(deck: ResolvedDeck, signal?: AbortSignal): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const slide of deck.slides) {
    await betweenSlides(signal);
    const { png, svg } = slideFiles(slide);
    const title = slide.title || (slide.body.kind === 'chart' ? slide.body.chart.kind : slide.body.kind);
    zip.file(slideFileName(slide.number, deck.slides.length, title, 'png'), png);
    zip.file(slideFileName(slide.number, deck.slides.length, title, 'svg'), svg);
  }
  await betweenSlides(signal);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
