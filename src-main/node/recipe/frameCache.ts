import type Database from 'better-sqlite3';
import type { DatasetInfo } from '../../core/data/columns';
import type { Frame } from '../../core/recipe/frame';
import { loadDatasetFrame } from './loadFrame';

const SIZE = 2;
const cache = new Map<string, Frame>();

/**
 * A dataset's frame, kept for the last few dataset versions so repeated
 * charts and previews do not reread SQLite. The key changes with the data
 * (content hash, rows) and with any column-kind override.
 */
export function datasetFrame(db: Database.Database, info: DatasetInfo): Frame {
  const key = JSON.stringify([db.name, info.id, info.contentHash, info.rows, info.columns.map((c) => c.kind)]);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const frame = loadDatasetFrame(db, info);
  cache.set(key, frame);
  while (cache.size > SIZE) cache.delete(cache.keys().next().value!);
  return frame;
}
