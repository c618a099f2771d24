/**
 * Worker-thread entry of a delimited import: runs the CPU side
 * ({@link DelimitedParser}: decode, tokenize, profile, convert) while the
 * importing thread reads the file and writes the rows to SQLite. See
 * `parserWorker.ts` for the protocol.
 *
 * The same entry also runs the WAL checkpoint that follows a large import
 * (`workerData.task === 'checkpoint'`, see `backgroundCheckpoint.ts`), so the
 * build needs no second worker bundle.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { DelimitedParser, type DelimitedParserOptions, type RowBatch } from '../../core/ingest/delimitedParser';
import { sqliteNativeBinding } from '../store/sqliteBinding';
import { type CheckpointTask, serializeError, type ToWorker } from './parserProtocol';

const port = parentPort!;

function runCheckpoint(task: CheckpointTask): void {
  try {
    // An absolute path, so any require function loads the host's copy of the driver.
    const Database = createRequire(join(process.cwd(), 'index.js'))(task.sqlite) as typeof import('better-sqlite3');
    const db = new Database(task.path, { fileMustExist: true, nativeBinding: sqliteNativeBinding() });
    try {
      db.pragma('busy_timeout = 5000');
      const [r] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
      port.postMessage({ t: 'checkpointed', frames: r?.checkpointed ?? 0, log: r?.log ?? 0 });
    } finally {
      db.close();
    }
  } catch (e) {
    port.postMessage({ t: 'error', error: serializeError(e) });
  }
}

function runParser(options: Omit<DelimitedParserOptions, 'onBatch'>): void {
  let failed = false;
  const parser = new DelimitedParser({
    ...options,
    onBatch: (b: RowBatch) => port.postMessage({ t: 'batch', b }, [b.tags.buffer as ArrayBuffer, b.nums.buffer as ArrayBuffer]),
  });
  port.on('message', (m: ToWorker) => {
    if (failed) return;
    try {
      if (m.t === 'chunk') {
        parser.push(m.bytes);
        port.postMessage({ t: 'consumed' });
      } else {
        port.postMessage({ t: 'done', summary: parser.end() });
      }
    } catch (e) {
      failed = true;
      port.postMessage({ t: 'error', error: serializeError(e) });
    }
  });
  port.postMessage({ t: 'ready' });
}

const data = workerData as Omit<DelimitedParserOptions, 'onBatch'> | CheckpointTask;
if ('task' in data && data.task === 'checkpoint') runCheckpoint(data);
else runParser(data as Omit<DelimitedParserOptions, 'onBatch'>);
