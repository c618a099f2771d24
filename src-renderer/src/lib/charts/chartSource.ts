import type { ChartRequest } from '../../../../src-main/core/charts/request';
import type { RunChartRequest } from '../../../../src-main/core/charts/runCharts';
import type { CompareChartRequest } from '../../../../src-main/core/charts/compareCharts';
import type { ComparedRef } from '../compare/compareRoute';
import { session } from '../state/session.svelte';

/** What a host-drawn chart is of: a dataset's columns, a stored run's results, or a comparison of 2–4 models. */
export type ChartSource =
  | { type: 'dataset'; id: number; chart: ChartRequest }
  | { type: 'run'; id: number; modelId: string; chart: RunChartRequest }
  | { type: 'compare'; models: ComparedRef[]; chart: CompareChartRequest };

export interface RenderedChart {
  fileName: string;
  mime: 'image/svg+xml' | 'image/png';
  data: string;
  note: string | null;
}

export function renderChart(source: ChartSource, format: 'svg' | 'png', width: number, height: number, scale: 1 | 2 | 3): Promise<RenderedChart> {
  const size = { format, width, height, scale };
  if (source.type === 'dataset') return session.client.call('chart.render', { id: source.id, chart: source.chart, ...size });
  if (source.type === 'compare') return session.client.call('run.compareChart', { models: source.models, chart: source.chart, ...size });
  return session.client.call('run.chart', { id: source.id, modelId: source.modelId, chart: source.chart, ...size });
}

/** An accessible name when the caller gives none. */
export function sourceLabel(source: ChartSource): string {
  return source.chart.title ?? `${source.chart.kind} chart`;
}
