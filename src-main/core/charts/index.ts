/**
 * The EDA charts of the seed notebooks (seaborn / matplotlib) as echarts
 * options: pure functions from columns to `{ option, note }`, used by the
 * renderer to draw them and by the host to export them (src-main/node/charts).
 */
import { barCountsChart, type BarCountsSpec } from './barCounts';
import { boxPlot, type BoxPlotSpec } from './boxPlot';
import { groupedMean, type GroupedMeanSpec } from './groupedMean';
import { heatmap, type HeatmapSpec } from './heatmap';
import { histogram, type HistogramSpec } from './histogram';
import { scatter, type ScatterSpec } from './scatter';
import type { ChartResult } from './spec';

export type ChartSpec = HistogramSpec | BoxPlotSpec | BarCountsSpec | HeatmapSpec | ScatterSpec | GroupedMeanSpec;
export type ChartKind = ChartSpec['kind'];

/** The chart a spec describes. */
export function buildChart(spec: ChartSpec): ChartResult {
  switch (spec.kind) {
    case 'histogram':
      return histogram(spec);
    case 'box':
      return boxPlot(spec);
    case 'barCounts':
      return barCountsChart(spec);
    case 'heatmap':
      return heatmap(spec);
    case 'scatter':
      return scatter(spec);
    case 'groupedMean':
      return groupedMean(spec);
  }
}

export * from './spec';
export * from './histogram';
export * from './boxPlot';
export * from './barCounts';
export * from './heatmap';
export * from './scatter';
export * from './groupedMean';
