import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { ApiError } from '../../core/api/errors';
import type { ProjectInfo, RecentProject } from '../../core/api/contract';
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
}

export interface WorkbenchOptions {
  home: string;
  resources: string;
  /** A project to open instead of the most recent one. */
  project?: string;
  /** Start with no project open (the CLI opens or creates its own). */
  empty?: boolean;
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
  private readonly closing: ((db: Database.Database) => void)[] = [];

  private constructor(readonly options: WorkbenchOptions) {
    this.recent = new RecentProjects(options.home);
  }

  /**
   * Opens the asked project, else the most recent one that still exists,
   * else creates the sample project (first launch).
   */
  static async start(options: WorkbenchOptions): Promise<Workbench> {
    mkdirSync(options.home, { recursive: true });
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

  /** Called with the project's database just before it closes (the run queue stops its runs there). */
  onClose(fn: (db: Database.Database) => void): void {
    this.closing.push(fn);
  }

  private attach(path: string, db: Database.Database): ProjectInfo {
    this.close();
    // Runs can only be under way in the project this host has open, so any left active were stopped with their host.
    failInterruptedRuns(db);
    this.project = { path, db, lock: new WriteLock() };
    this.recent.touch(path);
    return this.info()!;
  }

  create(rawPath: string): ProjectInfo {
    const path = withExtension(resolveUserPath(rawPath));
    if (!existsSync(dirname(path))) throw new ApiError('not-found', `The folder ${dirname(path)} does not exist.`);
    createProjectFile(path);
    return this.attach(path, openProjectFile(path));
  }

  open(rawPath: string): ProjectInfo {
    const path = resolveUserPath(rawPath);
    if (this.project?.path === path) return this.info()!;
    // Open before closing the current one, so a bad file leaves it open.
    const db = openProjectFile(path);
    return this.attach(path, db);
  }

  /** Copies the project to a new file and continues there, as "Save as" does. */
  async saveAs(rawPath: string): Promise<ProjectInfo> {
    const path = withExtension(resolveUserPath(rawPath));
    const project = this.project;
    if (!project) throw new ApiError('conflict', 'No project is open.');
    if (path === project.path) return this.info()!;
    if (existsSync(path)) throw new ApiError('conflict', `${path} already exists; choose another name.`);
    if (!existsSync(dirname(path))) throw new ApiError('not-found', `The folder ${dirname(path)} does not exist.`);
    await project.lock.run(() => project.db.backup(path));
    return this.attach(path, openProjectFile(path));
  }

  /** Runs a change to the project once no other change is under way. */
  write<T>(fn: (db: Database.Database) => Promise<T> | T): Promise<T> {
    const project = this.project;
    if (!project) throw new ApiError('conflict', 'No project is open. Create or open a project first.');
    return project.lock.run(() => fn(project.db));
  }

  importFile(req: ImportRequest) {
    return this.write((db) => importFile(db, req));
  }

  close(): void {
    if (!this.project) return;
    for (const fn of this.closing) fn(this.project.db);
    try {
      this.project.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // A busy checkpoint is retried by SQLite on the next open.
    }
    this.project.db.close();
    this.project = null;
  }
}
