import { existsSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import Database from 'better-sqlite3';
import { ApiError } from '../../core/api/errors';
import { migrate, SCHEMA_VERSION } from './migrations';

export const PROJECT_EXTENSION = '.assay';
const APPLICATION_ID = 0x41535359; // "ASSY": marks the SQLite file as an Assay project

export function projectName(path: string): string {
  return basename(path, extname(path));
}

/** Opens a project's SQLite file with the pragmas every connection needs. */
export function openConnection(path: string, options: { readonly?: boolean } = {}): Database.Database {
  const db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: true });
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
  const db = new Database(path);
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

/** Opens an existing project, checking it is one and bringing its schema up to date. */
export function openProjectFile(path: string): Database.Database {
  if (!existsSync(path)) throw new ApiError('not-found', `${path} does not exist.`);
  if (!statSync(path).isFile()) throw new ApiError('bad-input', `${path} is not a file.`);
  let db: Database.Database;
  try {
    db = openConnection(path);
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (appId !== APPLICATION_ID) {
      db.close();
      throw new ApiError('bad-input', `${path} is not an Assay project.`);
    }
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError('bad-input', `${path} is not an Assay project (${(e as Error).message}).`);
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
