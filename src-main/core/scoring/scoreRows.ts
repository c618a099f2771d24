/**
 * Scoring raw rows with a loaded model: prepare them with the kept
 * preparation, predict the rows that can be scored, and decide each class
 * with the decision rule every view uses (positive iff p(positive) > the
 * threshold; the most probable class for more than two classes). A row that cannot be scored keeps its place with empty
 * probabilities, no prediction and a note naming the column; a row scored
 * with a value the run never saw (a getDummies category, encoded as all
 * zeros as the run did) is scored and its note says so.
 */
import { ApiError } from '../api/errors';
import { DEFAULT_THRESHOLD, predictFromProba, predictsPositive } from '../metrics/thresholds';
import type { LoadedModel } from '../modelFile/readModelFile';
import { takeRows } from '../ml/types';
import type { Frame } from '../recipe/frame';
import { applyPreparation } from './applyPreparation';

export interface ScoredRows {
  rows: number;
  /** Row-major n × k in `classes` order; NaN for a row that was not scored. */
  proba: Float64Array;
  /** Class index per row (into `classes`); -1 for a row that was not scored. */
  predicted: Int32Array;
  /** Why a row was not scored; for a scored row, what it was scored with (or null). */
  notes: (string | null)[];
}

/** Logistic regression cannot take a missing feature; tree models route it by the side learned for it. */
function handlesMissing(model: LoadedModel): boolean {
  return model.file.model.fitted.kind !== 'logisticRegression';
}

/**
 * Scores every row of `raw`; rows with a note in `known` (a value that could
 * not be read, say) are not scored and keep that note.
 */
/**
 * `threshold` decides two classes (positive iff p(positive) > it); a model of
 * more classes predicts the most probable one (ties to the first), so it
 * takes null.
 */
export function scoreRows(model: LoadedModel, raw: Frame, threshold: number | null, known?: readonly (string | null)[]): ScoredRows {
  const prepared = applyPreparation(model.file.preparation, raw);
  const { X } = prepared;
  // A value that could not be read is also missing to the steps: its own note says it better, alone.
  const notes = known ? prepared.notes.map((n, i) => known[i] ?? n) : prepared.notes;
  const n = X.rows;
  if (!handlesMissing(model)) {
    model.file.preparation.features.forEach((f, j) => {
      const col = X.columns[j];
      for (let i = 0; i < n; i++) {
        if (notes[i] === null && Number.isNaN(col[i])) {
          notes[i] = `missing value in "${f.from[0] ?? f.name}"`;
        }
      }
    });
  }
  const ok: number[] = [];
  for (let i = 0; i < n; i++) if (notes[i] === null) ok.push(i);
  // A scored row's note says what it was scored with (a category not seen in training).
  for (const i of ok) notes[i] = prepared.warnings[i];
  const k = model.classes.length;
  const proba = new Float64Array(n * k).fill(NaN);
  const predicted = new Int32Array(n).fill(-1);
  if (ok.length > 0) {
    const p = model.model.predictProba(ok.length === n ? X : takeRows(X, ok));
    if (p.classes !== k) throw new ApiError('internal', `The model predicts ${p.classes} classes but its file lists ${k}.`);
    const labels = k === 2 ? null : predictFromProba(p);
    ok.forEach((row, r) => {
      for (let c = 0; c < k; c++) proba[row * k + c] = p.data[r * k + c];
      predicted[row] = labels ? labels[r] : predictsPositive(p.data[r * 2 + 1], threshold ?? DEFAULT_THRESHOLD) ? 1 : 0;
    });
  }
  return { rows: n, proba, predicted, notes };
}
