/**
 * One entry for every export format: the file's bytes, its usual extension
 * and media type, and notes the caller shows the analyst (renamed features,
 * a decision threshold the file records but does not apply).
 */
import { ApiError } from '../api/errors';
import type { FittedClassifier } from '../ml/types';
import { modelFileName } from '../modelFile/buildModelFile';
import type { LoadedModel } from '../modelFile/readModelFile';
import { MODEL_FILE_EXTENSION } from '../modelFile/schema';
import type { ExportInfo } from './exportableModel';
import { EXPORT_FORMATS, type ExportFormat } from './exportFormats';
import { exportOnnx } from './onnxExport';
import { exportXgboostJson } from './xgboostJson';

export interface ExportedModel {
  bytes: Uint8Array;
  /** With the dot: ".json", ".onnx". */
  extension: string;
  mime: string;
  notes: string[];
}

function thresholdNote(info: ExportInfo, format: ExportFormat): string[] {
  if (info.threshold == null || info.threshold === 0.5) return [];
  const positive = info.positiveClass ?? info.classes[info.classes.length - 1];
  const where = format === 'onnx' ? 'the ONNX "label" output uses 0.5 instead' : 'the XGBoost model outputs the probability only';
  return [`The model's decision threshold is ${info.threshold}: predict ${positive} when its probability is above it; ${where}.`];
}

export function exportModel(model: FittedClassifier, format: ExportFormat, info: ExportInfo): ExportedModel {
  switch (format) {
    case 'xgboost': {
      const { bytes, renamed } = exportXgboostJson(model, info);
      const notes = renamed.length
        ? [`XGBoost refuses feature names holding [, ] or <, or repeated; renamed in the file: ${renamed.map(([a, b]) => `"${a}" → "${b}"`).join(', ')}.`]
        : [];
      return { bytes, extension: '.json', mime: 'application/json', notes: [...notes, ...thresholdNote(info, format)] };
    }
    case 'onnx':
      return { bytes: exportOnnx(model, info), extension: '.onnx', mime: 'application/octet-stream', notes: thresholdNote(info, format) };
    default:
      throw new ApiError('bad-input', `Unknown export format "${String(format)}"; the formats are ${EXPORT_FORMATS.join(' and ')}.`);
  }
}

/** What a `.assaymodel` file tells the exporters: its features, classes, threshold and origin. */
export function exportInfoOf(loaded: LoadedModel): ExportInfo {
  const { run, model } = loaded.file;
  const where = run.id === null ? 'a run made with assay run' : `run ${run.id}${run.title ? ` "${run.title}"` : ''}`;
  return {
    features: loaded.features,
    classes: loaded.classes,
    positiveClass: loaded.positiveClass,
    threshold: loaded.threshold,
    source: `model "${model.id}" of ${where}, trained on ${loaded.file.training.dataset}`,
  };
}

/** The exported file's name: the model id made safe for a file name, as a model file's is, with `extension`. */
export function exportFileName(modelId: string, extension: string): string {
  return `${modelFileName(modelId).slice(0, -MODEL_FILE_EXTENSION.length)}${extension}`;
}

export interface ExportedFile {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
  notes: string[];
}

/** A model file's model exported, named after its model id; `threshold` (when given) replaces the file's own in what is recorded. */
export function exportModelFile(loaded: LoadedModel, format: ExportFormat, threshold?: number | null): ExportedFile {
  const info = exportInfoOf(loaded);
  const exported = exportModel(loaded.model, format, threshold === undefined ? info : { ...info, threshold });
  return { fileName: exportFileName(loaded.file.model.id, exported.extension), mime: exported.mime, bytes: exported.bytes, notes: exported.notes };
}
