import type { ShortcutEvent } from '../util/shortcuts';

export type EditorAction = 'undo' | 'redo' | 'save';

/**
 * The recipe editor's keys: Ctrl/Cmd+Z undoes an edit of the recipe (the
 * editor's own history, also from inside a field), Ctrl/Cmd+Shift+Z or
 * Ctrl+Y redoes, Ctrl/Cmd+S saves.
 */
export function editorShortcut(e: ShortcutEvent): EditorAction | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  if (key === 's' && !e.shiftKey) return 'save';
  return null;
}
