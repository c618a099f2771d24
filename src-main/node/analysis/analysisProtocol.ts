import { ApiError, type ApiErrorData } from '../../core/api/errors';
import type { AnalysisResults, AnalysisTask } from './analysisTasks';

export interface AnalysisRequest {
  id: number;
  /** The open project's SQLite file. */
  dbPath: string;
  task: AnalysisTask;
}

export type SerializedError = ApiErrorData | { code: null; message: string };

export type AnalysisResponse =
  | { id: number; ok: true; result: AnalysisResults[AnalysisTask['op']] }
  | { id: number; ok: false; error: SerializedError };

/** Keeps an ApiError's code and location across the thread boundary (structured clone drops the class). */
export function serializeApiError(e: unknown): SerializedError {
  if (e instanceof ApiError) return e.toJSON();
  return { code: null, message: (e as Error)?.message ?? String(e) };
}

export function deserializeApiError(e: SerializedError): Error {
  return e.code === null ? new Error(e.message) : ApiError.from(e);
}
