import { compareChart, compareChartSpec, type CompareChartRequest } from '../../core/charts/compareCharts';
import { buildComparison } from '../../core/compare/comparison';
import { compareInputs, type RunModelRef } from '../runs/compareRuns';
import type { RunQueue } from '../runs/runQueue';
import { drawChart, type ChartExport, type ChartFormat } from './exportChart';

/** Draws one of a comparison's charts (metric bars, overlaid curves, matrices side by side, importances) in the host. */
export function exportCompareChart(runs: RunQueue, models: RunModelRef[], chart: CompareChartRequest, format: ChartFormat): ChartExport {
  const inputs = compareInputs(runs, models);
  const comparison = buildComparison(inputs);
  // buildComparison refused any model its run lacks, so each is found.
  const results = inputs.map((i) => i.record.models.find((m) => m.modelId === i.modelId)!);
  const { option, note } = compareChart(compareChartSpec({ comparison, results }, chart));
  return drawChart(option, note, chart.kind, format);
}
