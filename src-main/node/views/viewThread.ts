import { Worker } from 'node:worker_threads';
import type { DatasetInfo } from '../../core/data/columns';
import type { GridQuery } from '../../core/data/query';
import { deserializeApiError } from '../analysis/analysisProtocol';
import { workerSource, type WorkerSource } from '../threads/workerSource';
import type { ViewBuildProgress } from './viewOrder';
import type { ViewBuildRequest, ViewBuildResponse } from './viewProtocol';

export interface ThreadBuild {
  /**
   * The view's row ids in view order; null when the host must build the
   * view itself: the thread's snapshot is not the host's, or the thread died.
   */
  order: Promise<Uint32Array | null>;
  /** Stops the build; `order` then rejects with a `cancelled` ApiError. */
  cancel(): void;
}

interface Pending {
  onProgress(p: ViewBuildProgress): void;
  resolve(order: Uint32Array | null): void;
  reject(e: Error): void;
}

/**
 * Reads the row order of grid views on one worker thread with its own
 * connection to the project, so the host's event loop keeps serving pages
 * while a million rows sort. Builds queue on the thread in order; a queued
 * build that is cancelled ends as soon as the thread reaches it.
 *
 * A thread that dies (its entry fails to load, a crash) answers its builds
 * in flight with null, so the host builds those views itself, and is not
 * started again: a failure of that kind recurs, and the host builds views
 * correctly, only on its own thread.
 */
export class ViewThread {
  private worker: Worker | null = null;
  private unavailable = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  /** `source`: the worker entry to run (tests inject one that dies). */
  constructor(private readonly source: () => WorkerSource | null = () => workerSource('viewWorker', 'views/viewWorker.ts')) {}

  /** True when no worker thread can run here (then build views on the host). */
  get disabled(): boolean {
    return this.ensureWorker() === null;
  }

  build(dbPath: string, info: DatasetInfo, dataTable: string, query: GridQuery, onProgress: (p: ViewBuildProgress) => void): ThreadBuild {
    const worker = this.ensureWorker();
    if (!worker) throw new Error('The view thread cannot start here.');
    const id = this.nextId++;
    const cancel = new SharedArrayBuffer(4);
    const request: ViewBuildRequest = { id, dbPath, info, dataTable, query, cancel };
    const order = new Promise<Uint32Array | null>((resolve, reject) => {
      this.pending.set(id, { onProgress, resolve, reject });
      // Held open only while it has work, so an idle thread never keeps a CLI process alive.
      worker.ref();
      worker.postMessage(request);
    });
    return { order, cancel: () => Atomics.store(new Int32Array(cancel), 0, 1) };
  }

  /** Stops the thread; pending builds fail. */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.failAll(new Error('The view thread was stopped.'));
    if (w) await w.terminate();
  }

  private ensureWorker(): Worker | null {
    if (this.worker || this.unavailable) return this.worker;
    const source = this.source();
    let worker: Worker;
    try {
      if (!source) throw new Error('no worker entry');
      worker = source.eval ? new Worker(source.code, { eval: true }) : new Worker(source.file);
    } catch {
      this.unavailable = true;
      return null;
    }
    worker.unref();
    worker.on('message', (m: ViewBuildResponse) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      if (m.type === 'progress') {
        p.onProgress(m.progress);
        return;
      }
      this.pending.delete(m.id);
      if (this.pending.size === 0) worker.unref();
      if (m.type === 'built') p.resolve(m.order);
      else if (m.type === 'stale') p.resolve(null);
      else p.reject(deserializeApiError(m.error));
    });
    // close() forgets the worker before terminating it, so only an unplanned end gets here.
    const lost = () => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.unavailable = true;
      for (const p of this.pending.values()) p.resolve(null);
      this.pending.clear();
    };
    worker.on('error', lost);
    worker.on('exit', lost);
    this.worker = worker;
    return worker;
  }

  private failAll(e: Error): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}
