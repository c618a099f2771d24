/**
 * The native menu and the page's keyboard shortcuts agree, each read from its
 * own single source: the menu template (appMenu.ts) and the page's key
 * matchers (util/shortcuts.ts through shortcutCommand, prepare/shortcuts.ts
 * for the editors' undo and redo).
 */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate } from '../../src-main/electron/appMenu';
import type { MenuCommand } from '../../src-main/core/api/menuCommand';
import { shortcutCommand } from '../../src-renderer/src/lib/desktop/menuCommands';
import { editorShortcut } from '../../src-renderer/src/lib/prepare/shortcuts';
import type { ShortcutEvent } from '../../src-renderer/src/lib/util/shortcuts';

type Item = MenuItemConstructorOptions;
interface Bound {
  accelerator: string;
  command: MenuCommand;
}

function boundItems(platform: NodeJS.Platform): Bound[] {
  let last: MenuCommand | null = null;
  const template = appMenuTemplate({
    platform,
    appName: 'Assay',
    recent: [{ name: 'p', path: '/p.assay', exists: true }],
    send: (c) => (last = c),
    showAbout: () => {},
    openReadme: () => {},
  });
  const out: Bound[] = [];
  const walk = (items: Item[]) => {
    for (const i of items) {
      if (Array.isArray(i.submenu)) walk(i.submenu);
      if (typeof i.accelerator !== 'string' || !i.click) continue;
      last = null;
      (i.click as () => void)();
      if (!last) throw new Error(`${i.label} has a key but sends no command`);
      out.push({ accelerator: i.accelerator, command: last });
    }
  };
  walk(template);
  return out;
}

/** The key events an accelerator stands for: Ctrl and Cmd both, as the page accepts either. */
function eventsFor(accelerator: string): ShortcutEvent[] {
  const parts = accelerator.split('+');
  const name = parts.pop()!;
  const key = name === 'Plus' ? '+' : name;
  const shiftKey = parts.includes('Shift');
  const altKey = parts.includes('Alt');
  expect(parts.every((p) => ['CmdOrCtrl', 'Shift', 'Alt'].includes(p)), accelerator).toBe(true);
  expect(parts, `${accelerator} needs the command key`).toContain('CmdOrCtrl');
  // With Shift held, a browser reports a letter key in capitals.
  const typed = shiftKey && /^[a-z]$/i.test(key) ? key.toUpperCase() : key.toLowerCase();
  return [
    { key: typed, ctrlKey: true, metaKey: false, shiftKey, altKey },
    { key: typed, ctrlKey: false, metaKey: true, shiftKey, altKey },
  ];
}

/** The page's answer to a key: its app-wide command, or the editors' undo/redo. */
function pageCommand(e: ShortcutEvent): MenuCommand | null {
  const c = shortcutCommand(e);
  const edit = editorShortcut(e);
  if (c && edit) throw new Error(`${e.key} is both ${c.command} and the editors' ${edit}`);
  if (edit === 'undo' || edit === 'redo') return { command: edit };
  return c;
}

function allKeyEvents(): ShortcutEvent[] {
  const keys = [...'abcdefghijklmnopqrstuvwxyz0123456789'].flatMap((k) => [k, k.toUpperCase()]).concat(['Enter', '+', '-', '=', ',', '.', '/', 'F2', 'F11']);
  const out: ShortcutEvent[] = [];
  for (const key of new Set(keys))
    for (const ctrlKey of [false, true])
      for (const metaKey of [false, true])
        for (const shiftKey of [false, true])
          for (const altKey of [false, true]) out.push({ key, ctrlKey, metaKey, shiftKey, altKey });
  return out;
}

describe.each(['linux', 'win32', 'darwin'] as const)('the %s menu and the page’s shortcuts', (platform) => {
  const bound = boundItems(platform);

  it('give every menu key to the command the page runs for it', () => {
    expect(bound.length).toBeGreaterThanOrEqual(13);
    for (const b of bound) for (const e of eventsFor(b.accelerator)) expect(pageCommand(e), `${b.accelerator} (${JSON.stringify(e)})`).toEqual(b.command);
  });

  it('put every app-wide page shortcut in the menu, under the same command', () => {
    const byCommand = new Map(bound.map((b) => [JSON.stringify(b.command), b.accelerator]));
    for (const e of allKeyEvents()) {
      const c = shortcutCommand(e);
      if (!c) continue;
      const accelerator = byCommand.get(JSON.stringify(c));
      expect(accelerator, `the page's ${JSON.stringify(c)} is in no menu`).toBeDefined();
      expect(eventsFor(accelerator!).some((m) => m.key.toLowerCase() === e.key.toLowerCase() && m.shiftKey === e.shiftKey && m.altKey === e.altKey)).toBe(true);
    }
  });

  it('bind no key twice', () => {
    const keys = bound.map((b) => b.accelerator);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('leave Chromium’s own keys (copy, paste, cut, select all, zoom) to the roles', () => {
    for (const key of ['c', 'v', 'x', 'a', '0', 'Plus', '-', '=']) {
      for (const e of eventsFor(`CmdOrCtrl+${key}`)) expect(pageCommand(e), key).toBeNull();
    }
  });
});
