import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { resourcesDir } from '../app/paths';
import { workerSource } from '../threads/workerSource';
import type { AnalysisRequest, AnalysisResponse } from './analysisProtocol';
import { deserializeApiError } from './analysisProtocol';
import { runAnalysis, type AnalysisResult, type AnalysisTask } from './analysisTasks';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * Runs dataset analyses (profile, charts) on one worker thread, so the host's
 * event loop keeps serving grid pages while a million-row table is loaded and
 * profiled. Tasks queue on the thread in order. If the thread cannot start,
 * or dies, the task runs in-process instead: slower to answer other calls,
 * never lost.
 */
export class AnalysisThread {
  private worker: Worker | null = null;
  private unavailable = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  run<T extends AnalysisTask>(db: Database.Database, task: T): Promise<AnalysisResult<T>> {
    const worker = this.ensureWorker();
    if (!worker) return Promise.resolve().then(() => runAnalysis(db, task) as AnalysisResult<T>);
    const id = this.nextId++;
    const request: AnalysisRequest = { id, dbPath: db.name, task };
    return new Promise<AnalysisResult<T>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      // Held open only while it has work, so an idle thread never keeps a CLI process alive.
      worker.ref();
      worker.postMessage(request);
    });
  }

  /** Stops the thread; pending tasks fail. */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.failAll(new Error('The analysis thread was stopped.'));
    if (w) await w.terminate();
  }

  private ensureWorker(): Worker | null {
    if (this.worker || this.unavailable) return this.worker;
    const source = workerSource('analysisWorker', 'analysis/analysisWorker.ts');
    if (!source) {
      this.unavailable = true;
      return null;
    }
    // The bundled fonts are found through the resources folder, which an eval'd worker cannot locate itself.
    const env = { ...process.env, ASSAY_RESOURCES: resourcesDir() };
    let worker: Worker;
    try {
      worker = source.eval ? new Worker(source.code, { eval: true, env }) : new Worker(source.file, { env });
    } catch {
      this.unavailable = true;
      return null;
    }
    worker.unref();
    worker.on('message', (m: AnalysisResponse) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (this.pending.size === 0) worker.unref();
      if (m.ok) p.resolve(m.result);
      else p.reject(deserializeApiError(m.error));
    });
    const lost = (e: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.failAll(new Error(`The analysis thread stopped: ${e.message}`));
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`exit code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private failAll(e: Error): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}
