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
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type CrashKind = 'exception' | 'rejection';

export const CRASH_LOG_FILE = 'main.log';
/** Past this size the log starts afresh, its previous part kept as main.old.log: an error loop cannot fill the disk. */
export const CRASH_LOG_LIMIT = 1024 * 1024;
/** After a dialog, rejections within this long only go to the log: a loop of failures must not bury the analyst in dialogs. */
const DIALOG_QUIET_MS = 60_000;

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

export function crashDialogText(kind: CrashKind, error: unknown, logFile: string | null, unshown = 0): { title: string; message: string } {
  let where = logFile ? `The details are in ${logFile}.` : 'The details could not be written to a log file.';
  if (unshown === 1) where += ' 1 more error since the last message is only in the log.';
  else if (unshown > 1) where += ` ${unshown} more errors since the last message are only in the log.`;
  const work =
    'Your project keeps every change Assay had finished saving: each is committed to the project file as it is made, and a crash of the app does not undo it. An import or training run that was still going is not kept.';
  const next = kind === 'exception' ? 'Assay will now close; start it again to go on.' : 'Assay keeps running, but the action that failed did not finish.';
  return { title: 'Assay hit an unexpected error', message: `${describe(error).message}\n\n${work}\n\n${next}\n\n${where}` };
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** Appends to the log, rotating it past its limit; the file's path, or null when it cannot be written (read-only disk, no space). */
export function appendCrashLog(file: string, entry: string): string | null {
  try {
    mkdirSync(dirname(file), { recursive: true });
    if (sizeOf(file) + Buffer.byteLength(entry) > CRASH_LOG_LIMIT) renameSync(file, file.replace(/\.log$/, '') + '.old.log');
    appendFileSync(file, entry);
    return file;
  } catch {
    return null;
  }
}

export interface CrashHandlerDeps {
  logFile: () => string;
  showErrorBox(title: string, message: string): void;
  /** Called once, after the first uncaught exception has been reported: closes the workbench and quits. */
  quit(): void;
  /** Ends the process when quitting itself failed. */
  exit?(code: number): void;
  /** Whether the window has yet to load: an exception then fails the start rather than the session. */
  startingUp?(): boolean;
  /** Reports a failed start (to `npm start`, or in a dialog) and exits non-zero. */
  failStartup?(error: unknown): void;
  now?: () => Date;
}

interface ProcessEvents {
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

function attempt(action: () => void): unknown {
  try {
    action();
    return null;
  } catch (e) {
    return e ?? new Error('unknown failure');
  }
}

/**
 * Installs the handlers on `proc` (the main process's `process`). They never
 * throw: an error in an error handler would end the process without the
 * workbench closing.
 */
export function installCrashHandlers(proc: ProcessEvents, deps: CrashHandlerDeps): void {
  let quitting = false;
  let dialogOpen = false;
  let lastDialogAt = -Infinity;
  /** Errors since the last dialog that only went to the log. */
  let unshown = 0;

  const logFile = (): string | null => {
    try {
      return deps.logFile();
    } catch {
      return null;
    }
  };
  const quit = () => {
    quitting = true;
    if (attempt(() => deps.quit())) attempt(() => deps.exit?.(1));
  };

  const report = (kind: CrashKind, error: unknown) => {
    const now = deps.now?.() ?? new Date();
    const file = logFile();
    const entry = crashLogEntry(kind, error, now);
    if (kind === 'exception' && !quitting && deps.startingUp?.() && deps.failStartup) {
      if (file) appendCrashLog(file, entry);
      quitting = true;
      if (attempt(() => deps.failStartup!(error))) attempt(() => deps.exit?.(1));
      return;
    }
    const quiet = quitting || dialogOpen || (kind === 'rejection' && now.getTime() - lastDialogAt < DIALOG_QUIET_MS);
    if (quiet) {
      unshown++;
      if (file) appendCrashLog(file, entry.replace(/\n\n$/, `\n(not shown in a dialog: ${unshown} error${unshown === 1 ? '' : 's'} since the last one shown)\n\n`));
      return;
    }
    const logged = file ? appendCrashLog(file, entry) : null;
    const { title, message } = crashDialogText(kind, error, logged, unshown);
    unshown = 0;
    lastDialogAt = now.getTime();
    dialogOpen = true;
    const failed = attempt(() => deps.showErrorBox(title, message));
    dialogOpen = false;
    if (failed && file) appendCrashLog(file, `The error dialog could not be shown: ${failed instanceof Error ? failed.message : String(failed)}\n\n`);
    if (kind === 'exception') quit();
  };
  const safely = (kind: CrashKind) => (error: unknown) => {
    if (attempt(() => report(kind, error)) && kind === 'exception' && !quitting) quit();
  };
  proc.on('uncaughtException', safely('exception'));
  proc.on('unhandledRejection', safely('rejection'));
}
