/** What the model.* API methods answer: a model's summary, its column check, a scoring's outcome. */
import type { DatasetInfo } from '../data/columns';
import type { AssayModelFile } from '../modelFile/schema';
import type { ColumnCheck } from './columnCheck';
import type { RawColumn } from './fittedSteps';
import type { LabelEvaluation } from './labelTally';

export interface ModelSummary {
  modelId: string;
  type: AssayModelFile['model']['type'];
  /** The run it came from, when it came from a run of a project. */
  runId: number | null;
  runTitle: string | null;
  /** Two classes: [negative, positive]. More: the sorted classes. */
  classes: string[];
  /** null for a model of more than two classes (it predicts the most probable class; no threshold applies). */
  positiveClass: string | null;
  /** The file's decision threshold; null = the argmax rule (0.5). */
  threshold: number | null;
  features: number;
  /** The raw columns it needs, with their kind in training. */
  columns: RawColumn[];
  trainedOn: { dataset: string; contentHash: string | null };
}

export interface ModelCheck {
  model: ModelSummary;
  check: ColumnCheck;
}

export interface ScoreOutcome {
  /** The predictions, as a new dataset of the project. */
  dataset: DatasetInfo;
  model: ModelSummary;
  /** null for a model of more than two classes (the most probable class is predicted). */
  threshold: number | null;
  rows: number;
  scored: number;
  /** Rows that could not be scored (their note says why). */
  notes: number;
  /** When the scored dataset has the target column. */
  evaluation: LabelEvaluation | null;
}

export function modelSummary(file: AssayModelFile): ModelSummary {
  return {
    modelId: file.model.id,
    type: file.model.type,
    runId: file.run.id,
    runTitle: file.run.title,
    classes: [...file.target.classes],
    positiveClass: file.target.positiveClass,
    threshold: file.threshold,
    features: file.preparation.features.length,
    columns: file.preparation.columns,
    trainedOn: { dataset: file.training.dataset, contentHash: file.training.contentHash },
  };
}
