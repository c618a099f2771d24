import type Database from 'better-sqlite3';
import { ApiError } from '../../core/api/errors';
import type { DatasetInfo } from '../../core/data/columns';
import type { GridQuery } from '../../core/data/query';
import type { ViewBuildProgress } from '../../core/data/viewBuildProgress';
import { dataTableOf } from '../store/datasets';
import { hasView, installView, isCurrentState, viewKey } from '../store/query';
import type { ThreadBuild } from './viewThread';

/** What builds view orders off the host's thread: a ViewThread, or a stand-in in tests. */
export interface ViewBuilder {
  /** True when nothing can build off the host's thread here. */
  readonly disabled: boolean;
  build(dbPath: string, info: DatasetInfo, dataTable: string, query: GridQuery, onProgress: (p: ViewBuildProgress) => void): ThreadBuild;
}

export interface ViewWait {
  signal?: AbortSignal;
  onProgress?: (p: ViewBuildProgress) => void;
}

interface Build {
  done: Promise<void>;
  waiters: number;
  last: ViewBuildProgress | null;
  listeners: Set<(p: ViewBuildProgress) => void>;
  cancel(): void;
}

/**
 * The host's side of building grid views off its thread. `ready` resolves
 * once the query's view is in the connection's view cache (query.ts), so
 * the synchronous page, count and position functions that follow find it
 * built. Every request for a view being built joins that one build and
 * hears its progress; a build nobody waits for any more (each caller's
 * signal aborted: the grid moved on to another query) is cancelled, and
 * nothing is installed. Views are only ever installed whole, by the host's
 * thread, so the cache never holds a half-built view. When the builder
 * cannot run, or its snapshot of the project is not the host's (an
 * uncommitted import), the view is built on the host's thread as before.
 */
export class ViewBuilds {
  private readonly builds = new WeakMap<Database.Database, Map<string, Build>>();

  constructor(private readonly builder: ViewBuilder) {}

  async ready(db: Database.Database, info: DatasetInfo, query: GridQuery, wait: ViewWait = {}): Promise<void> {
    if (hasView(db, info, query)) return;
    if (this.builder.disabled) return; // the synchronous functions build it in place
    const dataTable = dataTableOf(db, info.id);
    const key = viewKey(info, dataTable, query);
    let perDb = this.builds.get(db);
    if (!perDb) this.builds.set(db, (perDb = new Map()));
    let build = perDb.get(key);
    if (!build) {
      build = this.start(db, info, dataTable, query);
      const started = build;
      perDb.set(key, started);
      const forget = () => {
        if (perDb.get(key) === started) perDb.delete(key);
      };
      started.done.then(forget, forget);
      // A cancelled build is forgotten at once: a new request for the view starts afresh.
      const cancelThread = started.cancel;
      started.cancel = () => {
        forget();
        cancelThread();
      };
    }
    await this.join(build, wait);
  }

  /** Views being built on `db` now (for tests and diagnostics). */
  building(db: Database.Database): number {
    return this.builds.get(db)?.size ?? 0;
  }

  private start(db: Database.Database, info: DatasetInfo, dataTable: string, query: GridQuery): Build {
    const listeners = new Set<(p: ViewBuildProgress) => void>();
    const build: Build = { done: Promise.resolve(), waiters: 0, last: null, listeners, cancel: () => {} };
    const thread = this.builder.build(db.name, info, dataTable, query, (p) => {
      build.last = p;
      for (const l of listeners) l(p);
    });
    build.cancel = thread.cancel;
    build.done = thread.order.then((order) => {
      // null: the thread saw another state of the project, or died; the synchronous functions build it here.
      // A build outlived by its dataset's state (kinds changed, deleted, project closed) is dropped:
      // installing it would sweep the current state's views out of the cache.
      if (order && isCurrentState(db, info)) installView(db, info, query, order);
    });
    return build;
  }

  private join(build: Build, wait: ViewWait): Promise<void> {
    const { signal, onProgress } = wait;
    if (signal?.aborted) return Promise.reject(abortedError());
    build.waiters++;
    if (onProgress) {
      build.listeners.add(onProgress);
      if (build.last) onProgress(build.last);
    }
    return new Promise<void>((resolve, reject) => {
      let left = false;
      const leave = () => {
        if (left) return;
        left = true;
        build.waiters--;
        if (onProgress) build.listeners.delete(onProgress);
        signal?.removeEventListener('abort', aborted);
      };
      const aborted = () => {
        leave();
        if (build.waiters === 0) build.cancel();
        reject(abortedError());
      };
      signal?.addEventListener('abort', aborted, { once: true });
      build.done.then(
        () => {
          if (left) return;
          leave();
          resolve();
        },
        (e: unknown) => {
          if (left) return;
          leave();
          reject(e);
        },
      );
    });
  }
}

function abortedError(): ApiError {
  return new ApiError('cancelled', 'The grid no longer needs this view: its request was cancelled.');
}
