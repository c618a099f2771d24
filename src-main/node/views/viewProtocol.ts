import type { DatasetInfo } from '../../core/data/columns';
import type { GridQuery } from '../../core/data/query';
import type { SerializedError } from '../analysis/analysisProtocol';
import type { ViewBuildProgress } from './viewOrder';

/** Host → view thread: read the order of `query`'s view. */
export interface ViewBuildRequest {
  id: number;
  /** The open project's SQLite file. */
  dbPath: string;
  info: DatasetInfo;
  dataTable: string;
  query: GridQuery;
  /** One Int32; the host stores 1 to stop the build (the thread polls it between rows). */
  cancel: SharedArrayBuffer;
}

/**
 * View thread → host. `stale`: the thread's snapshot of the project is not
 * the dataset the host described (a write the host has not committed yet),
 * so the host must build the view on its own connection.
 */
export type ViewBuildResponse =
  | { id: number; type: 'progress'; progress: ViewBuildProgress }
  | { id: number; type: 'built'; order: Uint32Array }
  | { id: number; type: 'stale'; message: string }
  | { id: number; type: 'failed'; error: SerializedError };
