/**
 * Reading a `.assaymodel` document: every refusal names the file and says
 * what is wrong — empty, not JSON (with line and column), not a model file,
 * written by a newer Assay, damaged (with the JSON path of each problem), or
 * with parts that disagree (./consistency), or a tree of a bad shape (the
 * tree, its JSON path and the node).
 */
import type { ZodIssue } from 'zod';
import { ApiError } from '../api/errors';
import { jsonErrorLocation, jsonErrorReason, withoutBom } from '../data/jsonSyntax';
import { restoreFromJson } from '../ml/restore';
import type { FittedClassifier } from '../ml/types';
import { ASSAY_VERSION } from '../version';
import { modelFileProblem } from './consistency';
import { MODEL_FILE_FORMAT, MODEL_FILE_VERSION, modelFileSchema, type AssayModelFile } from './schema';

/** A model file read back, with its model ready to predict. */
export interface LoadedModel {
  file: AssayModelFile;
  model: FittedClassifier;
  features: string[];
  /** Two classes: [negative, positive]. More: the sorted classes. */
  classes: string[];
  /** null for more than two classes. */
  positiveClass: string | null;
  /** The file's decision threshold; null = the argmax rule. */
  threshold: number | null;
}

function jsonPath(path: readonly PropertyKey[]): string {
  let s = '$';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : `.${String(p)}`;
  return s;
}

function issueText(i: ZodIssue): string {
  return `${jsonPath(i.path)}: ${i.message}`;
}

/** Parses and checks the text of a model file; `file` is the name messages use. */
export function parseModelFile(text: string, file: string): AssayModelFile {
  const json = withoutBom(text);
  if (json.trim() === '') throw new ApiError('bad-input', `${file} is empty: it holds no model.`, { file });
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    const at = jsonErrorLocation(json, e as Error);
    throw new ApiError(
      'bad-input',
      `${file}${at ? `, line ${at.line}, column ${at.column}` : ''}: not valid JSON (${jsonErrorReason(e as Error)}); the model file is damaged.`,
      { file, ...(at ?? {}) },
    );
  }
  const doc = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  if (!doc || doc.format !== MODEL_FILE_FORMAT) {
    throw new ApiError('bad-input', `${file} is not an Assay model file (it has no "format": "${MODEL_FILE_FORMAT}").`, { file });
  }
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new ApiError('bad-input', `${file} is damaged: its "version" is ${JSON.stringify(version) ?? 'missing'}, not a model file version.`, { file });
  }
  if (version > MODEL_FILE_VERSION) {
    const by = typeof doc.assayVersion === 'string' ? doc.assayVersion : 'a newer version';
    throw new ApiError(
      'bad-input',
      `${file} was made by Assay ${by} (model file version ${version}); this is Assay ${ASSAY_VERSION}, which reads model files up to version ${MODEL_FILE_VERSION}. Open it with a newer Assay.`,
      { file },
    );
  }
  const r = modelFileSchema.safeParse(doc);
  if (!r.success) {
    const lines = r.error.issues.slice(0, 6).map(issueText);
    const more = r.error.issues.length > 6 ? `\n  … and ${r.error.issues.length - 6} more` : '';
    throw new ApiError('bad-input', `${file} is damaged:\n  ${lines.join('\n  ')}${more}`, { file });
  }
  const m = r.data;
  const problem = modelFileProblem(m);
  if (problem) throw new ApiError('bad-input', `${file} is damaged: ${problem}.`, { file });
  return m;
}

/** The model of a checked file, restored (a damaged tree is refused naming the file). */
export function loadParsedModel(file: AssayModelFile, name: string): LoadedModel {
  let model: FittedClassifier;
  try {
    model = restoreFromJson(file.model.fitted, '$.model.fitted.');
  } catch (e) {
    if (e instanceof ApiError) throw new ApiError('bad-input', `${name}: ${e.message}`, { file: name });
    throw e;
  }
  return {
    file,
    model,
    features: file.preparation.features.map((f) => f.name),
    classes: [...file.target.classes],
    positiveClass: file.target.positiveClass,
    threshold: file.threshold,
  };
}

/** Text → a model ready to score, or a refusal naming `name`. */
export function readModelFile(text: string, name: string): LoadedModel {
  return loadParsedModel(parseModelFile(text, name), name);
}
