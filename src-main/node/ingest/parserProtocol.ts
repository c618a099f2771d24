import { ApiError, type ApiErrorCode, type SourceLocation } from '../../core/api/errors';
import type { ParseSummary, RowBatch } from '../../core/ingest/delimitedParser';
import { InvalidTextError, type TextEncodingName } from '../../core/ingest/encoding';
import type { EncodedColumnChunk } from '../store/columnChunkBuilder';

/** `workerData` of a worker started to checkpoint a project's WAL instead of parsing. */
export interface CheckpointTask {
  task: 'checkpoint';
  /** The project file. */
  path: string;
  /** Absolute path of the better-sqlite3 module to load. */
  sqlite: string;
}

/** Messages to the parser worker, in order: chunks of the file, then `end`. */
export type ToWorker = { t: 'chunk'; bytes: Uint8Array } | { t: 'end' };

/**
 * Messages from the parser worker. `consumed` follows each chunk, after its
 * batches; `columns` carries the column chunks of the rows batched so far
 * (their buffers transferred), the last ones before `done`.
 */
export type FromWorker =
  | { t: 'ready' }
  | { t: 'batch'; b: RowBatch }
  | { t: 'columns'; chunks: EncodedColumnChunk[] }
  | { t: 'consumed' }
  | { t: 'done'; summary: ParseSummary }
  | { t: 'error'; error: SerializedError }
  | { t: 'checkpointed'; frames: number; log: number };

export type SerializedError =
  | { kind: 'api'; code: ApiErrorCode; message: string; location?: SourceLocation }
  | { kind: 'text'; encoding: TextEncodingName; offset: number }
  | { kind: 'other'; message: string };

export function serializeError(e: unknown): SerializedError {
  if (e instanceof ApiError) return { kind: 'api', code: e.code, message: e.message, location: e.location };
  if (e instanceof InvalidTextError) return { kind: 'text', encoding: e.encoding, offset: e.offset };
  return { kind: 'other', message: (e as Error)?.message ?? String(e) };
}

export function deserializeError(s: SerializedError): Error {
  if (s.kind === 'api') return new ApiError(s.code, s.message, s.location);
  if (s.kind === 'text') return new InvalidTextError(s.encoding, s.offset);
  return new Error(s.message);
}
