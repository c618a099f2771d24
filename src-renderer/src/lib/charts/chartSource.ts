import type { ChartRequest } from '../../../../src-main/core/charts/request';
import type { RunChartRequest } from '../../../../src-main/core/charts/runCharts';
import { session } from '../state/session.svelte';

/** What a host-drawn chart is of: a dataset's columns, or a stored run's results. */
export type ChartSource = { type: 'dataset'; id: number; chart: ChartRequest } | { type: 'run'; id: number; modelId: string; chart: RunChartRequest };

export interface RenderedChart {
  fileName: string;
  mime: 'image/svg+xml' | 'image/png';
  data: string;
  note: string | null;
}

export function renderChart(source: ChartSource, format: 'svg' | 'png', width: number, height: number, scale: 1 | 2 | 3): Promise<RenderedChart> {
  const size = { format, width, height, scale };
  if (source.type === 'dataset') return session.client.call('chart.render', { id: source.id, chart: source.chart, ...size });
  return session.client.call('run.chart', { id: source.id, modelId: source.modelId, chart: source.chart, ...size });
}

/** An accessible name when the caller gives none. */
export function sourceLabel(source: ChartSource): string {
  return source.chart.title ?? `${source.chart.kind} chart`;
}
