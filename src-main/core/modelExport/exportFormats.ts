/** The formats a fitted model can be exported to (its own module: the API contract and the renderer need only the names). */
export const EXPORT_FORMATS = ['xgboost', 'onnx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(s: unknown): s is ExportFormat {
  return typeof s === 'string' && (EXPORT_FORMATS as readonly string[]).includes(s);
}
