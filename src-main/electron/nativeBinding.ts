import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SQLITE_BINDING_ENV } from '../node/store/sqliteBinding';

/** Where `npm start` caches better-sqlite3 built for an Electron ABI (scripts/electronSqlite.mjs). */
export function electronSqliteBuildPath(outDir: string, abi: string): string {
  return join(outDir, 'native', `electron-${abi}`, 'better_sqlite3.node');
}

/**
 * The better-sqlite3 addon this process should load: under Electron, the
 * cached build for its NODE_MODULE_VERSION. Under Node, or in a packaged app
 * whose better-sqlite3 was rebuilt in place, there is none and the default
 * build is loaded.
 */
export function chooseSqliteBinding(
  versions: { electron?: string; modules: string },
  outDir: string,
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  if (!versions.electron) return undefined;
  const cached = electronSqliteBuildPath(outDir, versions.modules);
  return exists(cached) ? cached : undefined;
}

/** Makes every connection of this process and of its worker threads load the chosen addon. */
export function useElectronSqliteBinding(
  outDir: string,
  versions: { electron?: string; modules: string } = process.versions,
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  const chosen = chooseSqliteBinding(versions, outDir, exists);
  if (chosen) env[SQLITE_BINDING_ENV] = chosen;
  return chosen;
}
