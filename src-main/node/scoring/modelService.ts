/**
 * The model.* API methods: a run's model as a `.assaymodel` file, and
 * checking and scoring a dataset with a model from a run or from a file.
 */
import { basename } from 'node:path';
import type { Progress } from '../../core/api/contract';
import { modelFileName, modelFileText } from '../../core/modelFile/buildModelFile';
import type { LoadedModel } from '../../core/modelFile/readModelFile';
import { checkColumns } from '../../core/scoring/columnCheck';
import { modelSummary, type ModelCheck, type ScoreOutcome } from '../../core/scoring/scoreTypes';
import type { Workbench } from '../app/workbench';
import { loadModelFile } from '../modelFile/loadModelFile';
import type { RunModelSource } from '../modelFile/runModelSource';
import { getDataset } from '../store/datasets';
import { scoreDataset } from './scoreDataset';

/** Where a model comes from: a model of a stored run, or a model file on the host (opened, or uploaded to a path). */
export type ModelSource = { runId: number; modelId: string } | { path: string; displayName?: string };

export class ModelService {
  constructor(
    private readonly wb: Workbench,
    private readonly runModels: RunModelSource,
  ) {}

  /** "Save model…": the file's name and its text as base64, at the Runs view's threshold when one is given. */
  async file(runId: number, modelId: string, threshold: number | null = null): Promise<{ fileName: string; mime: 'application/json'; data: string; bytes: number }> {
    const text = modelFileText(await this.runModels.file(runId, modelId, threshold));
    const bytes = Buffer.from(text, 'utf8');
    return { fileName: modelFileName(modelId), mime: 'application/json', data: bytes.toString('base64'), bytes: bytes.length };
  }

  async load(source: ModelSource): Promise<{ model: LoadedModel; name: string }> {
    if ('runId' in source) {
      return { model: await this.runModels.load(source.runId, source.modelId), name: `model "${source.modelId}" of run ${source.runId}` };
    }
    const display = source.displayName ?? basename(source.path);
    return { model: await loadModelFile(this.wb.resolvePath(source.path), display), name: display };
  }

  async check(source: ModelSource, datasetId: number): Promise<ModelCheck> {
    const { model } = await this.load(source);
    const info = getDataset(this.wb.db, datasetId);
    return { model: modelSummary(model.file), check: checkColumns(model.file.preparation.columns, info.columns, model.file.target.column) };
  }

  async score(
    input: { source: ModelSource; datasetId: number; threshold?: number | null; keepColumns?: boolean; name?: string },
    ctx: { signal?: AbortSignal; progress?(p: Progress): void },
  ): Promise<ScoreOutcome> {
    const { model, name } = await this.load(input.source);
    return scoreDataset(this.wb, {
      model,
      modelName: name,
      datasetId: input.datasetId,
      threshold: input.threshold,
      keepColumns: input.keepColumns,
      name: input.name,
      signal: ctx.signal,
      onProgress: ctx.progress,
    });
  }
}
