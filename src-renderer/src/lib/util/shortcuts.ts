import { SECTIONS, type Section } from '../../../../src-main/core/api/sections';

/** App-wide keyboard shortcuts. */
export type ShortcutAction = 'new' | 'open' | 'saveAs' | 'import';

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
  if (key === 'n' && !e.shiftKey) return 'new';
  if (key === 'o' && !e.shiftKey) return 'open';
  if (key === 's' && e.shiftKey) return 'saveAs';
  if (key === 'i' && !e.shiftKey) return 'import';
  return null;
}

/** Ctrl/Cmd+1 … Ctrl/Cmd+7 go to the sections in side-bar order. */
export function matchSectionShortcut(e: ShortcutEvent): Section | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || !/^[1-9]$/.test(e.key)) return null;
  return SECTIONS[Number(e.key) - 1]?.id ?? null;
}
