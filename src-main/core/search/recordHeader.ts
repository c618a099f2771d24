import type { PreparedData } from '../recipe/pipeline';
import type { Recipe } from '../recipe/schema';
import { ASSAY_VERSION } from '../version';
import { dummyFeatures } from './dummyFeatures';
import type { RunRecord } from './runRecord';

export type RecordHeader = Omit<RunRecord, 'models' | 'champion' | 'seconds' | 'status'>;

/** What a run record says before any model is fitted: the recipe, the dataset, the prepared features and rows, leakage and notes. */
export function recordHeader(recipe: Recipe, prepared: PreparedData, dataset: { name: string; rows: number; contentHash: string | null }, startedAt: string): RecordHeader {
  return {
    recipeName: recipe.name,
    recipe,
    assayVersion: ASSAY_VERSION,
    startedAt,
    dataset: { name: dataset.name, rows: dataset.rows, contentHash: dataset.contentHash, expectedHash: recipe.dataset.contentHash },
    classes: prepared.classes,
    features: prepared.features,
    dummies: dummyFeatures(recipe.steps, prepared.learned, prepared.features),
    rows: { train: prepared.train.y.length, validation: prepared.validation?.y.length ?? 0, test: prepared.test.y.length },
    leakage: prepared.leakage,
    notes: prepared.notes,
  };
}
