/**
 * The native application menu, as data: Electron's `Menu.buildFromTemplate`
 * takes what this returns. Commands the page carries out (projects, import,
 * sections, undo/redo) are sent to it as MenuCommands, with the same keys as
 * its own shortcuts (src-renderer/src/lib/util/shortcuts.ts; a test holds the
 * two together); what Chromium or the OS does itself (copy, zoom, full
 * screen, quit) uses Electron's roles.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../core/api/menuCommand';
import { SECTIONS } from '../core/api/sections';

export interface RecentMenuEntry {
  name: string;
  path: string;
  exists: boolean;
}

export interface AppMenuInput {
  platform: NodeJS.Platform;
  appName: string;
  recent: readonly RecentMenuEntry[];
  send(command: MenuCommand): void;
  showAbout(): void;
  openReadme(): void;
}

/** Open Recent lists this many projects, most recent first. */
export const RECENT_MENU_LENGTH = 10;

type Item = MenuItemConstructorOptions;
const separator: Item = { type: 'separator' };

export function appMenuTemplate(input: AppMenuInput): Item[] {
  const mac = input.platform === 'darwin';
  const command = (label: string, c: MenuCommand, accelerator?: string): Item => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => input.send(c),
  });
  const about: Item = { label: `About ${input.appName}`, click: () => input.showAbout() };

  const appMenu: Item[] = mac
    ? [
        {
          label: input.appName,
          submenu: [about, separator, { role: 'services' }, separator, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, separator, { role: 'quit' }],
        },
      ]
    : [];

  const project: Item = {
    label: mac ? 'Project' : '&Project',
    submenu: [
      command('New…', { command: 'newProject' }, 'CmdOrCtrl+N'),
      command('Open…', { command: 'openProject' }, 'CmdOrCtrl+O'),
      { label: 'Open Recent', submenu: recentItems(input) },
      separator,
      command('Save As…', { command: 'saveProjectAs' }, 'CmdOrCtrl+Shift+S'),
      separator,
      command('Import data…', { command: 'importData' }, 'CmdOrCtrl+I'),
      ...(mac ? [] : [separator, { role: 'quit' } satisfies Item]),
    ],
  };

  const edit: Item = {
    label: mac ? 'Edit' : '&Edit',
    submenu: [
      command('Undo', { command: 'undo' }, 'CmdOrCtrl+Z'),
      command('Redo', { command: 'redo' }, 'CmdOrCtrl+Shift+Z'),
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const view: Item = {
    label: mac ? 'View' : '&View',
    submenu: [
      ...SECTIONS.map((s, i) => command(s.label, { command: 'showSection', section: s.id }, `CmdOrCtrl+${i + 1}`)),
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };

  const help: Item = {
    role: 'help',
    label: mac ? 'Help' : '&Help',
    submenu: [{ label: `${input.appName} README`, click: () => input.openReadme() }, ...(mac ? [] : [separator, about])],
  };

  return [...appMenu, project, edit, view, ...(mac ? [{ role: 'windowMenu' } satisfies Item] : []), help];
}

function recentItems(input: AppMenuInput): Item[] {
  const entries = input.recent.slice(0, RECENT_MENU_LENGTH);
  if (entries.length === 0) return [{ label: 'No recent projects', enabled: false }];
  // Windows and Linux read a single `&` in a label as a mnemonic marker; macOS shows it as it is.
  const text = (s: string) => (input.platform === 'darwin' ? s : s.replaceAll('&', '&&'));
  return entries.map((r) => ({
    label: `${text(r.name)} — ${text(r.path)}`,
    enabled: r.exists,
    toolTip: r.exists ? r.path : `${r.path} — file not found`,
    click: () => input.send({ command: 'openProjectFile', path: r.path }),
  }));
}
