import type Database from 'better-sqlite3';
import type { ChartRequest } from '../../core/charts/request';
import type { DatasetInfo } from '../../core/data/columns';
import type { ProfileView } from '../../core/profile/profileView';
import { previewRecipe, type RecipePreview } from '../../core/recipe/preview';
import { prepare, type PreparedData } from '../../core/recipe/pipeline';
import type { Recipe } from '../../core/recipe/schema';
import { exportChart, type ChartExport } from '../charts/exportChart';
import type { PngScale } from '../charts/renderChart';
import { datasetProfileView } from '../profile/profileDataset';
import { datasetFrame } from '../recipe/frameCache';

/**
 * The read-only analyses of a stored dataset that can take seconds on a large
 * table (loading it whole, profiling, drawing a chart, previewing or preparing a recipe). They run on the
 * analysis thread so the host keeps answering grid pages meanwhile; the same
 * functions run in-process where no thread can be started.
 */
export type AnalysisTask =
  | { op: 'profile'; info: DatasetInfo }
  | { op: 'chart'; info: DatasetInfo; chart: ChartRequest; format: { type: 'svg' | 'png'; width: number; height: number; scale: PngScale } }
  | { op: 'preview'; info: DatasetInfo; recipe: unknown }
  | { op: 'prepare'; info: DatasetInfo; recipe: Recipe };

export interface AnalysisResults {
  profile: ProfileView;
  chart: ChartExport;
  preview: RecipePreview;
  prepare: PreparedData;
}

export type AnalysisResult<T extends AnalysisTask> = AnalysisResults[T['op']];

export function runAnalysis(db: Database.Database, task: AnalysisTask): AnalysisResults[AnalysisTask['op']] {
  switch (task.op) {
    case 'profile':
      return datasetProfileView(db, task.info);
    case 'chart':
      return exportChart(db, task.info, task.chart, task.format);
    case 'preview':
      return previewRecipe(task.recipe, datasetFrame(db, task.info));
    case 'prepare':
      return prepare(task.recipe, datasetFrame(db, task.info));
  }
}
