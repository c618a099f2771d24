import { Worker } from 'node:worker_threads';
import { DelimitedParser, type DelimitedParserOptions, type ParseSummary, type RowBatch } from '../../core/ingest/delimitedParser';
import type { EncodedColumnChunk } from '../store/columnChunkBuilder';
import { workerSource, type WorkerSource } from '../threads/workerSource';
import { deserializeError, type FromWorker, type ToWorker } from './parserProtocol';

/**
 * Where a delimited import's CPU work runs. Batches are handed to `onBatch`
 * on the importing thread, in file order; an error thrown by `onBatch`, or by
 * the parser, fails the engine (rethrown by `ready`/`end`).
 */
export interface ParseEngine {
  /** Feeds the next chunk of the file; the engine may keep the buffer. */
  push(chunk: Uint8Array): void;
  /** Resolves once the engine can take another chunk (bounded memory); throws the engine's failure. */
  ready(): Promise<void>;
  /** Signals the end of the file; resolves with the summary once every batch has been handed out. */
  end(): Promise<ParseSummary>;
  /** Releases the engine (stops a worker); safe to call more than once. */
  close(): void;
  readonly threaded: boolean;
}

export type ParserConfig = Omit<DelimitedParserOptions, 'onBatch'>;

/** Runs the parser on the calling thread. */
export function inProcessEngine(config: ParserConfig, onBatch: (b: RowBatch) => void): ParseEngine {
  const parser = new DelimitedParser({ ...config, onBatch });
  return {
    threaded: false,
    push: (chunk) => parser.push(chunk),
    ready: () => Promise.resolve(),
    end: () => Promise.resolve(parser.end()),
    close: () => {},
  };
}

/** Chunks sent to the worker but not yet parsed; bounds memory when SQLite is the faster side. */
const MAX_IN_FLIGHT = 3;
/** The delimited import's worker entry (also runs the post-import checkpoint). */
export function delimitedWorkerSource(): WorkerSource | null {
  return workerSource('delimitedWorker', 'ingest/delimitedWorker.ts');
}

/**
 * Runs the parser on a worker thread, or resolves null when no worker can be
 * started here (the caller then uses {@link inProcessEngine}). The worker
 * also builds the rows' column chunks, handed to `onColumns` ready to store
 * (after the batches of their rows).
 */
export async function workerEngine(
  config: ParserConfig,
  onBatch: (b: RowBatch) => void,
  onColumns: (chunks: EncodedColumnChunk[]) => void,
): Promise<ParseEngine | null> {
  const source = delimitedWorkerSource();
  if (!source) return null;
  let worker: Worker;
  try {
    worker = source.eval ? new Worker(source.code, { eval: true, workerData: config }) : new Worker(source.file, { workerData: config });
  } catch {
    return null;
  }
  let failure: Error | null = null;
  let inFlight = 0;
  let closed = false;
  let summary: ParseSummary | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const fail = (e: Error) => {
    failure ??= e;
    notify();
  };
  const started = await new Promise<boolean>((resolve) => {
    worker.once('message', (m: FromWorker) => resolve(m.t === 'ready'));
    worker.once('error', () => resolve(false));
    worker.once('exit', () => resolve(false));
  });
  if (!started) {
    void worker.terminate();
    return null;
  }
  worker.on('message', (m: FromWorker) => {
    if (failure) return;
    switch (m.t) {
      case 'batch':
        try {
          onBatch(m.b);
        } catch (e) {
          fail(e as Error);
        }
        break;
      case 'columns':
        try {
          onColumns(m.chunks);
        } catch (e) {
          fail(e as Error);
        }
        break;
      case 'consumed':
        inFlight--;
        notify();
        break;
      case 'done':
        summary = m.summary;
        notify();
        break;
      case 'error':
        fail(deserializeError(m.error));
        break;
    }
  });
  worker.on('error', (e) => fail(e));
  worker.on('exit', () => {
    if (!closed) fail(new Error('the import worker stopped unexpectedly'));
  });
  const waitFor = async (done: () => boolean): Promise<void> => {
    while (!failure && !done()) await new Promise<void>((r) => (wake = r));
    if (failure) throw failure;
  };
  const post = (m: ToWorker, transfer?: ArrayBuffer[]) => worker.postMessage(m, transfer);
  return {
    threaded: true,
    push(chunk) {
      if (failure) throw failure;
      // Copy: the stream may reuse its buffers; the copy is transferred, not cloned.
      const bytes = new Uint8Array(chunk);
      inFlight++;
      post({ t: 'chunk', bytes }, [bytes.buffer]);
    },
    ready: () => waitFor(() => inFlight < MAX_IN_FLIGHT),
    async end() {
      post({ t: 'end' });
      await waitFor(() => summary !== null);
      return summary!;
    },
    close() {
      if (closed) return;
      closed = true;
      void worker.terminate();
    },
  };
}
