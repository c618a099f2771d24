/**
 * What the desktop app does when its main process meets an error nobody
 * caught: write it to a log file under the user-data folder, tell the analyst
 * in a dialog what went wrong and where the log is, and — for an exception,
 * after which the process cannot be trusted — quit through the normal close
 * path, which lets queued writes land.
 *
 * The dialog's promise about work is what the store guarantees: each change
 * is an SQLite transaction, committed to the project file (WAL journal)
 * before the app moves on, and a crash of the app does not undo a committed
 * transaction. Work still in flight (an import, a training run) is not
 * committed and is not claimed.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type CrashKind = 'exception' | 'rejection';

export const CRASH_LOG_FILE = 'main.log';

export function crashLogPath(userDataDir: string): string {
  return join(userDataDir, 'logs', CRASH_LOG_FILE);
}

function describe(error: unknown): { message: string; stack: string } {
  if (error instanceof Error) return { message: error.message || error.name, stack: error.stack ?? `${error.name}: ${error.message}` };
  const text = typeof error === 'string' ? error : safeJson(error);
  return { message: text, stack: text };
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

export function crashLogEntry(kind: CrashKind, error: unknown, when: Date): string {
  const what = kind === 'exception' ? 'Uncaught exception' : 'Unhandled promise rejection';
  return `[${when.toISOString()}] ${what} in the main process\n${describe(error).stack}\n\n`;
}

export function crashDialogText(kind: CrashKind, error: unknown, logFile: string | null): { title: string; message: string } {
  const where = logFile ? `The details are in ${logFile}.` : 'The details could not be written to a log file.';
  const work =
    'Your project keeps every change Assay had finished saving: each is committed to the project file as it is made, and a crash of the app does not undo it. An import or training run that was still going is not kept.';
  const next = kind === 'exception' ? 'Assay will now close; start it again to go on.' : 'Assay keeps running, but the action that failed did not finish.';
  return { title: 'Assay hit an unexpected error', message: `${describe(error).message}\n\n${work}\n\n${next}\n\n${where}` };
}

/** Appends to the log; the file's path, or null when it cannot be written (read-only disk, no space). */
export function appendCrashLog(file: string, entry: string): string | null {
  try {
    mkdirSync(dirname(file), { recursive: true });
    appendFileSync(file, entry);
    return file;
  } catch {
    return null;
  }
}

export interface CrashHandlerDeps {
  logFile: () => string;
  showErrorBox(title: string, message: string): void;
  /** Called once, after the first uncaught exception has been reported. */
  quit(): void;
  now?: () => Date;
}

interface ProcessEvents {
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

/** Installs the handlers on `proc` (the main process's `process`). */
export function installCrashHandlers(proc: ProcessEvents, deps: CrashHandlerDeps): void {
  let quitting = false;
  const report = (kind: CrashKind, error: unknown) => {
    const logFile = appendCrashLog(deps.logFile(), crashLogEntry(kind, error, deps.now?.() ?? new Date()));
    // One dialog is enough: errors raised while closing would only stack more on top.
    if (quitting) return;
    const { title, message } = crashDialogText(kind, error, logFile);
    deps.showErrorBox(title, message);
    if (kind === 'exception') {
      quitting = true;
      deps.quit();
    }
  };
  proc.on('uncaughtException', (error) => report('exception', error));
  proc.on('unhandledRejection', (reason) => report('rejection', reason));
}
