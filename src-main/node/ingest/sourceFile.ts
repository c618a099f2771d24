import { closeSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { ApiError } from '../../core/api/errors';
import { linesOfOffsets } from '../../core/ingest/lineCounter';

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

/** Why the system would not read a file, in words (for the codes a source file can give). */
const UNREADABLE_REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  EIO: 'an input/output error',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
};

/**
 * The product's wording for a source file that the system refuses to open or
 * read (`EACCES: permission denied, open '/…'` is Node's, and names the whole
 * path); null for anything that is not such an error, which the caller
 * rethrows as it is.
 */
export function unreadableSourceError(e: unknown, display: string): ApiError | null {
  if (e instanceof ApiError) return e;
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return new ApiError('bad-input', `${display} disappeared during the import; nothing was imported.`, { file: display });
  const reason = code ? UNREADABLE_REASONS[code] : undefined;
  return reason ? new ApiError('bad-input', `${display} cannot be read (${reason}).`, { file: display }) : null;
}

const LINE_SCAN_CHUNK = 1 << 20;

/**
 * The physical line of each byte offset (ascending) of a file, for messages;
 * reads only as far as the last offset.
 */
export function linesAtOffsets(path: string, offsets: readonly number[]): number[] {
  if (offsets.length === 0) return [];
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(LINE_SCAN_CHUNK);
    let position = 0;
    return linesOfOffsets(offsets, () => {
      const n = readSync(fd, buf, 0, buf.length, position);
      position += n;
      return n > 0 ? buf.subarray(0, n) : null;
    });
  } finally {
    closeSync(fd);
  }
}
