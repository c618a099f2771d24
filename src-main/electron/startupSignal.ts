import { appendFileSync } from 'node:fs';

/**
 * How the main process tells `npm start` (scripts/start.mjs) that start-up is
 * over: one JSON line per event in the file this variable names. Electron
 * exiting before a `loaded` line means the app could not start, and the
 * launcher falls back to the web host. A file rather than stdout, which the
 * app and Chromium share with the user's terminal.
 */
export const STARTUP_FILE_ENV = 'ASSAY_STARTUP_FILE';

export type StartupEvent = { state: 'loaded' } | { state: 'failed'; message: string };

type Append = (file: string, text: string) => void;

export function signalStartup(event: StartupEvent, env: NodeJS.ProcessEnv = process.env, append: Append = appendFileSync): void {
  const file = env[STARTUP_FILE_ENV];
  if (!file) return;
  try {
    append(file, `${JSON.stringify(event)}\n`);
  } catch {
    // Unsignalled, the launcher still judges by the exit code and stderr.
  }
}

/** Signals `loaded` once the window's page has finished loading. */
export function signalWhenLoaded(
  webContents: { once(event: 'did-finish-load', listener: () => void): unknown },
  env: NodeJS.ProcessEnv = process.env,
  append: Append = appendFileSync,
): void {
  webContents.once('did-finish-load', () => signalStartup({ state: 'loaded' }, env, append));
}

export function signalStartupFailed(error: unknown, env: NodeJS.ProcessEnv = process.env, append: Append = appendFileSync): void {
  const message = error instanceof Error ? error.message : String(error);
  signalStartup({ state: 'failed', message }, env, append);
}
