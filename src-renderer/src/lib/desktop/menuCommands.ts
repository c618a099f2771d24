import type { AssayBridge } from '../../../../src-main/core/api/bridge';
import { parseMenuCommand, type MenuCommand } from '../../../../src-main/core/api/menuCommand';
import type { Section } from '../../../../src-main/core/api/sections';
import { matchSectionShortcut, matchShortcut, type ShortcutEvent } from '../util/shortcuts';

/** What the app shell does for a command, whether a key, the native menu or the OS asked. */
export interface MenuTarget {
  newProject(): void;
  openProject(): void;
  saveProjectAs(): void;
  importData(): void;
  importDataFile(path: string): void;
  openProjectFile(path: string): void;
  showSection(section: Section): void;
  undo(): void;
  redo(): void;
}

/**
 * The app-wide keyboard shortcut `e` as the command the native menu sends
 * for the same key, so a key press and a menu click run one code path.
 * Undo and redo are not here: their keys belong to the focused view (the
 * recipe editors keep their own history), see replayEditKey.
 */
export function shortcutCommand(e: ShortcutEvent): MenuCommand | null {
  const action = matchShortcut(e);
  if (action === 'new') return { command: 'newProject' };
  if (action === 'open') return { command: 'openProject' };
  if (action === 'saveAs') return { command: 'saveProjectAs' };
  if (action === 'import') return { command: 'importData' };
  const section = matchSectionShortcut(e);
  return section ? { command: 'showSection', section } : null;
}

export function runMenuCommand(c: MenuCommand, target: MenuTarget): void {
  switch (c.command) {
    case 'newProject':
      return target.newProject();
    case 'openProject':
      return target.openProject();
    case 'saveProjectAs':
      return target.saveProjectAs();
    case 'importData':
      return target.importData();
    case 'importDataFile':
      return target.importDataFile(c.path);
    case 'openProjectFile':
      return target.openProjectFile(c.path);
    case 'showSection':
      return target.showSection(c.section);
    case 'undo':
      return target.undo();
    case 'redo':
      return target.redo();
  }
}

/** The keydown replayEditKey presses: a KeyboardEventInit. */
export interface ReplayedKey {
  key: string;
  ctrlKey: boolean;
  shiftKey: boolean;
  bubbles: boolean;
  cancelable: boolean;
}

/** The part of `document` replayEditKey needs. */
export interface EditDocument {
  activeElement: EventTarget | null;
  body: EventTarget | null;
  execCommand(command: string): boolean;
}

/**
 * Edit ▸ Undo/Redo from the native menu. The page decides what Ctrl/Cmd+Z
 * means where the focus is (a recipe editor undoes its last edit of the
 * recipe, even from inside a field; a text field undoes typing), so the menu
 * presses that key on the focused element. If no view takes it, the browser's
 * own undo of the focused field runs, as the key would have done.
 */
export function replayEditKey(kind: 'undo' | 'redo', doc: EditDocument, makeKeydown: (init: ReplayedKey) => Event): void {
  const event = makeKeydown({ key: 'z', ctrlKey: true, shiftKey: kind === 'redo', bubbles: true, cancelable: true });
  const target = doc.activeElement ?? doc.body;
  const taken = target ? !target.dispatchEvent(event) : false;
  if (!taken) doc.execCommand(kind);
}

/**
 * Runs every menu command the desktop main process sends; in the browser
 * (no bridge) there is no native menu and nothing to listen to. A message
 * that is not a command is dropped: the page trusts no message unchecked.
 */
export function listenForMenuCommands(bridge: AssayBridge | undefined, run: (c: MenuCommand) => void): () => void {
  if (!bridge) return () => {};
  return bridge.onMenuCommand((message) => {
    const c = parseMenuCommand(message);
    if (c) run(c);
  });
}

/** What a file dropped anywhere on the window does: a project file opens, any other file is imported as data. */
export function droppedFileAction(fileName: string): 'openProject' | 'importData' {
  return /\.assay$/i.test(fileName) ? 'openProject' : 'importData';
}

/** Several files dropped at once: Assay takes the first, and says so rather than dropping the rest silently. */
export function droppedFilesNote(names: readonly string[]): string | null {
  if (names.length < 2) return null;
  const verb = droppedFileAction(names[0]) === 'openProject' ? 'opened' : 'imported';
  const rest = names.length - 1;
  return `${names.length} files were dropped; Assay takes one at a time, so only ${names[0]} is ${verb} (${rest === 1 ? 'drop the other one on its own' : `drop the other ${rest} one by one`}).`;
}
