/**
 * The model files of finished runs: each refitted model with the run's
 * fitted preparation, kept when the run ends so "Save model…" and scoring
 * work on any model of any finished run later, whatever became of the data.
 * Stored gzip-compressed (a forest's trees compress about tenfold); a run's
 * files go when the run is deleted (a trigger, so every way of deleting a
 * run removes them).
 */
import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';
import type Database from 'better-sqlite3';
import type { Migration } from './migrations';

export const RUN_MODELS_MIGRATION: Migration = {
  version: 6,
  description: 'model files of finished runs',
  up(db) {
    db.exec(`
      CREATE TABLE run_models (
        run_id   INTEGER NOT NULL,
        model_id TEXT NOT NULL,
        file_gz  BLOB NOT NULL,
        bytes    INTEGER NOT NULL,
        PRIMARY KEY (run_id, model_id)
      );
      CREATE TRIGGER run_models_of_deleted_run AFTER DELETE ON runs
      BEGIN
        DELETE FROM run_models WHERE run_id = OLD.id;
      END;
    `);
  },
};

export interface StoredModelFile {
  modelId: string;
  /** The file's JSON text, gzip-compressed. */
  gz: Buffer;
  /** Its length uncompressed, in bytes. */
  bytes: number;
}

const gzipAsync = promisify(gzip);

/** Compresses a model file's text off the main thread (zlib's pool), ready to store. */
export async function compressModelFile(modelId: string, text: string): Promise<StoredModelFile> {
  const raw = Buffer.from(text, 'utf8');
  return { modelId, gz: await gzipAsync(raw), bytes: raw.length };
}

export function saveRunModels(db: Database.Database, runId: number, files: readonly StoredModelFile[]): void {
  const put = db.prepare('INSERT OR REPLACE INTO run_models (run_id, model_id, file_gz, bytes) VALUES (?, ?, ?, ?)');
  for (const f of files) put.run(runId, f.modelId, f.gz, f.bytes);
}

/** The stored file's text, or null when the run kept none for that model (it finished before files were kept). */
export function getRunModel(db: Database.Database, runId: number, modelId: string): string | null {
  const row = db.prepare('SELECT file_gz FROM run_models WHERE run_id = ? AND model_id = ?').get(runId, modelId) as { file_gz: Buffer } | undefined;
  return row ? gunzipSync(row.file_gz).toString('utf8') : null;
}

/** Stored and uncompressed sizes per model of a run, in bytes. */
export function runModelSizes(db: Database.Database, runId: number): { modelId: string; stored: number; bytes: number }[] {
  return db.prepare('SELECT model_id AS modelId, length(file_gz) AS stored, bytes FROM run_models WHERE run_id = ? ORDER BY model_id').all(runId) as {
    modelId: string;
    stored: number;
    bytes: number;
  }[];
}
