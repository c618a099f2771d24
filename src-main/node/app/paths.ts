import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
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

/** Project paths typed by the user: `~` expands, relative paths are taken from the home folder. */
export function resolveUserPath(p: string): string {
  if (p === '~' || p.startsWith('~/')) return join(homedir(), p.slice(1));
  return isAbsolute(p) ? p : resolve(homedir(), p);
}
