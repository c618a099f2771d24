import type Database from 'better-sqlite3';
import { ApiError } from '../../core/api/errors';
import type { DatasetInfo } from '../../core/data/columns';
import type { Recipe } from '../../core/recipe/schema';
import { exportRecipe, recipeExportFileName, type RecipeExportFormat } from '../../core/recipeExport/exportRecipe';
import { listDatasets } from '../store/datasets';
import { getRecipe } from '../store/recipes';
import { getRunRecipe, getRunSummary } from '../store/runs';

/** A saved recipe, or the copy of its recipe a run kept. */
export type RecipeExportSource = { recipeId: number } | { runId: number };

export interface RecipeExportRequest {
  source: RecipeExportSource;
  format: RecipeExportFormat;
  dask: boolean;
}

/** "Export as Python…": the file as text, with what the analyst should know before running it. */
export interface RecipeExportFile {
  fileName: string;
  mime: string;
  data: string;
  notes: string[];
}

/**
 * The dataset a recipe (or run) ran on: the one with the recorded content,
 * preferring the recorded name; by name alone when no content was recorded.
 */
function datasetFor(db: Database.Database, name: string, contentHash: string | null): DatasetInfo | null {
  const all = listDatasets(db);
  if (contentHash === null) return all.find((d) => d.name === name) ?? null;
  const same = all.filter((d) => d.contentHash === contentHash);
  return same.find((d) => d.name === name) ?? same[0] ?? null;
}

function sourceRecipe(db: Database.Database, source: RecipeExportSource): { recipe: Recipe; dataset: DatasetInfo | null } {
  if ('recipeId' in source) {
    const { recipe } = getRecipe(db, source.recipeId);
    return { recipe, dataset: datasetFor(db, recipe.dataset.name, recipe.dataset.contentHash) };
  }
  const run = getRunSummary(db, source.runId);
  const recipe = getRunRecipe(db, source.runId);
  if (!recipe) throw new ApiError('conflict', `Run ${source.runId} kept no readable copy of its recipe, so it cannot be exported; export its recipe from Prepare instead.`);
  return { recipe, dataset: datasetFor(db, run.datasetName, run.datasetHash) };
}

/**
 * The recipe as a scikit-learn script or notebook. The project keeps the name
 * of the file a dataset was imported from, not its folder, so the program
 * reads that file from its own folder (a script also takes another as its
 * first argument); with no dataset found it asks for one.
 */
export function recipeExportFile(db: Database.Database, request: RecipeExportRequest): RecipeExportFile {
  const { recipe, dataset } = sourceRecipe(db, request.source);
  const dataPath = dataset?.sourceName ?? null;
  const fileName = recipeExportFileName(recipe.name, request.format);
  const exported = exportRecipe(recipe, { format: request.format, dask: request.dask, dataPath, fileName });
  const where = request.format === 'notebook' ? 'change DATA in its data-file cell' : 'or give the data file as its first argument';
  const dataNote =
    dataPath === null
      ? `No dataset of this project matches "${recipe.dataset.name}", so the program names no data file: ${request.format === 'notebook' ? 'set DATA in its data-file cell' : 'give it as its first argument'}.`
      : `The program reads ${dataPath} from its own folder (the file "${dataset!.name}" was imported from): save it beside that file, ${where}.`;
  return { fileName: exported.fileName, mime: exported.mime, data: exported.text, notes: [...exported.notes, dataNote] };
}
