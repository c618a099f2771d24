/**
 * The model file of a model of a stored run: the one kept when the run
 * finished, or, for a run that finished before Assay kept them, rebuilt from
 * its record, its recipe and its data (found by content hash), and kept from
 * then on.
 */
import type Database from 'better-sqlite3';
import { ApiError } from '../../core/api/errors';
import type { DatasetInfo } from '../../core/data/columns';
import { buildModelFile, modelFileText } from '../../core/modelFile/buildModelFile';
import { loadParsedModel, parseModelFile, type LoadedModel } from '../../core/modelFile/readModelFile';
import type { AssayModelFile } from '../../core/modelFile/schema';
import type { PreparedData } from '../../core/recipe/pipeline';
import type { Recipe } from '../../core/recipe/schema';
import { buildPreparation } from '../../core/scoring/buildPreparation';
import { isActive } from '../../core/search/runSummary';
import type { Workbench } from '../app/workbench';
import type { RunQueue } from '../runs/runQueue';
import { listDatasets } from '../store/datasets';
import { compressModelFile, getRunModel, saveRunModels } from '../store/runModels';
import { getRunRecipe } from '../store/runs';

export type Prepare = (db: Database.Database, dataset: DatasetInfo, recipe: Recipe) => Promise<PreparedData>;

export class RunModelSource {
  constructor(
    private readonly wb: Workbench,
    private readonly runs: RunQueue,
    private readonly prepare: Prepare,
  ) {}

  /** The stored file, with the run's current title and the given threshold (null: the argmax rule). */
  async file(runId: number, modelId: string, threshold: number | null = null): Promise<AssayModelFile> {
    const summary = this.runs.summary(runId);
    if (isActive(summary.status)) throw new ApiError('conflict', `Run ${runId} is still ${summary.status}; its models can be saved once it finishes.`);
    const text = getRunModel(this.wb.db, runId, modelId) ?? (await this.rebuild(runId, modelId));
    const file = parseModelFile(text, `model "${modelId}" of run ${runId}`);
    return { ...file, run: { ...file.run, id: runId, title: summary.title }, threshold };
  }

  async load(runId: number, modelId: string, threshold: number | null = null): Promise<LoadedModel> {
    return loadParsedModel(await this.file(runId, modelId, threshold), `model "${modelId}" of run ${runId}`);
  }

  private async rebuild(runId: number, modelId: string): Promise<string> {
    const record = this.runs.record(runId);
    if (!record || record.status !== 'complete') {
      throw new ApiError('not-found', `Run ${runId} did not finish, so it has no fitted models to save.`);
    }
    if (!record.models.some((m) => m.modelId === modelId)) {
      throw new ApiError('not-found', `Run ${runId} has no model "${modelId}"; its models are ${record.models.map((m) => `"${m.modelId}"`).join(', ')}.`);
    }
    const recipe = getRunRecipe(this.wb.db, runId);
    const dataset = listDatasets(this.wb.db).find((d) => d.contentHash === record.dataset.contentHash && record.dataset.contentHash !== null);
    if (!recipe || !dataset) {
      throw new ApiError(
        'conflict',
        `Run ${runId} finished before Assay kept model files, and ${!recipe ? 'its recipe no longer reads' : `the data it ran on ("${record.dataset.name}") is no longer in this project`}, so its fitted preparation cannot be rebuilt. ${!recipe ? 'Run its recipe again.' : 'Import that file again, or run the recipe again.'}`,
      );
    }
    const prepared = await this.prepare(this.wb.db, dataset, recipe);
    const preparation = buildPreparation(recipe, prepared.learned, dataset.columns, record.features);
    const texts = record.models
      .filter((m) => !m.partial && m.model)
      .map((m) => ({ modelId: m.modelId, text: modelFileText(buildModelFile({ record, modelId: m.modelId, runId, preparation })) }));
    const stored = await Promise.all(texts.map((f) => compressModelFile(f.modelId, f.text)));
    await this.wb.write((db) => saveRunModels(db, runId, stored));
    const mine = texts.find((f) => f.modelId === modelId);
    if (!mine) throw new ApiError('conflict', `Model "${modelId}" of run ${runId} was not refitted (the run stopped first), so there is no fitted model to save.`);
    return mine.text;
  }
}
