import { EXPORT_FORMATS, type ExportFormat } from '../../../../src-main/core/modelExport/exportFormats';
import { modelLabel } from '../train/trainForm';

export interface ExportChoice {
  format: ExportFormat;
  label: string;
  /** What the file is for. */
  detail: string;
  /** Why this model cannot be written in the format; null when it can. */
  unavailable: string | null;
}

const LABELS: Record<ExportFormat, { label: string; detail: string }> = {
  xgboost: { label: 'XGBoost JSON', detail: 'xgboost.Booster().load_model() reads it; gradient boosting only.' },
  onnx: { label: 'ONNX', detail: 'ai.onnx.ml, for onnxruntime and other ONNX tools; every model type.' },
};

/** The export formats for a model of `type`, each with why it does not apply when it does not (as the host would refuse it). */
export function exportChoices(type: string): ExportChoice[] {
  return EXPORT_FORMATS.map((format) => ({
    format,
    ...LABELS[format],
    unavailable:
      format === 'xgboost' && type !== 'gradientBoosting'
        ? `XGBoost JSON holds gradient-boosted trees only; this model is a ${modelLabel(type).toLowerCase()}. Export it as ONNX instead.`
        : null,
  }));
}

/** The format chosen first: XGBoost JSON for gradient boosting (its own format), ONNX otherwise. */
export function defaultExportFormat(type: string): ExportFormat {
  return exportChoices(type).find((c) => c.unavailable === null)!.format;
}
