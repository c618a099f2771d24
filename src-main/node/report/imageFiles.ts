import JSZip from 'jszip';
import { cancelledError } from '../../core/api/errors';
import { CHART_FONT_FAMILY, PALETTE, TEXT_COLOR, type EChartsOption } from '../../core/charts/spec';
import { tableChart } from '../../core/charts/tableChart';
import type { ResolvedDeck, ResolvedSlide } from '../../core/report/resolvedDeck';
import { renderPng, renderSvg, slug } from '../charts/renderChart';
import { sectionColumns } from './pptxDeck';

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
/** Lato averages about half an em a character; this errs wide, so estimated lines never overlap. */
const CHAR_EM = 0.52;
const LINE = 1.35;

/** How tall the paragraphs stand at `size` px in a column `width` px wide. */
function stackHeight(ps: Paragraph[], size: number, width: number): number {
  return ps.reduce((h, p) => {
    const px = size * p.scale;
    const perLine = Math.max(8, Math.floor(width / (px * CHAR_EM)));
    return h + p.before * size * LINE + Math.max(1, Math.ceil(p.text.length / perLine)) * px * LINE;
  }, 0);
}

/** The paragraphs as text elements, one under the other, each wrapping within the column. */
function stack(ps: Paragraph[], size: number, x: number, y: number, width: number): unknown[] {
  const out: unknown[] = [];
  for (const p of ps) {
    y += p.before * size * LINE;
    const px = Math.round(size * p.scale);
    out.push({
      type: 'text',
      left: x,
      top: Math.round(y),
      style: { text: p.text, width, overflow: 'break', fontFamily: CHART_FONT_FAMILY, fontSize: px, lineHeight: Math.round(px * LINE), fontWeight: p.bold ? 'bold' : 'normal', fill: p.color ?? TEXT_COLOR },
    });
    y += stackHeight([{ ...p, before: 0 }], size, width);
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

function pictureOf(slide: ResolvedSlide): Picture {
  const b = slide.body;
  if (b.kind === 'chart') return { option: b.chart.option, width: 960, height: 540 };
  if (b.kind === 'table') {
    const cut = (s: string | null) => (s ?? '').slice(0, 200);
    const t = b.table;
    return tableChart({ title: (slide.title || 'Table').slice(0, 200), header: t.header.map((h) => h.slice(0, 120)), rows: t.rows.map((r) => r.map(cut)), numeric: t.numeric });
  }
  return textSlidePicture(slide);
}

/** A zip of one PNG (at twice the size, for slides) and one SVG per slide. */
export async function imageFiles(deck: ResolvedDeck, signal?: AbortSignal): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const slide of deck.slides) {
    if (signal?.aborted) throw cancelledError('The export');
    const { option, width, height } = pictureOf(slide);
    const title = slide.title || (slide.body.kind === 'chart' ? slide.body.chart.kind : slide.body.kind);
    zip.file(slideFileName(slide.number, deck.slides.length, title, 'png'), renderPng(option, { width, height, scale: 2 }));
    zip.file(slideFileName(slide.number, deck.slides.length, title, 'svg'), renderSvg(option, { width, height }));
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
