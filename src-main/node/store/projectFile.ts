import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import Database from 'better-sqlite3';
import { ApiError } from '../../core/api/errors';
import { migrate, SCHEMA_VERSION } from './migrations';
import { sqliteNativeBinding } from './sqliteBinding';

export const PROJECT_EXTENSION = '.assay';
const APPLICATION_ID = 0x41535359; // "ASSY": marks the SQLite file as an Assay project

/** Every connection of a project file opens here, with the addon this process runs (Electron's build in the desktop app). */
function openDatabase(path: string, options: Database.Options = {}): Database.Database {
  return new Database(path, { ...options, nativeBinding: sqliteNativeBinding() });
}

export function projectName(path: string): string {
  return basename(path, extname(path));
}

/** Opens a project's SQLite file with the pragmas every connection needs. */
export function openConnection(path: string, options: { readonly?: boolean } = {}): Database.Database {
  const db = openDatabase(path, { readonly: options.readonly ?? false, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  if (!options.readonly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // A bigger page cache (64 MiB) keeps bulk imports from spilling mid-transaction,
  // and sorts (COUNT(DISTINCT …)) run in memory rather than in temp files.
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  return db;
}

/** Creates a new, empty project file; refuses to overwrite an existing file. */
export function createProjectFile(path: string): void {
  if (existsSync(path)) {
    throw new ApiError('conflict', `${path} already exists; choose another name or open it.`);
  }
  const db = openDatabase(path);
  try {
    // Larger pages: fewer page writes and b-tree levels for row tables. Only
    // settable before the first write, so existing projects keep theirs.
    db.pragma('page_size = 16384');
    db.pragma('journal_mode = WAL');
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(db, path);
    db.prepare('INSERT INTO project_meta (key, value) VALUES (?, ?)').run('created_at', new Date().toISOString());
  } finally {
    db.close();
  }
}

const SQLITE_MAGIC = 'SQLite format 3\0';
const HEADER_BYTES = 100;
/** Where SQLite's header keeps `PRAGMA application_id` (big-endian, 4 bytes). */
const APPLICATION_ID_OFFSET = 68;

function readHeader(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(HEADER_BYTES);
    return buf.subarray(0, readSync(fd, buf, 0, HEADER_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * The application id as committed, WAL included: the header on disk lags
 * behind a WAL that was never checkpointed. Reading a WAL database, even
 * read-only, makes SQLite create its shared-memory index (`-shm`) beside it;
 * one that was not there before is removed again, so the file checked (and
 * refused, if it is another application's) is left as it was found.
 */
function committedApplicationId(path: string): number {
  const shm = `${path}-shm`;
  const hadShm = existsSync(shm);
  try {
    const db = openDatabase(path, { readonly: true, fileMustExist: true });
    try {
      return db.pragma('application_id', { simple: true }) as number;
    } finally {
      db.close();
    }
  } finally {
    if (!hadShm) rmSync(shm, { force: true });
  }
}

/**
 * Refuses a file that is not an Assay project by reading its bytes only.
 * Opening it for writing first would not do: SQLite takes an empty file as a
 * new database, and switching another application's database to WAL
 * rewrites its header, so the refused file would be changed.
 */
export function assertProjectFile(path: string): void {
  const unchanged = 'it was left unchanged';
  const size = statSync(path).size;
  if (size === 0) throw new ApiError('bad-input', `${path} is an empty file (0 bytes), not an Assay project; ${unchanged}.`, { file: path });
  const header = readHeader(path);
  if (header.length < SQLITE_MAGIC.length || header.toString('latin1', 0, SQLITE_MAGIC.length) !== SQLITE_MAGIC) {
    throw new ApiError('bad-input', `${path} is not an Assay project: it is not a SQLite database; ${unchanged}.`, { file: path });
  }
  if (header.length < HEADER_BYTES) {
    throw new ApiError('bad-input', `${path} is a damaged SQLite file (${header.length} bytes, shorter than its 100-byte header), not an Assay project; ${unchanged}.`, { file: path });
  }
  let appId = header.readUInt32BE(APPLICATION_ID_OFFSET);
  if (appId !== APPLICATION_ID && existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0) {
    try {
      appId = committedApplicationId(path);
    } catch (e) {
      throw new ApiError('bad-input', `${path} is not an Assay project (${(e as Error).message}); ${unchanged}.`, { file: path });
    }
  }
  if (appId !== APPLICATION_ID) {
    const whose = appId === 0 ? 'a SQLite database without an application id' : `a SQLite database of another application (application id 0x${appId.toString(16).padStart(8, '0')})`;
    throw new ApiError('bad-input', `${path} is not an Assay project: it is ${whose}; ${unchanged}.`, { file: path });
  }
}

/** Opens an existing project, checking it is one (without writing) and bringing its schema up to date. */
export function openProjectFile(path: string): Database.Database {
  if (!existsSync(path)) throw new ApiError('not-found', `${path} does not exist.`);
  if (!statSync(path).isFile()) throw new ApiError('bad-input', `${path} is not a file.`);
  try {
    assertProjectFile(path);
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError('bad-input', `${path} cannot be read (${(e as Error).message}).`, { file: path });
  }
  let db: Database.Database;
  try {
    db = openConnection(path);
  } catch (e) {
    throw new ApiError('bad-input', `${path} cannot be opened as an Assay project (${(e as Error).message}).`, { file: path });
  }
  try {
    migrate(db, path);
  } catch (e) {
    db.close();
    throw new ApiError('bad-input', (e as Error).message);
  }
  return db;
}

export { SCHEMA_VERSION };
