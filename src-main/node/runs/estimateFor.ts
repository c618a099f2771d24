import { availableParallelism } from 'node:os';
import type Database from 'better-sqlite3';
import { parseRecipe } from '../../core/recipe/schema';
import { approxFeatureCount, approxHeldOutRows, approxTrainRows, estimateRun } from '../../core/search/estimate';
import type { RunEstimate } from '../../core/search/runSummary';
import { getDataset, listDatasets } from '../store/datasets';
import { runFitStats } from '../store/runs';

const MAX_ESTIMATED_CLASSES = 100;

/** `run.estimate`: the recipe's search size on the chosen (or named) dataset, timed by its shape and this project's past runs. */
export function estimateFor(db: Database.Database, data: unknown, datasetId?: number): RunEstimate {
  const recipe = parseRecipe(data, 'recipe');
  const dataset = datasetId !== undefined ? getDataset(db, datasetId) : listDatasets(db).find((d) => d.name === recipe.dataset.name);
  const shape = dataset
    ? {
        trainRows: approxTrainRows(recipe, dataset.rows),
        heldOutRows: approxHeldOutRows(recipe, dataset.rows),
        features: approxFeatureCount(recipe, dataset.columns),
        // The target's distinct values (missing ones aside) stand for its classes; a numeric target past any class count is left at two.
        classes: Math.max(2, Math.min(MAX_ESTIMATED_CLASSES, dataset.columns.find((c) => c.name === recipe.target.column)?.distinct ?? 2)),
      }
    : { trainRows: 0, heldOutRows: 0, features: 1 };
  return estimateRun(recipe, shape, availableParallelism(), runFitStats(db));
}
