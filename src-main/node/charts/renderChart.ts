import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { EChartsOption } from '../../core/charts/spec';
import { ApiError } from '../../core/api/errors';
import { xmlText } from '../../core/charts/xmlText';
import { resourcesDir } from '../app/paths';

/**
 * Server-side export of the EDA charts: echarts draws the option to an SVG
 * string without any DOM (`ssr: true`), and resvg rasterizes that SVG to PNG.
 * Nothing here touches `window` or `document`, so it runs in the host, a
 * worker, the CLI and tests alike.
 */

export interface SvgSize {
  width: number;
  height: number;
}

export type PngScale = 1 | 2 | 3;

export interface PngSize extends SvgSize {
  /** Pixel density: the PNG is scale·width × scale·height pixels (default 2, for slides). */
  scale?: PngScale;
}

/** The bundled fonts (resources/fonts), named first by the charts' `font-family`. */
export const CHART_FONT_FILES = ['Lato-Regular.ttf', 'Lato-Bold.ttf'] as const;
export const CHART_FONT_NAME = 'Lato';

function checkSize(size: SvgSize): void {
  for (const [k, v] of Object.entries({ width: size.width, height: size.height })) {
    if (!Number.isInteger(v) || v < 16 || v > 8192) throw new RangeError(`The chart ${k} must be a whole number of pixels from 16 to 8192, not ${v}.`);
  }
}

/**
 * The chart as a standalone SVG document of `width` × `height` CSS pixels.
 * ECharts escapes markup in text but writes control characters and unpaired
 * surrogates as they are, and the texts come from category names, titles,
 * formatters and its own truncation alike: the finished document is made
 * XML-safe (xmlText), since it is the one place they all pass. Markup is
 * ASCII, so only text and attribute values change.
 */
export function renderSvg(option: EChartsOption, size: SvgSize): string {
  checkSize(size);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ ...option, animation: false });
    return xmlText(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

let fontFiles: string[] | null = null;

/** Absolute paths of the bundled fonts; an empty list (system fonts only) when they are not shipped. */
export function chartFontFiles(): string[] {
  if (fontFiles) return fontFiles;
  let dir: string | null = null;
  try {
    dir = join(resourcesDir(), 'fonts');
  } catch {
    dir = null;
  }
  fontFiles = dir ? CHART_FONT_FILES.map((f) => join(dir, f)).filter((p) => existsSync(p)) : [];
  return fontFiles;
}

/** The CSS weight of each bundled font file. */
const FONT_WEIGHTS: Record<(typeof CHART_FONT_FILES)[number], number> = { 'Lato-Regular.ttf': 400, 'Lato-Bold.ttf': 700 };

let fontFaces: string | null = null;

/**
 * `@font-face` rules carrying the bundled fonts as base64 data: URLs. The
 * window shows a chart as an <img> of its SVG, and an SVG image is a sealed
 * document that cannot reach the page's fonts or any file: only fonts inside
 * it apply there, and in the exported file on another machine. Whole fonts,
 * not subsets (about 1.8 MB of text): no subsetter ships with the app.
 */
export function chartFontFaces(): string {
  if (fontFaces !== null) return fontFaces;
  fontFaces = chartFontFiles()
    .map((path) => {
      const weight = FONT_WEIGHTS[basename(path) as (typeof CHART_FONT_FILES)[number]] ?? 400;
      const data = readFileSync(path).toString('base64');
      return `@font-face{font-family:'${CHART_FONT_NAME}';font-style:normal;font-weight:${weight};src:url(data:font/ttf;base64,${data}) format('truetype')}`;
    })
    .join('');
  return fontFaces;
}

/** The SVG with the bundled fonts embedded, so it shows Lato wherever it is opened; unchanged when the fonts are not shipped. */
export function embedChartFonts(svg: string): string {
  const css = chartFontFaces();
  if (css === '') return svg;
  // Base64 holds no '<' or '&', so the rules need no CDATA section.
  return svg.replace(/<svg\b[^>]*>/, (open) => `${open}<defs><style>${css}</style></defs>`);
}

/**
 * The chart as a PNG of scale·width × scale·height pixels: the SVG is drawn
 * at its own size and resvg scales it up (`fitTo` width), so text and lines
 * stay sharp. Text uses the bundled Lato; system fonts are loaded only as a
 * fallback for characters Lato lacks (CJK, emoji in category names).
 */
export function renderPng(option: EChartsOption, size: PngSize): Buffer {
  checkScale(size.scale);
  return pngFromSvg(renderSvg(option, size), size);
}

function checkScale(scale: PngScale | undefined): void {
  if (scale !== undefined && scale !== 1 && scale !== 2 && scale !== 3) throw new RangeError(`The PNG scale must be 1, 2 or 3, not ${String(scale)}.`);
}

/** The PNG of an SVG renderSvg drew at `size` (for a caller that keeps the SVG too, so the chart is laid out once). */
export function pngFromSvg(svg: string, size: PngSize): Buffer {
  checkScale(size.scale);
  try {
    return rasterize(svg, size.width * (size.scale ?? 2));
  } catch (e) {
    throw new ApiError('internal', `The chart's picture could not be drawn as a PNG: resvg refused its SVG (${e instanceof Error ? e.message : String(e)}).`);
  }
}

function rasterize(svg: string, width: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    background: '#ffffff',
    font: {
      fontFiles: chartFontFiles(),
      loadSystemFonts: true,
      defaultFontFamily: CHART_FONT_NAME,
      sansSerifFamily: CHART_FONT_NAME,
    },
    shapeRendering: 2,
    textRendering: 1,
  });
  return resvg.render().asPng();
}

/**
 * A file-system-safe name from a chart title: lower case ASCII letters, digits
 * and single dashes ("Video view count by claim status" → "video-view-count-by-claim-status").
 */
export function slug(title: string): string {
  const s = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return s || 'chart';
}

/** The export file name: `slug.svg`, `slug.png` at 1x, `slug@2x.png` / `slug@3x.png` above. */
export function chartFile(kind: 'png' | 'svg', title: string, scale: PngScale = 2): string {
  const base = slug(title);
  if (kind === 'svg') return `${base}.svg`;
  return scale === 1 ? `${base}.png` : `${base}@${scale}x.png`;
}
