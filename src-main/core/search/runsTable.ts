import type { ParamValue } from '../ml/params';
import type { RunRecord } from './runRecord';
import type { RunSummary } from './runSummary';

/** One row of the runs table: one model of one run. */
export interface RunsTableRow {
  runId: number;
  runTitle: string;
  recipeName: string;
  datasetName: string;
  /** The dataset's content hash (SHA-256 of the source file), null for runs that did not record it. */
  datasetHash: string | null;
  status: string;
  modelId: string;
  type: string;
  champion: boolean;
  /** True when the run stopped before this model was refitted. */
  partial: boolean;
  bestParams: Record<string, ParamValue>;
  /** Best candidate's cross-validation mean and population std per metric. */
  cv: Record<string, { mean: number; std: number }>;
  validation: Record<string, number> | null;
  test: Record<string, number> | null;
  /** The recipe leaks (a fitted step before the split). */
  leakage: boolean;
  /** The run's wall time. */
  seconds: number | null;
  /** When the run started (ISO). */
  date: string;
  tags: string[];
}

/** What a row takes from the run's record: fixed once the run has finished, so a host can keep it instead of the record. */
export type RecordPart = Pick<RunsTableRow, 'datasetHash' | 'modelId' | 'type' | 'champion' | 'partial' | 'bestParams' | 'cv' | 'validation' | 'test' | 'leakage' | 'seconds'>;

/**
 * The record's side of each model's row, in recipe order. Test scores belong
 * to the champion alone (the test set is looked at once); a model the run
 * stopped before refitting has cross-validation scores only.
 */
export function recordRows(record: RunRecord): RecordPart[] {
  const championId = record.champion?.modelId ?? null;
  return record.models.map((m) => {
    const champion = m.modelId === championId;
    const best = m.cv.rows.find((r) => r.candidate === m.cv.best);
    const cv: RecordPart['cv'] = {};
    // Records from before the std was kept on the row still have the best mean.
    for (const [metric, mean] of Object.entries(best?.mean ?? m.bestCv ?? {})) cv[metric] = { mean, std: best?.std[metric] ?? NaN };
    return {
      datasetHash: record.dataset.contentHash ?? null,
      modelId: m.modelId,
      type: m.type,
      champion,
      partial: m.partial,
      bestParams: m.bestParams,
      cv,
      validation: m.partial ? null : (m.validation?.metrics ?? null),
      test: champion && !m.partial ? (record.champion?.test.metrics ?? null) : null,
      leakage: (record.leakage?.length ?? 0) > 0,
      seconds: record.seconds?.total ?? null,
    };
  });
}

/**
 * The run's side of each row: its name, tags and date come from the summary,
 * which the analyst can change after the run (a rename, a tag) without its
 * record being read again.
 */
export function withSummary(summary: RunSummary, parts: readonly RecordPart[]): RunsTableRow[] {
  return parts.map((p) => ({
    ...p,
    runId: summary.id,
    // Summaries stored before runs had titles, tags and hashes have none of them.
    runTitle: summary.title || summary.recipeName,
    recipeName: summary.recipeName,
    datasetName: summary.datasetName,
    datasetHash: p.datasetHash ?? summary.datasetHash ?? null,
    status: summary.status,
    seconds: p.seconds ?? summary.seconds ?? null,
    date: summary.createdAt,
    tags: summary.tags ?? [],
  }));
}

/** The rows of one run: one per model of its record (none for a run without one: queued, running, failed). */
export function runsTableRows(summary: RunSummary, record: RunRecord | null): RunsTableRow[] {
  return record ? withSummary(summary, recordRows(record)) : [];
}
