/**
 * Worker-thread entry of a delimited import: runs the CPU side
 * ({@link DelimitedParser}: decode, tokenize, profile, convert, and the
 * encoding of the column chunks) while the importing thread reads the file
 * and writes the rows and the ready chunks to SQLite. See `parserWorker.ts`
 * for the protocol.
 *
 * The same entry also runs the WAL checkpoint that follows a large import
 * (`workerData.task === 'checkpoint'`, see `backgroundCheckpoint.ts`), so the
 * build needs no second worker bundle.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { DelimitedParser, type DelimitedParserOptions, type RowBatch } from '../../core/ingest/delimitedParser';
import { chunkBuffers, ColumnChunkBuilder, type EncodedColumnChunk } from '../store/columnChunkBuilder';
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
  let columns: ColumnChunkBuilder | null = null;
  const sendColumns = (chunks: EncodedColumnChunk[]) => port.postMessage({ t: 'columns', chunks }, chunkBuffers(chunks));
  // Chunks completed by a batch wait for the batch: the importing thread stores rows before their chunks.
  let completed: EncodedColumnChunk[] = [];
  const parser = new DelimitedParser({
    ...options,
    onBatch: (b: RowBatch) => {
      // Added before the batch's buffers are transferred away.
      columns ??= new ColumnChunkBuilder(
        Array.from({ length: b.width }, (_, j) => j),
        (chunks) => completed.push(...chunks),
      );
      columns.addBatch(b);
      port.postMessage({ t: 'batch', b }, [b.tags.buffer as ArrayBuffer, b.nums.buffer as ArrayBuffer]);
      if (completed.length > 0) {
        sendColumns(completed);
        completed = [];
      }
    },
  });
  port.on('message', (m: ToWorker) => {
    if (failed) return;
    try {
      if (m.t === 'chunk') {
        parser.push(m.bytes);
        port.postMessage({ t: 'consumed' });
      } else {
        const summary = parser.end();
        columns?.flush();
        if (completed.length > 0) sendColumns(completed);
        completed = [];
        port.postMessage({ t: 'done', summary });
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
