import { runChart, type RunChartRequest } from '../../core/charts/runCharts';
import { runChartSpec } from '../../core/charts/runChartSpec';
import type { RunRecord } from '../../core/search/runRecord';
import { drawChart, type ChartExport, type ChartFormat } from './exportChart';

/** Draws one of a stored run's charts (confusion matrix, ROC, PR, importance) in the host. */
export function exportRunChart(record: RunRecord, modelId: string, request: RunChartRequest, format: ChartFormat): ChartExport {
  const { option, note } = runChart(runChartSpec(record, modelId, request));
  return drawChart(option, note, request.kind, format);
}
