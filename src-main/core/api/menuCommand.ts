import { isSection, type Section } from './sections';

/**
 * What the desktop app's native menu, a second launch and the OS ask the
 * window to do. The main process sends one of these over a single IPC
 * channel; the page runs it through the same code as the keyboard shortcut
 * or button that does the same thing.
 */
export type MenuCommand =
  | { command: 'newProject' | 'openProject' | 'saveProjectAs' | 'importData' | 'undo' | 'redo' }
  | { command: 'showSection'; section: Section }
  /** Open this project file: Open Recent, a `.assay` file opened from the OS or passed to a second launch. */
  | { command: 'openProjectFile'; path: string }
  /** Import this file, picked in the main process's native dialog (Import data… clicked in the menu). */
  | { command: 'importDataFile'; path: string };

const PLAIN = new Set(['newProject', 'openProject', 'saveProjectAs', 'importData', 'undo', 'redo']);
const WITH_PATH = new Set(['openProjectFile', 'importDataFile']);
/** Longer than any real path; a longer string is not one. */
const MAX_PATH_LENGTH = 32_768;

/**
 * `value` as a menu command, or null when it is not exactly one (unknown
 * command, extra or missing fields, a path that is not a non-empty string).
 * The page checks every message it is sent, whoever sent it.
 */
export function parseMenuCommand(value: unknown): MenuCommand | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const fields = Object.keys(value);
  const v = value as Record<string, unknown>;
  if (typeof v.command !== 'string') return null;
  if (PLAIN.has(v.command)) return fields.length === 1 ? ({ command: v.command } as MenuCommand) : null;
  if (v.command === 'showSection') return fields.length === 2 && isSection(v.section) ? { command: 'showSection', section: v.section } : null;
  if (WITH_PATH.has(v.command)) {
    const ok = fields.length === 2 && typeof v.path === 'string' && v.path !== '' && v.path.length <= MAX_PATH_LENGTH && !v.path.includes('\0');
    return ok ? ({ command: v.command, path: v.path } as MenuCommand) : null;
  }
  return null;
}
