import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { CheckpointTask, FromWorker } from './parserProtocol';
import { delimitedWorkerSource } from './parserWorker';

/**
 * Large imports write their rows to the WAL only; folding those pages into
 * the project file (a checkpoint: read the WAL, write the file, fsync) costs
 * about as much again as writing them. By default SQLite does it inside
 * COMMIT, on the importing thread. {@link deferCheckpoint} turns that off for
 * one transaction and, once it has committed, runs the checkpoint on a worker
 * thread with its own connection, as SQLite's WAL documentation suggests:
 * the host stays responsive and the import returns as soon as its
 * transaction is committed. Durability stays what WAL + synchronous=NORMAL
 * promises (a commit survives a crash of the app; a power loss may undo it
 * until the WAL is synced, which the checkpoint does first, here within about
 * a second instead of inside COMMIT). A PASSIVE checkpoint never blocks
 * readers or writers.
 */

let pending: Promise<void>[] = [];

/** Resolves once every background checkpoint started so far has finished (for tests, benchmarks and shutdown). */
export async function backgroundCheckpoints(): Promise<void> {
  while (pending.length > 0) {
    const now = pending;
    await Promise.all(now);
    pending = pending.filter((p) => !now.includes(p));
  }
}

/**
 * Runs `transaction` (which must BEGIN and COMMIT or ROLLBACK on `db`) with
 * automatic checkpoints off, restores the connection's setting, and after a
 * successful commit checkpoints the WAL in the background. Without a
 * worker, the checkpoint runs here, as COMMIT would have run it.
 */
export async function deferCheckpoint<T>(db: Database.Database, transaction: () => Promise<T>): Promise<T> {
  if (db.memory || db.readonly) return transaction();
  const previous = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma('wal_autocheckpoint = 0');
  let result: T;
  try {
    result = await transaction();
  } finally {
    db.pragma(`wal_autocheckpoint = ${previous}`);
  }
  if (previous > 0 && !startWorker(db.name)) db.pragma('wal_checkpoint(PASSIVE)');
  return result;
}

function sqliteModulePath(): string | null {
  try {
    return createRequire(import.meta.url).resolve('better-sqlite3');
  } catch {
    return null;
  }
}

function startWorker(path: string): boolean {
  const source = delimitedWorkerSource();
  const sqlite = sqliteModulePath();
  if (!source || !sqlite) return false;
  const task: CheckpointTask = { task: 'checkpoint', path, sqlite };
  let worker: Worker;
  try {
    worker = source.eval ? new Worker(source.code, { eval: true, workerData: task }) : new Worker(source.file, { workerData: task });
  } catch {
    return false;
  }
  const done = new Promise<void>((resolve) => {
    // A failed checkpoint loses nothing: the pages stay in the WAL until the next one.
    worker.on('message', (m: FromWorker) => {
      if (m.t === 'checkpointed' || m.t === 'error') void worker.terminate();
    });
    worker.on('error', () => resolve());
    worker.on('exit', () => resolve());
  });
  pending.push(done);
  return true;
}
