/**
 * Scores a dataset of the project and keeps the predictions as a new
 * dataset: every row in order, with `row`, `prediction`, `p_<class>` per
 * class and `note` (after the input columns, when kept). The table is
 * written as a CSV and imported, so the new dataset is typed, hashed and
 * stored exactly as any imported file; its notes say which model and
 * threshold made it.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiError, cancelledError } from '../../core/api/errors';
import type { Progress } from '../../core/api/contract';
import type { DatasetInfo } from '../../core/data/columns';
import type { Cell } from '../../core/data/spreadsheetSafe';
import type { LoadedModel } from '../../core/modelFile/readModelFile';
import { makeFrame, takeFrameRows, type Frame } from '../../core/recipe/frame';
import { checkColumns, columnCheckMessage } from '../../core/scoring/columnCheck';
import { LabelTally } from '../../core/scoring/labelTally';
import { predictionHeader, predictionRow } from '../../core/scoring/predictionTable';
import { scoreRows } from '../../core/scoring/scoreRows';
import { modelSummary, type ScoreOutcome } from '../../core/scoring/scoreTypes';
import { scoringThreshold } from '../../core/scoring/threshold';
import type { Workbench } from '../app/workbench';
import { datasetFrame } from '../recipe/frameCache';
import { getDataset } from '../store/datasets';

export interface ScoreDatasetOptions {
  model: LoadedModel;
  datasetId: number;
  threshold?: number | null;
  /** Keep the dataset's columns before the predictions (default true). */
  keepColumns?: boolean;
  /** The new dataset's name (made unique); default "<dataset> · <model> predictions". */
  name?: string;
  /** How the model is named in the new dataset's notes. */
  modelName: string;
  signal?: AbortSignal;
  onProgress?(p: Progress): void;
  chunkRows?: number;
}

/** RFC 4180 as the import reads it: the text as it is (the file is read back by Assay, not opened in a spreadsheet). */
function field(c: Cell): string {
  if (c === null) return '';
  if (typeof c === 'number') return Number.isFinite(c) ? String(c) : c > 0 ? 'inf' : c < 0 ? '-inf' : '';
  return /[",\r\n]/.test(c) || c.trim() !== c ? `"${c.replace(/"/g, '""')}"` : c;
}

function cellAt(frame: Frame, name: string, i: number): Cell {
  const c = frame.columns.get(name)!;
  if (c.type === 'number') return Number.isNaN(c.values[i]) ? null : c.values[i];
  return c.values[i];
}

function labelsOf(frame: Frame, target: string): (string | null)[] {
  const c = frame.columns.get(target)!;
  return c.type === 'number' ? Array.from(c.values, (v) => (Number.isNaN(v) ? null : String(v))) : c.values;
}

export async function scoreDataset(wb: Workbench, o: ScoreDatasetOptions): Promise<ScoreOutcome> {
  const info = getDataset(wb.db, o.datasetId);
  const model = o.model;
  const threshold = scoringThreshold(model, o.threshold);
  const target = model.file.target.column;
  const check = checkColumns(model.file.preparation.columns, info.columns, target);
  if (!check.ok) throw new ApiError('bad-input', columnCheckMessage(check, `The dataset "${info.name}"`));
  const frame = datasetFrame(wb.db, info);
  const needed = model.file.preparation.columns.map((c) => c.name);
  const scoring = makeFrame(frame.rows, needed.map((n) => [n, frame.columns.get(n)!]));
  const keep = o.keepColumns ?? true;
  const kept = keep ? info.columns.map((c) => c.name) : [];
  const classes = model.classes;
  const tally = check.hasLabels ? new LabelTally(classes) : null;
  const labels = tally ? labelsOf(frame, target) : null;
  const chunkRows = o.chunkRows ?? 5000;

  const csv = join(tmpdir(), `assay-scores-${randomBytes(6).toString('hex')}.csv`);
  const fd = openSync(csv, 'w');
  let scored = 0;
  let noted = 0;
  try {
    try {
      writeSync(fd, predictionHeader(classes, kept).map(field).join(',') + '\n');
      for (let start = 0; start < frame.rows; start += chunkRows) {
        if (o.signal?.aborted) throw cancelledError(`Scoring "${info.name}"`);
        const idx = Array.from({ length: Math.min(chunkRows, frame.rows - start) }, (_, k) => start + k);
        const result = scoreRows(model, takeFrameRows(scoring, idx), threshold);
        if (tally && labels) tally.add(idx.map((i) => labels[i]), result.predicted);
        let text = '';
        idx.forEach((row, k) => {
          const inputs = kept.map((name) => cellAt(frame, name, row));
          text += predictionRow(result, k, row + 1, classes, inputs).map(field).join(',') + '\n';
          if (result.predicted[k] >= 0) scored++;
          else noted++;
        });
        writeSync(fd, text);
        o.onProgress?.({ done: start + idx.length, total: frame.rows, unit: 'rows', message: `Scoring "${info.name}"` });
        // Let the host answer other requests between chunks.
        await new Promise<void>((r) => setImmediate(r));
      }
    } finally {
      closeSync(fd);
    }
    const name = o.name ?? `${info.name} · ${model.file.model.id} predictions`;
    const made = await wb.importFile({
      path: csv,
      name,
      displayName: `${name}.csv`,
      signal: o.signal,
      onProgress: (p) => o.onProgress?.({ ...p, message: 'Saving the predictions' }),
    });
    const rule =
      threshold === null
        ? `the most probable of ${classes.join(', ')}`
        : `at threshold ${threshold} (${model.positiveClass} when p_${model.positiveClass} > ${threshold})`;
    const note = `Predictions of ${o.modelName} for "${info.name}", ${rule}.`;
    const dataset = await wb.write((db): DatasetInfo => {
      const d = getDataset(db, made.id);
      // The import's own notes describe a file the analyst never saw; this dataset's story is the scoring.
      db.prepare('UPDATE datasets SET notes_json = ? WHERE id = ?').run(JSON.stringify([note]), d.id);
      return getDataset(db, d.id);
    });
    return { dataset, model: modelSummary(model.file), threshold, rows: frame.rows, scored, notes: noted, evaluation: tally ? tally.result() : null };
  } finally {
    rmSync(csv, { force: true });
  }
}
