/**
 * Worker-thread entry of the analysis thread (see analysisThread.ts): keeps
 * its own read-only connection to the open project, and its own frame and
 * profile caches, and answers one task at a time.
 */
import { parentPort } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { openConnection } from '../store/projectFile';
import { runAnalysis } from './analysisTasks';
import type { AnalysisRequest, AnalysisResponse } from './analysisProtocol';
import { serializeApiError } from './analysisProtocol';

let connection: { path: string; db: Database.Database } | null = null;

function database(path: string): Database.Database {
  if (connection?.path === path) return connection.db;
  connection?.db.close();
  connection = { path, db: openConnection(path, { readonly: true }) };
  return connection.db;
}

const port = parentPort!;
port.on('message', (m: AnalysisRequest) => {
  let response: AnalysisResponse;
  try {
    response = { id: m.id, ok: true, result: runAnalysis(database(m.dbPath), m.task) };
  } catch (e) {
    response = { id: m.id, ok: false, error: serializeApiError(e) };
  }
  port.postMessage(response);
});
