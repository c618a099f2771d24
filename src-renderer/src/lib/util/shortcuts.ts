/** App-wide keyboard shortcuts. */
export type ShortcutAction = 'open' | 'saveAs' | 'import';

export interface ShortcutEvent {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Ctrl on Windows/Linux and Cmd on macOS both count as the command key. */
export function matchShortcut(e: ShortcutEvent): ShortcutAction | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'o' && !e.shiftKey) return 'open';
  if (key === 's' && e.shiftKey) return 'saveAs';
  if (key === 'i' && !e.shiftKey) return 'import';
  return null;
}
