import { describe, expect, it } from 'vitest';
import type { AssayBridge } from '../../../src-main/core/api/bridge';
import type { MenuCommand } from '../../../src-main/core/api/menuCommand';
import { droppedFileAction, droppedFilesNote, listenForMenuCommands, replayEditKey, runMenuCommand, shortcutCommand, type MenuTarget, type ReplayedKey } from '../../../src-renderer/src/lib/desktop/menuCommands';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

function recordingTarget() {
  const calls: unknown[][] = [];
  const target: MenuTarget = {
    newProject: () => calls.push(['newProject']),
    openProject: () => calls.push(['openProject']),
    saveProjectAs: () => calls.push(['saveProjectAs']),
    importData: () => calls.push(['importData']),
    importDataFile: (path) => calls.push(['importDataFile', path]),
    openProjectFile: (path) => calls.push(['openProjectFile', path]),
    showSection: (section) => calls.push(['showSection', section]),
    undo: () => calls.push(['undo']),
    redo: () => calls.push(['redo']),
  };
  return { calls, target };
}

describe('the page’s app-wide shortcuts as menu commands', () => {
  it('name the command the menu sends for the same key', () => {
    expect(shortcutCommand(key('n', { ctrlKey: true }))).toEqual({ command: 'newProject' });
    expect(shortcutCommand(key('o', { metaKey: true }))).toEqual({ command: 'openProject' });
    expect(shortcutCommand(key('S', { ctrlKey: true, shiftKey: true }))).toEqual({ command: 'saveProjectAs' });
    expect(shortcutCommand(key('i', { ctrlKey: true }))).toEqual({ command: 'importData' });
    expect(shortcutCommand(key('1', { ctrlKey: true }))).toEqual({ command: 'showSection', section: 'data' });
    expect(shortcutCommand(key('7', { metaKey: true }))).toEqual({ command: 'showSection', section: 'report' });
  });

  it('leave other keys alone', () => {
    for (const e of [key('8', { ctrlKey: true }), key('1'), key('1', { ctrlKey: true, altKey: true }), key('!', { ctrlKey: true, shiftKey: true }), key('z', { ctrlKey: true })]) {
      expect(shortcutCommand(e), JSON.stringify(e)).toBeNull();
    }
  });
});

describe('running a menu command', () => {
  it('calls the shell’s action for it', () => {
    const { calls, target } = recordingTarget();
    const commands: MenuCommand[] = [
      { command: 'newProject' },
      { command: 'openProject' },
      { command: 'saveProjectAs' },
      { command: 'importData' },
      { command: 'importDataFile', path: '/d/claims.csv' },
      { command: 'openProjectFile', path: '/a.assay' },
      { command: 'showSection', section: 'runs' },
      { command: 'undo' },
      { command: 'redo' },
    ];
    for (const c of commands) runMenuCommand(c, target);
    expect(calls).toEqual([['newProject'], ['openProject'], ['saveProjectAs'], ['importData'], ['importDataFile', '/d/claims.csv'], ['openProjectFile', '/a.assay'], ['showSection', 'runs'], ['undo'], ['redo']]);
  });
});

describe('Edit ▸ Undo and Redo from the menu', () => {
  function fakeDocument(takesKey: boolean, focused = true) {
    const dispatched: ReplayedKey[] = [];
    const executed: string[] = [];
    const element = {
      dispatchEvent: (e: Event & { init?: ReplayedKey }) => {
        dispatched.push(e.init!);
        return !takesKey;
      },
    } as unknown as EventTarget;
    const doc = { activeElement: focused ? element : null, body: element, execCommand: (c: string) => (executed.push(c), true) };
    const makeEvent = (init: ReplayedKey) => Object.assign(new Event('keydown'), { init });
    return { doc, dispatched, executed, makeEvent };
  }

  it('press Ctrl+Z or Ctrl+Shift+Z on the focused element, where a view may take it', () => {
    const f = fakeDocument(true);
    replayEditKey('undo', f.doc, f.makeEvent);
    replayEditKey('redo', f.doc, f.makeEvent);
    expect(f.dispatched.map((i) => [i.key, i.ctrlKey, i.shiftKey, i.bubbles, i.cancelable])).toEqual([
      ['z', true, false, true, true],
      ['z', true, true, true, true],
    ]);
    expect(f.executed).toEqual([]);
  });

  it('fall back to the browser’s own undo of the focused field when no view takes the key', () => {
    const f = fakeDocument(false, false);
    replayEditKey('undo', f.doc, f.makeEvent);
    replayEditKey('redo', f.doc, f.makeEvent);
    expect(f.dispatched).toHaveLength(2);
    expect(f.executed).toEqual(['undo', 'redo']);
  });
});

describe('listening for menu commands', () => {
  it('runs checked commands from the bridge and drops anything else', () => {
    let deliver: (m: unknown) => void = () => {};
    let unsubscribed = false;
    const bridge = {
      onMenuCommand: (l: (m: unknown) => void) => {
        deliver = l;
        return () => (unsubscribed = true);
      },
    } as unknown as AssayBridge;
    const ran: MenuCommand[] = [];
    const stop = listenForMenuCommands(bridge, (c) => ran.push(c));
    deliver({ command: 'showSection', section: 'train' });
    deliver({ command: 'showSection', section: 'nowhere' });
    deliver('openProject');
    expect(ran).toEqual([{ command: 'showSection', section: 'train' }]);
    stop();
    expect(unsubscribed).toBe(true);
  });

  it('listens to nothing in the browser: no handler is added anywhere, and a command-shaped message runs nothing', () => {
    type Listener = (e: { data: unknown }) => void;
    const g = globalThis as unknown as { addEventListener?: (type: string, listener: Listener) => void };
    const listeners: [string, Listener][] = [];
    const realAdd = g.addEventListener;
    g.addEventListener = (type, listener) => void listeners.push([type, listener]);
    try {
      const ran: MenuCommand[] = [];
      const stop = listenForMenuCommands(undefined, (c) => ran.push(c));
      expect(listeners.map(([type]) => type)).toEqual([]);
      for (const [, listener] of listeners) listener({ data: { command: 'newProject' } });
      expect(ran).toEqual([]);
      expect(() => stop()).not.toThrow();
    } finally {
      if (realAdd) g.addEventListener = realAdd;
      else delete g.addEventListener;
    }
  });
});

describe('a file dropped on the window', () => {
  it('opens a project file and imports anything else', () => {
    expect(droppedFileAction('claims.assay')).toBe('openProject');
    expect(droppedFileAction('CLAIMS.ASSAY')).toBe('openProject');
    expect(droppedFileAction('claims.csv')).toBe('importData');
    expect(droppedFileAction('claims.assay.csv')).toBe('importData');
  });

  it('several files: the first is taken and the rest are named as left, never dropped silently', () => {
    expect(droppedFilesNote(['a.csv'])).toBeNull();
    expect(droppedFilesNote([])).toBeNull();
    expect(droppedFilesNote(['a.csv', 'b.csv', 'c.tsv'])).toBe('3 files were dropped; Assay takes one at a time, so only a.csv is imported (drop the other 2 one by one).');
    expect(droppedFilesNote(['p.assay', 'b.csv'])).toBe('2 files were dropped; Assay takes one at a time, so only p.assay is opened (drop the other one on its own).');
  });
});
