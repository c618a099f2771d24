import type Database from 'better-sqlite3';
import { chartFromRequest, type ChartRequest } from '../../core/charts/request';
import type { EChartsOption } from '../../core/charts/spec';
import type { DatasetInfo } from '../../core/data/columns';
import { datasetFrame } from '../recipe/frameCache';
import { chartFile, embedChartFonts, renderPng, renderSvg, type PngScale } from './renderChart';

export interface ChartExport {
  fileName: string;
  mime: 'image/svg+xml' | 'image/png';
  /** SVG text, or PNG bytes as base64. */
  data: string;
  note: string | null;
}

export interface ChartFormat {
  type: 'svg' | 'png';
  width: number;
  height: number;
  scale: PngScale;
}

/** Draws a chart of a dataset in the host, independent of any window. */
export function exportChart(
  db: Database.Database,
  info: DatasetInfo,
  request: ChartRequest,
  format: ChartFormat,
): ChartExport {
  const { option, note } = chartFromRequest(datasetFrame(db, info), request);
  return drawChart(option, note, request.kind, format);
}

/**
 * A chart's option drawn as an SVG or PNG file named after its title. The
 * SVG carries the bundled fonts: the window shows this very SVG, so the
 * screen and the exported file both draw Lato, as the PNG does.
 */
export function drawChart(option: EChartsOption, note: string | undefined, fallbackTitle: string, format: ChartFormat): ChartExport {
  const title = String((option.title as { text?: string } | undefined)?.text ?? fallbackTitle);
  if (format.type === 'svg') {
    return { fileName: chartFile('svg', title), mime: 'image/svg+xml', data: embedChartFonts(renderSvg(option, format)), note: note ?? null };
  }
  const png = renderPng(option, format);
  return { fileName: chartFile('png', title, format.scale), mime: 'image/png', data: png.toString('base64'), note: note ?? null };
}
