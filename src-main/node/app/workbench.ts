import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { ApiError } from '../../core/api/errors';
import type { ProjectInfo, RecentProject } from '../../core/api/contract';
import type { DatasetInfo } from '../../core/data/columns';
import { importFile, type ImportRequest } from '../ingest/importFile';
import { saveRecipe } from '../store/recipes';
import { failInterruptedRuns } from '../store/runs';
import { createProjectFile, openProjectFile, PROJECT_EXTENSION, projectName, SCHEMA_VERSION } from '../store/projectFile';
import { resolveUserPath, SAMPLE_FILE } from './paths';
import { RecentProjects } from './recentProjects';
import { WriteLock } from './writeLock';

interface OpenProject {
  path: string;
  db: Database.Database;
  lock: WriteLock;
  /** Aborted when the project starts closing: imports under way stop at their next chunk and roll back. */
  closing: AbortController;
}

/**
 * Told when a project starts closing, while its file is still open: stop the
 * work on it, and record what must be recorded through `write`, which runs
 * under the project's write lock before the connection closes.
 */
export type CloseHook = (db: Database.Database, write: (fn: (db: Database.Database) => void) => void) => void;

export interface WorkbenchOptions {
  home: string;
  resources: string;
  /** A project to open instead of the most recent one. */
  project?: string;
  /** Start with no project open (the CLI opens or creates its own). */
  empty?: boolean;
  /** Where relative paths start (see {@link resolveUserPath}): the home folder in the app (the default), the current folder in the CLI. */
  pathBase?: string;
  /** Keep the recent-projects list in `home` (default true); the CLI leaves the app's list and folder alone. */
  remember?: boolean;
}

function withExtension(p: string): string {
  return extname(p) === PROJECT_EXTENSION ? p : `${p}${PROJECT_EXTENSION}`;
}

/** The seed workflows shipped as recipes, so the sample project opens with them in Prepare. */
function shippedRecipes(resources: string): unknown[] {
  const dir = join(resources, 'recipes');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown);
}

/**
 * The host's state: the open project and the recent list. Every change is
 * written to the project file as it happens; there is nothing to save.
 */
export class Workbench {
  private project: OpenProject | null = null;
  readonly recent: RecentProjects;
  private readonly closeHooks: CloseHook[] = [];
  /** Paths of projects that close once their writes in flight end. */
  private readonly draining = new Set<string>();

  private constructor(readonly options: WorkbenchOptions) {
    this.recent = new RecentProjects(options.home);
  }

  /**
   * Opens the asked project, else the most recent one that still exists,
   * else creates the sample project (first launch).
   */
  static async start(options: WorkbenchOptions): Promise<Workbench> {
    if (!options.empty) mkdirSync(options.home, { recursive: true });
    const wb = new Workbench(options);
    if (options.empty) return wb;
    if (options.project) {
      wb.open(options.project);
      return wb;
    }
    const last = wb.recent.list().find((r) => r.exists);
    if (last) {
      try {
        wb.open(last.path);
        return wb;
      } catch {
        // Fall through to the sample: a damaged recent project must not stop the app starting.
      }
    }
    await wb.openSample();
    return wb;
  }

  private async openSample(): Promise<void> {
    const path = join(this.options.home, `Sample${PROJECT_EXTENSION}`);
    if (existsSync(path)) {
      this.open(path);
      if ((this.db.prepare('SELECT COUNT(*) AS n FROM datasets').get() as { n: number }).n > 0) return;
    } else {
      this.create(path);
    }
    await this.importFile({ path: join(this.options.resources, 'sample', SAMPLE_FILE), name: 'tiktok_claims_sample' });
    await this.write((db) => {
      if ((db.prepare('SELECT COUNT(*) AS n FROM recipes').get() as { n: number }).n > 0) return;
      for (const recipe of shippedRecipes(this.options.resources)) saveRecipe(db, null, recipe);
    });
  }

  get db(): Database.Database {
    if (!this.project) throw new ApiError('conflict', 'No project is open. Create or open a project first.');
    return this.project.db;
  }

  info(): ProjectInfo | null {
    if (!this.project) return null;
    return { path: this.project.path, name: projectName(this.project.path), schemaVersion: SCHEMA_VERSION };
  }

  recentProjects(): RecentProject[] {
    return this.recent.list();
  }

  /** A path the user typed, by the one rule of {@link resolveUserPath}. */
  resolvePath(p: string): string {
    return resolveUserPath(p, this.options.pathBase ?? homedir());
  }

  /** Called when a project starts closing (the run queue stops its runs there). */
  onClose(fn: CloseHook): void {
    this.closeHooks.push(fn);
  }

  private attach(path: string, db: Database.Database): ProjectInfo {
    const previous = this.project;
    // Runs can only be under way in the project this host has open, so any left active were stopped with their host.
    failInterruptedRuns(db);
    this.project = { path, db, lock: new WriteLock(), closing: new AbortController() };
    if (previous) void this.shut(previous);
    if (this.options.remember !== false) this.recent.touch(path);
    return this.info()!;
  }

  /** Refuses a file whose previous connection is still finishing its writes: its runs' records are not written yet. */
  private assertNotDraining(path: string): void {
    if (this.draining.has(path)) {
      throw new ApiError('conflict', `${path} is still closing (the work under way in it is being cancelled); try again in a moment.`);
    }
  }

  create(rawPath: string): ProjectInfo {
    const path = withExtension(this.resolvePath(rawPath));
    if (!existsSync(dirname(path))) throw new ApiError('not-found', `The folder ${dirname(path)} does not exist.`);
    createProjectFile(path);
    return this.attach(path, openProjectFile(path));
  }

  open(rawPath: string): ProjectInfo {
    const path = this.resolvePath(rawPath);
    if (this.project?.path === path) return this.info()!;
    this.assertNotDraining(path);
    // Open before closing the current one, so a bad file leaves it open.
    const db = openProjectFile(path);
    return this.attach(path, db);
  }

  /** Copies the project to a new file and continues there, as "Save as" does. */
  async saveAs(rawPath: string): Promise<ProjectInfo> {
    const path = withExtension(this.resolvePath(rawPath));
    const project = this.project;
    if (!project) throw new ApiError('conflict', 'No project is open.');
    if (path === project.path) return this.info()!;
    if (existsSync(path)) throw new ApiError('conflict', `${path} already exists; choose another name.`);
    if (!existsSync(dirname(path))) throw new ApiError('not-found', `The folder ${dirname(path)} does not exist.`);
    await project.lock.run(() => project.db.backup(path));
    if (this.project !== project) {
      throw new ApiError('conflict', `${projectName(project.path)} was closed while it was being copied; ${path} holds the copy and was not opened.`);
    }
    return this.attach(path, openProjectFile(path));
  }

  private current(): OpenProject {
    if (!this.project) throw new ApiError('conflict', 'No project is open. Create or open a project first.');
    return this.project;
  }

  /** Runs a change to the project once no other change is under way. */
  write<T>(fn: (db: Database.Database) => Promise<T> | T): Promise<T> {
    const project = this.current();
    return project.lock.run(() => fn(project.db));
  }

  /**
   * Imports a file into the open project. Closing or switching the project
   * cancels the import (it rolls back; the project keeps what it had) with a
   * message saying so, unless it has already committed. `req.path` is used
   * as it is: the host resolves what the user typed ({@link resolvePath}).
   */
  async importFile(req: ImportRequest): Promise<DatasetInfo> {
    const project = this.current();
    const path = req.path;
    const closing = project.closing.signal;
    const signal = req.signal ? AbortSignal.any([req.signal, closing]) : closing;
    const closedMessage = () =>
      `The import of ${req.displayName ?? basename(path)} was cancelled because the project ${projectName(project.path)} was closed; nothing was imported into it.`;
    try {
      return await project.lock.run(() => {
        if (closing.aborted) throw new ApiError('cancelled', closedMessage());
        return importFile(project.db, { ...req, path, signal });
      });
    } catch (e) {
      if (closing.aborted && !req.signal?.aborted && e instanceof ApiError && e.code === 'cancelled') {
        throw new ApiError('cancelled', closedMessage());
      }
      throw e;
    }
  }

  /**
   * Closes the project: work under way in it is cancelled (imports roll
   * back, runs are recorded as cancelled) and the file closes once the write
   * in flight has ended, so nothing writes to a closed connection. With
   * nothing in flight it has closed when this returns.
   */
  close(): Promise<void> {
    const project = this.project;
    if (!project) return Promise.resolve();
    this.project = null;
    return this.shut(project);
  }

  private shut(project: OpenProject): Promise<void> {
    project.closing.abort();
    const write = (fn: (db: Database.Database) => void) => void project.lock.run(() => fn(project.db)).catch(() => undefined);
    for (const hook of this.closeHooks) hook(project.db, write);
    const closed = project.lock.run(() => {
      closeConnection(project.db);
      this.draining.delete(project.path);
    });
    if (project.db.open) this.draining.add(project.path);
    return closed;
  }
}

function closeConnection(db: Database.Database): void {
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // A busy checkpoint is retried by SQLite on the next open.
  }
  try {
    db.close();
  } catch {
    // Nothing is left to lose: every write has ended, committed or rolled back.
  }
}
