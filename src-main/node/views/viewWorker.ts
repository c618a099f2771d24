/**
 * Worker-thread entry of the view thread (see viewThread.ts): reads the row
 * order of sorted and filtered grid views on its own read-only connection to
 * the open project, one build at a time, and hands the order back
 * (transferred, not copied).
 */
import { parentPort } from 'node:worker_threads';
import { openConnection } from '../store/projectFile';
import { serializeApiError } from '../analysis/analysisProtocol';
import type { ViewBuildRequest, ViewBuildResponse } from './viewProtocol';
import { readViewOrder } from './viewOrder';
import { snapshotMismatch } from './viewSnapshot';

const port = parentPort!;
port.on('message', (m: ViewBuildRequest) => {
  const post = (r: ViewBuildResponse, transfer: ArrayBuffer[] = []) => port.postMessage(r, transfer);
  const cancel = new Int32Array(m.cancel);
  // A connection per build (opening one costs well under a millisecond): one
  // kept open would hold the file after the project closes (Windows then cannot
  // delete or rename it) and go on reading a file replaced at the same path.
  let db: ReturnType<typeof openConnection> | null = null;
  let response: ViewBuildResponse;
  let transfer: ArrayBuffer[] = [];
  try {
    db = openConnection(m.dbPath, { readonly: true });
    const mismatch = snapshotMismatch(db, m.info, m.dataTable);
    if (mismatch) response = { id: m.id, type: 'stale', message: mismatch };
    else {
      const order = readViewOrder(db, m.info, m.dataTable, m.query, {
        progress: (progress) => post({ id: m.id, type: 'progress', progress }),
        cancelled: () => Atomics.load(cancel, 0) !== 0,
      });
      response = { id: m.id, type: 'built', order };
      transfer = [order.buffer as ArrayBuffer];
    }
  } catch (e) {
    response = { id: m.id, type: 'failed', error: serializeApiError(e) };
  } finally {
    // Closed before the answer leaves: whoever gets it finds the file no longer held.
    db?.close();
  }
  post(response, transfer);
});
