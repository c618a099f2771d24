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

/**
 * The start-up file npm start named, taken out of the environment: what the
 * main process starts (soffice for PDF decks, the program the OS opens the
 * README with) has no business writing to it. Null when no launcher asked.
 */
export function takeStartupFile(env: NodeJS.ProcessEnv = process.env): string | null {
  const file = env[STARTUP_FILE_ENV];
  delete env[STARTUP_FILE_ENV];
  return file || null;
}

export function signalStartup(event: StartupEvent, file: string | null, append: Append = appendFileSync): void {
  if (!file) return;
  try {
    append(file, `${JSON.stringify(event)}\n`);
  } catch {
    // Unsignalled, the launcher still judges by the exit code and stderr.
  }
}

/** Signals `loaded` once the window's page has first finished loading; `onLoaded` learns it too. */
export function signalWhenLoaded(
  webContents: { once(event: 'did-finish-load', listener: () => void): unknown },
  file: string | null,
  onLoaded: () => void = () => {},
  append: Append = appendFileSync,
): void {
  webContents.once('did-finish-load', () => {
    onLoaded();
    signalStartup({ state: 'loaded' }, file, append);
  });
}

export function signalStartupFailed(error: unknown, file: string | null, append: Append = appendFileSync): void {
  const message = error instanceof Error ? error.message : String(error);
  signalStartup({ state: 'failed', message }, file, append);
}
