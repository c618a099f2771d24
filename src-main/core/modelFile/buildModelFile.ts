/**
 * A model file from a finished run: one of its models (the refitted best
 * candidate, whose fitted form the run record keeps) with the run's fitted
 * preparation, classes, threshold and provenance.
 */
import { ApiError } from '../api/errors';
import { fittedModelSchema } from '../ml/restore';
import type { RunRecord } from '../search/runRecord';
import type { Preparation } from '../scoring/fittedSteps';
import { checkThreshold } from '../scoring/threshold';
import { ASSAY_VERSION } from '../version';
import { modelFileProblem } from './consistency';
import { safeFileStem } from './fileNames';
import { MODEL_FILE_EXTENSION, MODEL_FILE_FORMAT, MODEL_FILE_VERSION, modelFileSchema, type AssayModelFile } from './schema';

export interface ModelFileSource {
  record: RunRecord;
  modelId: string;
  /** The run's id in its project; null outside one. */
  runId: number | null;
  runTitle?: string | null;
  preparation: Preparation;
  /** The Runs view's chosen threshold; null (the default) keeps the argmax rule. */
  threshold?: number | null;
  createdAt?: string;
}

function recipeTarget(recipe: unknown): { column: string; positive: string | null } | null {
  const t = (recipe as { target?: { column?: unknown; positive?: unknown } } | null)?.target;
  return t && typeof t.column === 'string' ? { column: t.column, positive: typeof t.positive === 'string' ? t.positive : null } : null;
}

export function buildModelFile(s: ModelFileSource): AssayModelFile {
  const { record } = s;
  const run = s.runId === null ? 'This run' : `Run ${s.runId}`;
  const m = record.models.find((x) => x.modelId === s.modelId);
  if (!m) {
    throw new ApiError('not-found', `${run} has no model "${s.modelId}"; its models are ${record.models.map((x) => `"${x.modelId}"`).join(', ') || 'none'}.`);
  }
  if (m.partial || m.model === null || m.model === undefined) {
    throw new ApiError('conflict', `Model "${s.modelId}" of ${run.toLowerCase()} was not refitted (the run stopped first), so there is no fitted model to save.`);
  }
  const fitted = fittedModelSchema.safeParse(m.model);
  if (!fitted.success) throw new ApiError('internal', `The fitted model "${s.modelId}" of ${run.toLowerCase()} cannot be read back: ${fitted.error.issues[0].message}.`);
  const target = recipeTarget(record.recipe);
  if (!target) throw new ApiError('internal', `${run} kept no recipe target.`);
  const binary = record.classes.length === 2;
  if (binary && target.positive !== record.classes[1]) throw new ApiError('internal', `${run}'s classes ${record.classes.join(', ')} do not end in its positive class "${target.positive}".`);
  if (!binary && target.positive !== null) throw new ApiError('internal', `${run} has ${record.classes.length} classes but its recipe names a positive class "${target.positive}".`);
  if (s.threshold !== undefined && s.threshold !== null) {
    if (!binary) throw new ApiError('bad-input', `A threshold applies to two classes; model "${s.modelId}" predicts ${record.classes.length} (${record.classes.join(', ')}) and always takes the most probable one.`);
    checkThreshold(s.threshold);
  }
  const file: AssayModelFile = {
    format: MODEL_FILE_FORMAT,
    version: MODEL_FILE_VERSION,
    assayVersion: ASSAY_VERSION,
    createdAt: s.createdAt ?? new Date().toISOString(),
    run: { id: s.runId, title: s.runTitle ?? null, startedAt: record.startedAt, assayVersion: record.assayVersion },
    model: { id: m.modelId, type: m.type as AssayModelFile['model']['type'], params: m.bestParams, fitted: fitted.data },
    recipe: record.recipe as Record<string, unknown>,
    target: { column: target.column, classes: [...record.classes], positiveClass: binary ? target.positive : null },
    threshold: s.threshold ?? null,
    training: { dataset: record.dataset.name, contentHash: record.dataset.contentHash, rows: record.rows },
    preparation: s.preparation,
  };
  // What is written must read back: a run whose parts do not fit the format is refused here, not when the file is opened.
  const check = modelFileSchema.safeParse(file);
  if (!check.success) throw new ApiError('internal', `The model file for "${s.modelId}" would be damaged: ${check.error.issues[0].path.join('.')}: ${check.error.issues[0].message}.`);
  const problem = modelFileProblem(check.data);
  if (problem) throw new ApiError('internal', `The model file for "${s.modelId}" would be refused when opened: ${problem}.`);
  return file;
}

/** The file's text: compact JSON (a forest's trees are most of it). */
export function modelFileText(file: AssayModelFile): string {
  return JSON.stringify(file);
}

/** `<modelId>.assaymodel`, the id made a safe file name (./fileNames). */
export function modelFileName(modelId: string): string {
  return `${safeFileStem(modelId)}${MODEL_FILE_EXTENSION}`;
}
