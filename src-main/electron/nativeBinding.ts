import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { setSqliteNativeBinding } from '../node/store/sqliteBinding';

/** Where `npm start` caches better-sqlite3 built for an Electron ABI (scripts/electronSqlite.mjs). */
export function electronSqliteBuildPath(outDir: string, abi: string): string {
  return join(outDir, 'native', `electron-${abi}`, 'better_sqlite3.node');
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The better-sqlite3 addon this process should load: under Electron, the
 * cached build for its NODE_MODULE_VERSION in the app's own out/native. Under
 * Node, or in a packaged app (whose better-sqlite3 electron-builder's
 * afterPack hook built for it), there is none and the default build is loaded.
 */
export function chooseSqliteBinding(
  versions: { electron?: string; modules: string },
  outDir: string,
  exists: (path: string) => boolean = isFile,
): string | undefined {
  if (!versions.electron) return undefined;
  const cached = electronSqliteBuildPath(outDir, versions.modules);
  return exists(cached) ? cached : undefined;
}

/** Loads the addon once: a damaged or wrong-architecture build fails here, at start-up, naming its path. */
function loadAddon(path: string): void {
  new Database(':memory:', { nativeBinding: path }).close();
}

/**
 * Makes every connection of this process and of the worker threads it starts
 * load the chosen addon, once it has been seen to load. A failure names the
 * addon's path, which tells `npm start` to build it again (startPlan.mjs).
 */
export function useElectronSqliteBinding(
  outDir: string,
  versions: { electron?: string; modules: string } = process.versions,
  exists: (path: string) => boolean = isFile,
  load: (path: string) => void = loadAddon,
): string | undefined {
  const chosen = chooseSqliteBinding(versions, outDir, exists);
  if (!chosen) return undefined;
  try {
    load(chosen);
  } catch (e) {
    const why = (e instanceof Error ? e.message : String(e)).split(/\r?\n/)[0];
    throw new Error(`The better-sqlite3 build npm start made for this Electron could not be loaded (${chosen}): ${why.replace(`${chosen}: `, '')}`);
  }
  setSqliteNativeBinding(chosen);
  return chosen;
}
