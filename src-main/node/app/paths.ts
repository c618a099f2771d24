import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where Assay keeps its own files (recent projects, the sample project). */
export function assayHome(): string {
  if (process.env.ASSAY_HOME) return resolve(process.env.ASSAY_HOME);
  const config = process.env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(config, 'assay');
}

/**
 * The `resources/` folder, found by walking up from this module: the same
 * code runs from `src-main/node/app` under tests and from `out/main` built.
 */
export function resourcesDir(): string {
  if (process.env.ASSAY_RESOURCES) return resolve(process.env.ASSAY_RESOURCES);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'resources', 'sample'))) return join(dir, 'resources');
    dir = dirname(dir);
  }
  throw new Error('Cannot find the resources folder next to the application.');
}

export const SAMPLE_FILE = 'tiktok_claims_sample.csv';

/**
 * The one rule for a path a person types (a project to open, create or save
 * as, a file to import): `~` and `~/…` are the home folder; an absolute path
 * is used as it is; any other relative path is taken from `base`. The CLI
 * passes the current folder, as every command-line tool does; the app passes
 * the home folder, since a desktop app's or a server's current folder means
 * nothing to the person typing. `~name/…` (another user's home) is not
 * expanded: it is an ordinary relative name.
 */
export function resolveUserPath(p: string, base: string, home: string = homedir()): string {
  if (p === '~') return resolve(home);
  if (p.startsWith('~/') || (sep === '\\' && p.startsWith('~\\'))) return resolve(home, p.slice(2));
  return resolve(base, p);
}
