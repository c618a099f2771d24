import type { ChartRequest } from '../charts/request';
import type { ChartResult } from '../charts/spec';
import type { RunRecord } from '../search/runRecord';

/**
 * What exporting a report needs from where it lives: the app's project
 * (node/report/reportService.ts) or a run.json on the command line.
 */
export interface DeckContext {
  /** A run's record, or null when the run no longer exists or has no results (its slides become placeholders). */
  record(runId: number): RunRecord | null;
  /** A run's title for placeholders and captions, or null when it no longer exists. */
  runTitle(runId: number): string | null;
  /** A dataset chart's ECharts option, or null when the dataset no longer exists. */
  datasetChart(datasetId: number, request: ChartRequest): Promise<ChartResult | null>;
}
