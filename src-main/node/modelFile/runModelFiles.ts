import type { ColumnInfo } from '../../core/data/columns';
import { buildModelFile } from '../../core/modelFile/buildModelFile';
import type { AssayModelFile } from '../../core/modelFile/schema';
import type { Recipe } from '../../core/recipe/schema';
import { buildPreparation } from '../../core/scoring/buildPreparation';
import type { RunRecord } from '../../core/search/runRecord';

export interface RunModelFilesInput {
  recipe: Recipe;
  record: RunRecord;
  /** What the run's fitted steps learned (`PreparedData.learned`). */
  learned: Record<number, unknown>;
  /** The training dataset's columns. */
  columns: readonly Pick<ColumnInfo, 'name' | 'kind'>[];
  runId: number | null;
  runTitle?: string | null;
}

/** A model file for every refitted model of a finished run (none for a cancelled run's unfitted models). */
export function runModelFiles(i: RunModelFilesInput): AssayModelFile[] {
  if (i.record.status !== 'complete') return [];
  const preparation = buildPreparation(i.recipe, i.learned, i.columns, i.record.features);
  return i.record.models
    .filter((m) => !m.partial && m.model)
    .map((m) => buildModelFile({ record: i.record, modelId: m.modelId, runId: i.runId, runTitle: i.runTitle, preparation }));
}
