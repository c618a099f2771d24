import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { RecentProject } from '../../core/api/contract';
import { projectName } from '../store/projectFile';

const MAX_RECENT = 12;

interface Entry {
  path: string;
  openedAt: string;
}

/** The recent-projects list, a small JSON file in Assay's home folder. */
export class RecentProjects {
  private readonly file: string;

  constructor(home: string) {
    this.file = join(home, 'recent-projects.json');
  }

  private read(): Entry[] {
    try {
      const data = JSON.parse(readFileSync(this.file, 'utf8')) as unknown;
      if (!Array.isArray(data)) return [];
      return data.filter(
        (e): e is Entry => typeof e === 'object' && e !== null && typeof e.path === 'string' && typeof e.openedAt === 'string',
      );
    } catch {
      // A missing or damaged list only costs the list.
      return [];
    }
  }

  list(): RecentProject[] {
    return this.read().map((e) => ({ ...e, name: projectName(e.path), exists: existsSync(e.path) }));
  }

  touch(path: string): void {
    const entries = [{ path, openedAt: new Date().toISOString() }, ...this.read().filter((e) => e.path !== path)];
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(entries.slice(0, MAX_RECENT), null, 2));
    renameSync(tmp, this.file);
  }
}
