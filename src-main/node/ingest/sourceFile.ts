import { statSync, type Stats } from 'node:fs';
import { ApiError } from '../../core/api/errors';

/** What a file looked like when an import started, to notice it changing underneath. */
export interface FileSnapshot {
  path: string;
  display: string;
  size: number;
  mtimeMs: number;
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

export function snapshotFile(path: string, display: string): FileSnapshot {
  const st = statOrNull(path);
  if (!st) throw new ApiError('not-found', `${display} does not exist or cannot be read.`, { file: display });
  if (!st.isFile()) throw new ApiError('bad-input', `${display} is not a file.`, { file: display });
  if (st.size === 0) throw new ApiError('bad-input', `${display} is empty: it has no header and no rows.`, { file: display });
  return { path, display, size: st.size, mtimeMs: st.mtimeMs };
}

/** Throws when the file was deleted, replaced or modified since the snapshot. */
export function assertUnchanged(snap: FileSnapshot): void {
  const st = statOrNull(snap.path);
  if (!st) {
    throw new ApiError('bad-input', `${snap.display} disappeared during the import; nothing was imported.`, {
      file: snap.display,
    });
  }
  if (st.size !== snap.size || st.mtimeMs !== snap.mtimeMs) {
    throw new ApiError('bad-input', `${snap.display} changed during the import; nothing was imported. Import it again once it is complete.`, {
      file: snap.display,
    });
  }
}
