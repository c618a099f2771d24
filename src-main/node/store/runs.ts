import type Database from 'better-sqlite3';
import { ApiError } from '../../core/api/errors';
import type { RunRecord } from '../../core/search/runRecord';
import { fitStats, type FitStats } from '../../core/search/estimate';
import type { RunProgress, RunStatus, RunSummary } from '../../core/search/runSummary';

interface Row {
  id: number;
  recipe_id: number | null;
  recipe_name: string;
  dataset_name: string;
  status: RunStatus;
  created_at: string;
  finished_at: string | null;
  progress_json: string | null;
  champion_json: string | null;
  error: string | null;
}

const SUMMARY_COLUMNS = 'id, recipe_id, recipe_name, dataset_name, status, created_at, finished_at, progress_json, champion_json, error';

const toSummary = (r: Row): RunSummary => ({
  id: r.id,
  recipeId: r.recipe_id,
  recipeName: r.recipe_name,
  datasetName: r.dataset_name,
  status: r.status,
  createdAt: r.created_at,
  finishedAt: r.finished_at,
  progress: r.progress_json ? (JSON.parse(r.progress_json) as RunProgress) : null,
  champion: r.champion_json ? (JSON.parse(r.champion_json) as RunSummary['champion']) : null,
  error: r.error,
});

export interface NewRun {
  recipeId: number | null;
  recipeName: string;
  datasetName: string;
}

export function insertRun(db: Database.Database, run: NewRun): RunSummary {
  const r = db
    .prepare('INSERT INTO runs (recipe_id, recipe_name, dataset_name, status, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(run.recipeId, run.recipeName, run.datasetName, 'queued', new Date().toISOString());
  return getRunSummary(db, Number(r.lastInsertRowid));
}

/** Newest first. */
export function listRuns(db: Database.Database): RunSummary[] {
  return (db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM runs ORDER BY id DESC`).all() as Row[]).map(toSummary);
}

export function getRunSummary(db: Database.Database, id: number): RunSummary {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM runs WHERE id = ?`).get(id) as Row | undefined;
  if (!row) throw new ApiError('not-found', `There is no run ${id} in this project.`);
  return toSummary(row);
}

export function getRunRecord(db: Database.Database, id: number): RunRecord | null {
  const row = db.prepare('SELECT record_json FROM runs WHERE id = ?').get(id) as { record_json: string | null } | undefined;
  if (!row) throw new ApiError('not-found', `There is no run ${id} in this project.`);
  return row.record_json ? (JSON.parse(row.record_json) as RunRecord) : null;
}

export function markRunning(db: Database.Database, id: number): void {
  db.prepare("UPDATE runs SET status = 'running' WHERE id = ?").run(id);
}

export interface FinishedRun {
  status: Exclude<RunStatus, 'queued' | 'running'>;
  progress: RunProgress | null;
  record: RunRecord | null;
  error: string | null;
}

/** Saves a run as it ends: complete, cancelled (with what it finished) or failed. */
export function finishRun(db: Database.Database, id: number, run: FinishedRun): RunSummary {
  const c = run.record?.champion;
  const metric = run.record ? championMetric(run.record) : null;
  const champion = c && metric ? { modelId: c.modelId, metric, value: c.test.metrics[metric] } : null;
  db.prepare('UPDATE runs SET status = ?, finished_at = ?, progress_json = ?, champion_json = ?, error = ?, record_json = ?, stats_json = ? WHERE id = ?').run(
    run.status,
    new Date().toISOString(),
    run.progress ? JSON.stringify(run.progress) : null,
    champion ? JSON.stringify(champion) : null,
    run.error,
    run.record ? JSON.stringify(run.record) : null,
    run.record ? JSON.stringify(fitStats(run.record)) : null,
    id,
  );
  return getRunSummary(db, id);
}

function championMetric(record: RunRecord): string {
  return (record.recipe as { champion?: { metric?: string } }).champion?.metric ?? 'recall';
}

/** What finished runs spent per model type, for estimates. */
export function runFitStats(db: Database.Database): FitStats[] {
  return (db.prepare("SELECT stats_json FROM runs WHERE status = 'complete' AND stats_json IS NOT NULL").all() as { stats_json: string }[]).map(
    (r) => JSON.parse(r.stats_json) as FitStats,
  );
}

export function deleteRun(db: Database.Database, id: number): void {
  getRunSummary(db, id);
  db.prepare('DELETE FROM runs WHERE id = ?').run(id);
}

/** Runs left queued or running by a host that stopped: they cannot resume, so they are failed with the reason. */
export function failInterruptedRuns(db: Database.Database): number {
  const r = db
    .prepare("UPDATE runs SET status = 'failed', finished_at = ?, error = ? WHERE status IN ('queued', 'running')")
    .run(new Date().toISOString(), 'The app closed before the run finished.');
  return r.changes;
}
