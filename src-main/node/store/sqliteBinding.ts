import { getEnvironmentData, setEnvironmentData } from 'node:worker_threads';

/**
 * Which better-sqlite3 addon a connection loads. npm builds the one in
 * node_modules for Node's ABI; the Electron main process names its own build
 * here (src-main/electron/nativeBinding.ts) before it opens a project.
 *
 * Handed to worker threads as environment data, which every Worker started
 * afterwards (and its own workers) receives, rather than as an environment
 * variable: a variable would reach every child process too (soffice, the
 * programs the OS opens files with), and anyone who can set one could make
 * the CLI or the web host load an addon of their choosing.
 */
const BINDING_KEY = 'assay:sqlite-binding';

let chosen: string | undefined;

/** The addon this process and the worker threads it starts from now on load; undefined for the default build. */
export function setSqliteNativeBinding(path: string | undefined): void {
  chosen = path;
  setEnvironmentData(BINDING_KEY, path);
}

/**
 * The addon for better-sqlite3's `nativeBinding` option; undefined loads its
 * default build. Only under Electron: Node's own build is always the right one
 * for Node.
 */
export function sqliteNativeBinding(versions: { electron?: string } = process.versions): string | undefined {
  if (!versions.electron) return undefined;
  if (chosen) return chosen;
  const inherited: unknown = getEnvironmentData(BINDING_KEY);
  return typeof inherited === 'string' && inherited ? inherited : undefined;
}
