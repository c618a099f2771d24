/**
 * Which better-sqlite3 addon a connection loads. npm builds the one in
 * node_modules for Node's ABI; the Electron main process names its own build
 * here (src-main/electron/nativeBinding.ts) before it opens a project. An
 * environment variable rather than module state, because the worker threads
 * that open the project too inherit it.
 */
export const SQLITE_BINDING_ENV = 'ASSAY_SQLITE_BINDING';

/** The addon for better-sqlite3's `nativeBinding` option; undefined loads its default build. */
export function sqliteNativeBinding(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env[SQLITE_BINDING_ENV] || undefined;
}
