import { renderChart, type ChartSource } from './chartSource';
import { saveFile } from './saveFile';

export type ExportFormat = 'svg' | 'png1' | 'png2' | 'png3';

export const EXPORT_FORMATS: { id: ExportFormat; label: string }[] = [
  { id: 'png1', label: 'PNG 1×' },
  { id: 'png2', label: 'PNG 2×' },
  { id: 'png3', label: 'PNG 3×' },
  { id: 'svg', label: 'SVG' },
];

/** Renders a chart in the host (independent of the window) and saves the file. Returns its name. */
export async function exportChartFile(source: ChartSource, width: number, height: number, format: ExportFormat): Promise<string> {
  const r = await renderChart(source, format === 'svg' ? 'svg' : 'png', width, height, format === 'png2' ? 2 : format === 'png3' ? 3 : 1);
  saveFile(r.fileName, r.mime, r.data, r.mime === 'image/png');
  return r.fileName;
}
