import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate, RECENT_MENU_LENGTH, type AppMenuInput } from '../../src-main/electron/appMenu';
import type { MenuCommand } from '../../src-main/core/api/menuCommand';
import { SECTIONS } from '../../src-main/core/api/sections';

type Item = MenuItemConstructorOptions;

function build(overrides: Partial<AppMenuInput> = {}) {
  const sent: MenuCommand[] = [];
  const calls: string[] = [];
  const template = appMenuTemplate({
    platform: 'linux',
    appName: 'Assay',
    recent: [],
    send: (c) => sent.push(c),
    showAbout: () => calls.push('about'),
    openReadme: () => calls.push('readme'),
    ...overrides,
  });
  return { template, sent, calls };
}

const labelOf = (i: Item) => (i.label ?? '').replace(/&(?!&)/g, '');
const submenu = (i: Item) => (i.submenu ?? []) as Item[];
const menu = (template: Item[], label: string) => {
  const found = template.find((i) => labelOf(i) === label);
  if (!found) throw new Error(`no ${label} menu in ${template.map(labelOf).join(', ')}`);
  return submenu(found);
};
const item = (items: Item[], label: string) => {
  const found = items.find((i) => labelOf(i) === label);
  if (!found) throw new Error(`no ${label} item in ${items.map(labelOf).join(', ')}`);
  return found;
};
const click = (i: Item) => (i.click as () => void)();

describe('the application menu', () => {
  it('has Project, Edit, View and Help on Windows and Linux, with mnemonics', () => {
    const { template } = build();
    expect(template.map((i) => i.label)).toEqual(['&Project', '&Edit', '&View', '&Help']);
  });

  it('adds the app menu and the Window menu on macOS, and About moves to the app menu', () => {
    const { template, calls } = build({ platform: 'darwin' });
    expect(template.map((i) => i.label ?? i.role)).toEqual(['Assay', 'Project', 'Edit', 'View', 'windowMenu', 'Help']);
    const app = submenu(template[0]);
    click(item(app, 'About Assay'));
    expect(calls).toEqual(['about']);
    expect(app.map((i) => i.role).filter(Boolean)).toEqual(['services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(menu(template, 'Help').map(labelOf)).toEqual(['Assay README']);
    expect(menu(template, 'Project').some((i) => i.role === 'quit')).toBe(false);
  });

  it('sends the project commands to the page', () => {
    const { template, sent } = build();
    const project = menu(template, 'Project');
    for (const label of ['New…', 'Open…', 'Save As…', 'Import data…']) click(item(project, label));
    expect(sent).toEqual([{ command: 'newProject' }, { command: 'openProject' }, { command: 'saveProjectAs' }, { command: 'importData' }]);
    expect(project.at(-1)?.role).toBe('quit');
  });

  it('lists recent projects, opens one by path, and greys out a missing file', () => {
    const recent = [
      { name: 'claims', path: '/home/a/claims.assay', exists: true },
      { name: 'R&D', path: '/home/a/R&D.assay', exists: false },
    ];
    const { template, sent } = build({ recent });
    const items = submenu(item(menu(template, 'Project'), 'Open Recent'));
    expect(items.map((i) => i.label)).toEqual(['claims — /home/a/claims.assay', 'R&&D — /home/a/R&&D.assay']);
    expect(items.map((i) => i.enabled)).toEqual([true, false]);
    expect(items[1].toolTip).toBe('/home/a/R&D.assay — file not found');
    click(items[0]);
    expect(sent).toEqual([{ command: 'openProjectFile', path: '/home/a/claims.assay' }]);

    const mac = submenu(item(menu(build({ platform: 'darwin', recent }).template, 'Project'), 'Open Recent'));
    expect(mac[1].label).toBe('R&D — /home/a/R&D.assay');
  });

  it('says when there is no recent project, and lists at most the most recent ten', () => {
    const empty = submenu(item(menu(build().template, 'Project'), 'Open Recent'));
    expect(empty).toEqual([{ label: 'No recent projects', enabled: false }]);
    const many = Array.from({ length: 15 }, (_, i) => ({ name: `p${i}`, path: `/p${i}.assay`, exists: true }));
    const items = submenu(item(menu(build({ recent: many }).template, 'Project'), 'Open Recent'));
    expect(items).toHaveLength(RECENT_MENU_LENGTH);
    expect(items[0].label).toBe('p0 — /p0.assay');
  });

  it('sends undo and redo to the page and leaves clipboard editing to Chromium', () => {
    const { template, sent } = build();
    const edit = menu(template, 'Edit');
    click(item(edit, 'Undo'));
    click(item(edit, 'Redo'));
    expect(sent).toEqual([{ command: 'undo' }, { command: 'redo' }]);
    expect(edit.map((i) => i.role).filter(Boolean)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  it('lists every section in side-bar order, then zoom and full screen', () => {
    const { template, sent } = build();
    const view = menu(template, 'View');
    const sections = view.slice(0, SECTIONS.length);
    expect(sections.map(labelOf)).toEqual(SECTIONS.map((s) => s.label));
    expect(sections.map((i) => i.accelerator)).toEqual(SECTIONS.map((_, i) => `CmdOrCtrl+${i + 1}`));
    sections.forEach(click);
    expect(sent).toEqual(SECTIONS.map((s) => ({ command: 'showSection', section: s.id })));
    expect(view.map((i) => i.role).filter(Boolean)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('has About and the README in Help', () => {
    const { template, calls } = build();
    const help = menu(template, 'Help');
    click(item(help, 'Assay README'));
    click(item(help, 'About Assay'));
    expect(calls).toEqual(['readme', 'about']);
  });
});
