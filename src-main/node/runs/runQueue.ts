import type Database from 'better-sqlite3';
import { ApiError, cancelledError } from '../../core/api/errors';
import type { DatasetInfo } from '../../core/data/columns';
import type { Recipe } from '../../core/recipe/schema';
import type { RunRecord } from '../../core/search/runRecord';
import { planModel } from '../../core/search/plan';
import { isActive, type RunDetail, type RunProgress, type RunSummary } from '../../core/search/runSummary';
import { cancelledSentence } from '../../core/search/cancelledRun';
import { learnedRates } from '../../core/search/estimate';
import { advanceProgress } from '../../core/search/liveProgress';
import { rerunTitle } from '../../core/search/runTitle';
import type { Workbench } from '../app/workbench';
import { datasetFrame } from '../recipe/frameCache';
import { runPrepared } from '../search/runRecipe';
import { prepare, type PreparedData } from '../../core/recipe/pipeline';
import { getDataset, listDatasets } from '../store/datasets';
import { getRecipe, recipeExists } from '../store/recipes';
import { compressModelFile, saveRunModels, type StoredModelFile } from '../store/runModels';
import { modelFileText } from '../../core/modelFile/buildModelFile';
import { runModelFiles } from '../modelFile/runModelFiles';
import {
  deleteRun,
  finishRun,
  getRunRecipe,
  getRunRecord,
  getRunSummary,
  insertRun,
  listRuns,
  markRunning,
  runFitStats,
  updateRun,
  type RunChanges,
} from '../store/runs';

interface Entry {
  id: number;
  db: Database.Database;
  recipe: Recipe;
  dataset: DatasetInfo;
  controller: AbortController;
  progress: RunProgress | null;
  /** When `progress` was reported (ms, performance clock): between reports the clocks keep moving. */
  progressAt: number;
  /** Stopped because its project closed: the close recorded it, so the run itself writes nothing more. */
  stopped: boolean;
}

const CLOSED_MESSAGE = 'Cancelled because the project was closed.';

export interface RunQueueOptions {
  /** Worker processes per run (default: one per core). */
  workers?: number;
  /** Milliseconds on a monotonic clock (tests pass their own). */
  now?: () => number;
  /**
   * Loads and prepares the data off the host's main thread (the analysis
   * thread), so the app answers while a large table is read and prepared;
   * in-process when not given.
   */
  prepare?: (db: Database.Database, dataset: DatasetInfo, recipe: Recipe) => Promise<PreparedData>;
}

/**
 * The host's run queue: runs start one at a time, in the order asked, in the
 * background (the worker pool does the fitting), and each is saved in the
 * project as it ends. Progress lives here while a run is active and is
 * stored with it when it ends.
 */
export class RunQueue {
  private readonly waiting: Entry[] = [];
  private current: Entry | null = null;
  private readonly parsed = new Map<string, RunRecord | null>();

  constructor(
    private readonly wb: Workbench,
    private readonly options: RunQueueOptions = {},
  ) {
    wb.onClose((db, write) => this.stopAll(db, write));
  }

  /** Queues a stored recipe on a dataset (by default the one the recipe names). */
  async start(recipeId: number, datasetId?: number): Promise<RunSummary> {
    const db = this.wb.db;
    const { recipe } = getRecipe(db, recipeId);
    const dataset = datasetId !== undefined ? getDataset(db, datasetId) : datasetNamed(db, recipe);
    return this.enqueue({ recipe, recipeId, dataset });
  }

  /**
   * Queues the recipe a run ran (its own copy, whatever became of the stored
   * recipe since) on the data it was queued on: a dataset of this project
   * with that content, or, for a run from before runs recorded it when
   * queued, the dataset of the same name, which the new run's note says.
   */
  async rerun(id: number): Promise<RunSummary> {
    const db = this.wb.db;
    const source = this.summary(id);
    const recipe = getRunRecipe(db, id);
    if (!recipe) throw new ApiError('conflict', `Run ${id} kept no readable copy of its recipe, so it cannot be re-run; start its recipe from Train instead.`);
    const { dataset, byName } = datasetOfRun(db, source);
    return this.enqueue({
      recipe,
      // Only a recipe still there: a deleted one's id is given to the next recipe saved.
      recipeId: source.recipeId !== null && recipeExists(db, source.recipeId) ? source.recipeId : null,
      dataset,
      defaultTitle: rerunTitle(source.title, id),
      note: byName
        ? `Run #${id} did not record the content of its data, so this re-run uses the dataset named "${dataset.name}" as it is now, which may not be the data #${id} ran on.`
        : undefined,
    });
  }

  /** Renames a run, or sets its note or tags. */
  async update(id: number, changes: RunChanges): Promise<RunSummary> {
    await this.wb.write((w) => updateRun(w, id, changes));
    return this.summary(id);
  }

  private async enqueue(job: { recipe: Recipe; recipeId: number | null; dataset: DatasetInfo; defaultTitle?: string; note?: string }): Promise<RunSummary> {
    const db = this.wb.db;
    const { recipe, recipeId, dataset, defaultTitle, note } = job;
    const summary = await this.wb.write((w) =>
      insertRun(w, { recipeId, recipeName: recipe.name, datasetName: dataset.name, datasetHash: dataset.contentHash, recipe, defaultTitle, note }),
    );
    this.waiting.push({ id: summary.id, db, recipe, dataset, controller: new AbortController(), progress: null, progressAt: 0, stopped: false });
    void this.pump().catch(() => undefined);
    return this.summary(summary.id);
  }

  /** A queued run leaves the queue; a running one stops and keeps the candidates it finished. */
  async cancel(id: number): Promise<RunSummary> {
    const db = this.wb.db;
    const i = this.waiting.findIndex((e) => e.id === id);
    if (i >= 0) {
      const [entry] = this.waiting.splice(i, 1);
      return this.wb.write((w) => finishRun(w, entry.id, { status: 'cancelled', progress: null, record: null, error: 'Cancelled before it started.' }));
    }
    if (this.current?.id === id) {
      this.current.controller.abort();
      return this.summary(id);
    }
    const s = getRunSummary(db, id);
    if (!isActive(s.status)) throw new ApiError('conflict', `Run ${id} has already ${s.status === 'complete' ? 'finished' : s.status === 'failed' ? 'failed' : 'been cancelled'}.`);
    return s;
  }

  list(): RunSummary[] {
    return listRuns(this.wb.db).map((s) => this.withLive(s));
  }

  summary(id: number): RunSummary {
    return this.withLive(getRunSummary(this.wb.db, id));
  }

  /** The run for the Run view: fitted trees are left out (megabytes the view never reads); coefficients stay. */
  get(id: number): RunDetail {
    const record = this.record(id);
    return {
      summary: this.summary(id),
      record: record && { ...record, models: record.models.map((m) => ({ ...m, model: m.type === 'logisticRegression' ? m.model : null })) },
    };
  }

  /** A stored run's record; the last few are kept parsed, as charts ask for the same run again and again. */
  record(id: number): RunRecord | null {
    const key = `${this.wb.db.name}#${id}`;
    const hit = this.parsed.get(key);
    if (hit !== undefined) return hit;
    const record = getRunRecord(this.wb.db, id);
    // Only finished runs are cached: an active run's record is still to come.
    if (!isActive(getRunSummary(this.wb.db, id).status)) {
      this.parsed.set(key, record);
      while (this.parsed.size > 3) this.parsed.delete(this.parsed.keys().next().value!);
    }
    return record;
  }

  async delete(id: number): Promise<{ id: number }> {
    const s = this.summary(id);
    if (isActive(s.status)) throw new ApiError('conflict', `Run ${id} is still ${s.status}; cancel it before deleting it.`);
    await this.wb.write((w) => deleteRun(w, id));
    this.parsed.delete(`${this.wb.db.name}#${id}`);
    return { id };
  }

  /** Resolves when nothing is queued or running (tests and shutdown). */
  async idle(): Promise<void> {
    while (this.current || this.waiting.length) await new Promise((r) => setTimeout(r, 20));
  }

  private withLive(s: RunSummary): RunSummary {
    const e = this.current?.id === s.id ? this.current : this.waiting.find((w) => w.id === s.id);
    if (!e) return s;
    // A long refit reports nothing for seconds: the elapsed clocks must still move.
    const progress = e.progress && advanceProgress(e.progress, (this.now() - e.progressAt) / 1000);
    return { ...s, progress: progress ?? s.progress };
  }

  private now(): number {
    return this.options.now ? this.options.now() : performance.now();
  }

  private async pump(): Promise<void> {
    if (this.current) return;
    const entry = this.waiting.shift();
    if (!entry) return;
    this.current = entry;
    try {
      // Under the lock: an import's open transaction would otherwise take this write in, and lose it if it rolled back.
      await this.wb.write((w) => {
        if (w !== entry.db || entry.stopped) throw cancelledError('The run');
        markRunning(w, entry.id);
      });
      const t0 = performance.now();
      const prepared = this.options.prepare ? await this.options.prepare(entry.db, entry.dataset, entry.recipe) : prepare(entry.recipe, datasetFrame(entry.db, entry.dataset));
      if (entry.controller.signal.aborted) throw cancelledError('The run');
      const input = { prepared, rows: entry.dataset.rows, seconds: (performance.now() - t0) / 1000 };
      const record = await runPrepared(entry.recipe, input, {
        workers: this.options.workers,
        signal: entry.controller.signal,
        partialOnCancel: true,
        dataset: { name: entry.dataset.name, contentHash: entry.dataset.contentHash },
        rates: learnedRates(runFitStats(entry.db)),
        onRunProgress: (p) => {
          entry.progress = p;
          entry.progressAt = this.now();
        },
      });
      const cancelled = record.status === 'cancelled';
      await this.save(
        entry,
        {
          status: record.status,
          progress: entry.progress,
          record: cancelled && record.models.length === 0 ? null : record,
          error: cancelled ? cancelledRunSentence(entry.recipe, record, entry.progress) : null,
        },
        await keptModels(entry, record, prepared.learned),
      );
    } catch (e) {
      if (e instanceof ApiError && e.code === 'cancelled') {
        await this.save(entry, { status: 'cancelled', progress: entry.progress, record: null, error: 'Cancelled before the search started.' });
      } else {
        await this.save(entry, { status: 'failed', progress: entry.progress, record: null, error: (e as Error).message ?? String(e) });
      }
    } finally {
      this.current = null;
      void this.pump().catch(() => undefined);
    }
  }

  private async save(entry: Entry, run: Parameters<typeof finishRun>[2], models: StoredModelFile[] = []): Promise<void> {
    // A run stopped with its project was recorded by stopAll there; another project's file must not get it.
    if (entry.stopped) return;
    try {
      await this.wb.write((w) => {
        if (w !== entry.db) return;
        finishRun(w, entry.id, run);
        saveRunModels(w, entry.id, models);
      });
    } catch {
      // No project is open any more: stopAll recorded the run when its project closed.
    }
  }

  /**
   * The project is closing: every run of it stops, and is recorded as
   * cancelled under the project's write lock, after the write in flight and
   * before the file closes, unless it finished first.
   */
  private stopAll(db: Database.Database, write: (fn: (db: Database.Database) => void) => void): void {
    const stopped = [...(this.current?.db === db ? [this.current] : []), ...this.waiting.filter((e) => e.db === db)];
    this.waiting.splice(0, this.waiting.length, ...this.waiting.filter((e) => e.db !== db));
    for (const e of stopped) {
      e.stopped = true;
      e.controller.abort();
      write((w) => {
        if (isActive(getRunSummary(w, e.id).status)) finishRun(w, e.id, { status: 'cancelled', progress: e.progress, record: null, error: CLOSED_MESSAGE });
      });
    }
  }
}

/**
 * A finished run's models as model files, to keep with it. A run whose files
 * cannot be made still finishes: "Save model…" then rebuilds them from its
 * data, or says why it cannot.
 */
async function keptModels(entry: Entry, record: RunRecord, learned: Record<number, unknown>): Promise<StoredModelFile[]> {
  try {
    const files = runModelFiles({ recipe: entry.recipe, record, learned, columns: entry.dataset.columns, runId: entry.id });
    return await Promise.all(files.map((f) => compressModelFile(f.model.id, modelFileText(f))));
  } catch {
    return [];
  }
}

/** What a cancelled run kept, from the candidates its partial record holds (those scored on every fold). */
function cancelledRunSentence(recipe: Recipe, record: RunRecord, progress: RunProgress | null): string {
  const folds = recipe.cv.folds;
  const models = recipe.models.map((m) => {
    const kept = record.models.find((r) => r.modelId === m.id);
    const candidates = kept?.candidates ?? planModel(m, '$').candidates.length;
    const complete = new Set(kept?.cv.rows.map((r) => r.candidate) ?? []);
    return { modelId: m.id, candidates, foldsScored: Array.from({ length: candidates }, (_, i) => (complete.has(i) ? folds : 0)) };
  });
  return cancelledSentence(progress?.fitsFinished ?? 0, progress?.fitsTotal ?? 0, folds, models);
}

function datasetNamed(db: Database.Database, recipe: Recipe): DatasetInfo {
  const found = listDatasets(db).find((d) => d.name === recipe.dataset.name);
  if (!found) {
    throw new ApiError('bad-input', `The recipe "${recipe.name}" uses the dataset "${recipe.dataset.name}", which is not in this project; choose a dataset to run it on.`);
  }
  return found;
}

/**
 * The dataset a run was queued on: the same content (the same name first),
 * or, for a run from before runs recorded the content when queued, the same
 * name (`byName`).
 */
function datasetOfRun(db: Database.Database, run: RunSummary): { dataset: DatasetInfo; byName: boolean } {
  const all = listDatasets(db);
  if (run.datasetHash === null) {
    const named = all.find((d) => d.name === run.datasetName);
    if (named) return { dataset: named, byName: true };
    throw new ApiError(
      'conflict',
      `Run ${run.id} ran on "${run.datasetName}", which is no longer in this project, and did not record the content of its data. Import that file again as "${run.datasetName}" to re-run it.`,
    );
  }
  const same = all.filter((d) => d.contentHash === run.datasetHash);
  const found = same.find((d) => d.name === run.datasetName) ?? same[0];
  if (found) return { dataset: found, byName: false };
  throw new ApiError(
    'conflict',
    `Run ${run.id} ran on "${run.datasetName}" (content ${run.datasetHash.slice(0, 8)}…); no dataset of this project has that content any more. Import that file again to re-run it.`,
  );
}
