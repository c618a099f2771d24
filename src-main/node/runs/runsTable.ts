import { isActive } from '../../core/search/runSummary';
import { recordRows, withSummary, type RecordPart, type RunsTableRow } from '../../core/search/runsTable';
import type { RunQueue } from './runQueue';

/**
 * The record side of each finished run's rows, per queue. A record is
 * megabytes of JSON (held-out predictions, fitted trees) and the queue keeps
 * only three parsed, so the table reads each once and keeps the few numbers
 * it shows. The key holds the run's start and end times besides its id: ids
 * are per project file and can be reused after a delete, two runs with the
 * same id and the same times to the millisecond are the same run.
 */
const cache = new WeakMap<RunQueue, Map<string, RecordPart[]>>();

const keyOf = (s: { id: number; createdAt: string; finishedAt: string | null }) => `${s.id}|${s.createdAt}|${s.finishedAt}`;

/** Every model of every finished run of the open project, newest run first, models in recipe order. */
export function runsTable(runs: RunQueue): RunsTableRow[] {
  const kept = cache.get(runs) ?? new Map<string, RecordPart[]>();
  cache.set(runs, kept);
  const listed = new Set<string>();
  const rows: RunsTableRow[] = [];
  for (const summary of runs.list()) {
    // An active run has no record yet; its rows come once it has finished.
    if (isActive(summary.status) || summary.finishedAt === null) continue;
    const key = keyOf(summary);
    listed.add(key);
    let parts = kept.get(key);
    if (!parts) {
      const record = runs.record(summary.id);
      parts = record ? recordRows(record) : [];
      kept.set(key, parts);
    }
    rows.push(...withSummary(summary, parts));
  }
  // Deleted runs, and those of a project no longer open, leave: the cache holds one project's rows at most.
  for (const key of kept.keys()) if (!listed.has(key)) kept.delete(key);
  return rows;
}
