/**
 * Worker-thread entry of a delimited import: runs the CPU side
 * ({@link DelimitedParser}: decode, tokenize, profile, convert) while the
 * importing thread reads the file and writes the rows to SQLite. See
 * `parserWorker.ts` for the protocol.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DelimitedParser, type DelimitedParserOptions, type RowBatch } from '../../core/ingest/delimitedParser';
import { serializeError, type ToWorker } from './parserProtocol';

const port = parentPort!;
const options = workerData as Omit<DelimitedParserOptions, 'onBatch'>;
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
