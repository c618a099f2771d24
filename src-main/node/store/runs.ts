import type Database from 'better-sqlite3';
import { ApiError } from '../../core/api/errors';
import { recipeSchema, type Recipe } from '../../core/recipe/schema';
import type { RunRecord } from '../../core/search/runRecord';
import { fitStats, type FitStats } from '../../core/search/estimate';
import { planModels } from '../../core/search/plan';
import { runTitle } from '../../core/search/runTitle';
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
  title: string | null;
  default_title: string | null;
  note: string;
  tags_json: string;
  recipe_json: string | null;
  dataset_hash: string | null;
  seconds: number | null;
}

// Never record_json: the list is read every second while a run is active, and a record runs to megabytes.
const SUMMARY_COLUMNS =
  'id, recipe_id, recipe_name, dataset_name, status, created_at, finished_at, progress_json, champion_json, error, ' +
  'title, default_title, note, tags_json, recipe_json, dataset_hash, seconds';

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
  title: r.title ?? defaultTitle(r),
  defaultTitle: defaultTitle(r),
  note: r.note,
  tags: JSON.parse(r.tags_json) as string[],
  models: modelsOf(r.recipe_json),
  datasetHash: r.dataset_hash,
  seconds: r.seconds,
});

const defaultTitle = (r: Pick<Row, 'default_title' | 'recipe_name'>): string => r.default_title ?? r.recipe_name;

/** Planned models by recipe text: the list asks for the same few recipes every second while a run is active. */
const plannedModels = new Map<string, RunSummary['models']>();

function modelsOf(recipeJson: string | null): RunSummary['models'] {
  if (recipeJson === null) return [];
  let models = plannedModels.get(recipeJson);
  if (!models) {
    const recipe = readRecipe(recipeJson);
    models = recipe ? plan(recipe) : [];
    plannedModels.set(recipeJson, models);
    if (plannedModels.size > 200) plannedModels.delete(plannedModels.keys().next().value!);
  }
  return models;
}

function plan(recipe: Recipe): RunSummary['models'] {
  try {
    return planModels(recipe).map((p) => ({ modelId: p.modelId, type: p.type, candidates: p.candidates.length }));
  } catch {
    // A grid the learner refuses (the run failed on it): the candidates are still every combination.
    return recipe.models.map((m) => ({
      modelId: m.id,
      type: m.type,
      candidates: Object.values(m.grid).reduce((n, values) => n * values.length, 1),
    }));
  }
}

/** A stored recipe copy, or null when it no longer reads as a recipe (written by an older Assay). */
export function readRecipe(json: string): Recipe | null {
  try {
    const r = recipeSchema.safeParse(JSON.parse(json));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

export interface NewRun {
  recipeId: number | null;
  recipeName: string;
  datasetName: string;
  /**
   * The content hash of the dataset it is queued on: what a re-run looks for,
   * whether or not this run ever finishes (only a finished run has a record).
   */
  datasetHash: string;
  /** The recipe as queued; without it the run cannot be re-run or titled against. */
  recipe?: Recipe;
  /** Instead of the title made from the previous run of the same recipe (a re-run names its source). */
  defaultTitle?: string;
  note?: string;
}

export function insertRun(db: Database.Database, run: NewRun): RunSummary {
  const recipe = run.recipe ?? null;
  const title = run.defaultTitle ?? (recipe ? defaultRunTitle(db, { ...run, recipe }) : run.recipeName);
  const r = db
    .prepare(
      'INSERT INTO runs (recipe_id, recipe_name, dataset_name, status, created_at, default_title, recipe_json, dataset_hash, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(run.recipeId, run.recipeName, run.datasetName, 'queued', new Date().toISOString(), title, recipe ? JSON.stringify(recipe) : null, run.datasetHash, run.note ?? '');
  return getRunSummary(db, Number(r.lastInsertRowid));
}

/**
 * A run's default title, from what changed since the previous run of the
 * same recipe (of the runs before `beforeId`, when given: migration 4 titles
 * old runs in the order they were made).
 */
export function defaultRunTitle(
  db: Database.Database,
  run: { recipeId: number | null; recipeName: string; datasetName: string; recipe: Recipe },
  beforeId?: number,
): string {
  return runTitle(run, previousRun(db, run.recipeId, run.recipeName, beforeId ?? Number.MAX_SAFE_INTEGER));
}

/**
 * The newest run of the same recipe whose recipe is known: by recipe id,
 * else, when the recipe has none yet, by name among runs whose recipe was
 * deleted (recipe_id NULL): a recipe made again under a deleted one's name
 * carries on its work. Runs of another recipe that exists are never taken,
 * even under the same name: that recipe may have been renamed since, and its
 * runs are its own line of work.
 */
function previousRun(
  db: Database.Database,
  recipeId: number | null,
  recipeName: string,
  beforeId: number,
): { id: number; recipe: Recipe; datasetName: string } | null {
  const newestFirst = (where: string, key: number | string) =>
    db.prepare(`SELECT id, dataset_name, recipe_json FROM runs WHERE ${where} AND id < ? AND recipe_json IS NOT NULL ORDER BY id DESC`).all(key, beforeId) as {
      id: number;
      dataset_name: string;
      recipe_json: string;
    }[];
  const byName = 'recipe_id IS NULL AND recipe_name = ?';
  const keys: [string, number | string][] = recipeId !== null ? [['recipe_id = ?', recipeId], [byName, recipeName]] : [[byName, recipeName]];
  for (const [where, key] of keys) {
    for (const row of newestFirst(where, key)) {
      const recipe = readRecipe(row.recipe_json);
      if (recipe) return { id: row.id, recipe, datasetName: row.dataset_name };
    }
  }
  return null;
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

/**
 * The recipe a run ran, as it was queued (or as its record kept it, for runs
 * queued before the copy was stored); null when neither is there or it no
 * longer reads as a recipe.
 */
export function getRunRecipe(db: Database.Database, id: number): Recipe | null {
  const row = db.prepare("SELECT coalesce(recipe_json, json_extract(record_json, '$.recipe')) AS json FROM runs WHERE id = ?").get(id) as
    | { json: string | null }
    | undefined;
  if (!row) throw new ApiError('not-found', `There is no run ${id} in this project.`);
  return row.json === null ? null : readRecipe(row.json);
}

export interface RunChanges {
  title?: string;
  note?: string;
  tags?: string[];
}

/**
 * Renames a run, or sets its note or tags; fields not given stay. A title
 * that is empty or equal to the default is stored as "not named", so the run
 * shows its default. Tags are trimmed and kept once each (case-insensitive),
 * in the order given.
 */
export function updateRun(db: Database.Database, id: number, changes: RunChanges): RunSummary {
  const row = db.prepare('SELECT default_title, recipe_name FROM runs WHERE id = ?').get(id) as Pick<Row, 'default_title' | 'recipe_name'> | undefined;
  if (!row) throw new ApiError('not-found', `There is no run ${id} in this project.`);
  if (changes.title !== undefined) {
    const title = changes.title.trim();
    db.prepare('UPDATE runs SET title = ? WHERE id = ?').run(title === '' || title === defaultTitle(row) ? null : title, id);
  }
  if (changes.note !== undefined) db.prepare('UPDATE runs SET note = ? WHERE id = ?').run(changes.note, id);
  if (changes.tags !== undefined) db.prepare('UPDATE runs SET tags_json = ? WHERE id = ?').run(JSON.stringify(cleanTags(changes.tags)), id);
  return getRunSummary(db, id);
}

export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of tags.map((x) => x.trim())) {
    const key = t.toLocaleLowerCase();
    if (t === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out;
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
  // The hash stored when the run was queued stays when the run ends without a record.
  db.prepare(
    'UPDATE runs SET status = ?, finished_at = ?, progress_json = ?, champion_json = ?, error = ?, record_json = ?, stats_json = ?, dataset_hash = coalesce(?, dataset_hash), seconds = ? WHERE id = ?',
  ).run(
    run.status,
    new Date().toISOString(),
    run.progress ? JSON.stringify(run.progress) : null,
    champion ? JSON.stringify(champion) : null,
    run.error,
    run.record ? JSON.stringify(run.record) : null,
    run.record ? JSON.stringify(fitStats(run.record)) : null,
    run.record?.dataset.contentHash ?? null,
    run.record?.seconds.total ?? null,
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
