/**
 * How main.ts starts and fails to start, each scenario a fresh import of it
 * against a stand-in for Electron: a second instance hands over and quits, a
 * start-up error reaches `npm start` through the start-up file and a non-zero
 * exit, and the start-up file is taken out of the environment.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CrashHandlerDeps } from '../../src-main/electron/crashDialog';
import { STARTUP_FILE_ENV } from '../../src-main/electron/startupSignal';
import { readStartupSignals } from '../../scripts/startPlan.mjs';


const fake = vi.hoisted(() => ({
  calls: [] as unknown[][],
  lock: true,
  hostCore: null as null | (() => Promise<unknown>),
  crashDeps: null as unknown,
  windows: [] as { webContents: { emit(event: string, ...args: unknown[]): void } }[],
  userData: '',
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const app = Object.assign(new Emitter(), {
    name: 'Assay',
    isPackaged: false,
    whenReady: () => Promise.resolve(),
    quit: () => fake.calls.push(['quit']),
    exit: (code: number) => fake.calls.push(['exit', code]),
    requestSingleInstanceLock: () => fake.lock,
    getPath: (name: string) => (name === 'userData' ? fake.userData : `/home/a/${name}`),
    getAppPath: () => '/opt/assay',
    addRecentDocument: () => {},
  });
  class BrowserWindow extends Emitter {
    webContents = Object.assign(new Emitter(), { id: 1, mainFrame: {}, send: () => {}, isDestroyed: () => false, setWindowOpenHandler: () => {} });
    constructor() {
      super();
      fake.calls.push(['window']);
      fake.windows.push(this);
    }
    maximize() {}
    isDestroyed() {
      return false;
    }
    loadFile() {
      return Promise.resolve();
    }
  }
  const display = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1050 } };
  return {
    app,
    BrowserWindow,
    dialog: { showErrorBox: (title: string, message: string) => fake.calls.push(['showErrorBox', title, message]) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => {} },
    screen: { getPrimaryDisplay: () => display, getAllDisplays: () => [display] },
    shell: { openPath: async () => '' },
    ipcMain: { handle: () => {}, on: () => {} },
    session: {
      defaultSession: {
        on: () => {},
        webRequest: { onHeadersReceived: () => {} },
        setPermissionRequestHandler: () => {},
        setPermissionCheckHandler: () => {},
      },
    },
  };
});

vi.mock('../../src-main/node/app/bootstrap', () => ({
  startHostCore: () => {
    fake.calls.push(['startHostCore']);
    return fake.hostCore!();
  },
}));

// The handlers main.ts installs, captured rather than put on this test process's own `process`.
vi.mock('../../src-main/electron/crashDialog', async (original) => ({
  ...(await original<typeof import('../../src-main/electron/crashDialog')>()),
  installCrashHandlers: (_proc: unknown, deps: unknown) => (fake.crashDeps = deps),
}));

let dir: string;
let startupFile: string;
beforeEach(() => {
  vi.resetModules();
  dir = mkdtempSync(join(tmpdir(), 'assay-main-startup-'));
  startupFile = join(dir, 'startup.jsonl');
  fake.userData = join(dir, 'userData');
  fake.calls = [];
  fake.lock = true;
  fake.windows = [];
  fake.crashDeps = null;
  fake.hostCore = async () => ({ workbench: { recentProjects: () => [], info: () => null, close: async () => {} }, router: {} });
  process.env[STARTUP_FILE_ENV] = startupFile;
});
afterEach(() => {
  delete process.env[STARTUP_FILE_ENV];
  rmSync(dir, { recursive: true, force: true });
});

/** The real handlers (this file's import of crashDialog is the capturing stand-in), on a process of their own. */
async function crashHandlersOfMain(): Promise<EventEmitter> {
  const { installCrashHandlers } = await vi.importActual<typeof import('../../src-main/electron/crashDialog')>('../../src-main/electron/crashDialog');
  const proc = new EventEmitter();
  installCrashHandlers(proc, fake.crashDeps as CrashHandlerDeps);
  return proc;
}

const signals = () => readStartupSignals(readFileSync(startupFile, 'utf8'));
const exited = () => fake.calls.some((c) => c[0] === 'exit');

describe('the main process starting', () => {
  it('takes the start-up file out of the environment and signals once its window has loaded', async () => {
    await import('../../src-main/electron/main');
    expect(process.env[STARTUP_FILE_ENV]).toBeUndefined();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    expect(() => readFileSync(startupFile)).toThrow();
    fake.windows[0].webContents.emit('did-finish-load');
    expect(signals()).toEqual({ loaded: true });
  });

  it('quits at once as a second instance, opening no window and no project store', async () => {
    fake.lock = false;
    await import('../../src-main/electron/main');
    await new Promise((r) => setTimeout(r, 20));
    expect(fake.calls).toEqual([['quit']]);
  });

  it('reports a start-up error to npm start and exits non-zero, leaving the dialog to npm start’s fallback', async () => {
    fake.hostCore = async () => {
      throw new Error('no space left on device');
    };
    await import('../../src-main/electron/main');
    await vi.waitFor(() => expect(exited()).toBe(true));
    expect(fake.calls).toContainEqual(['exit', 1]);
    expect(signals()).toEqual({ loaded: false, failure: 'no space left on device' });
    expect(fake.calls.filter((c) => c[0] === 'showErrorBox')).toEqual([]);
  });

  it('says why in a dialog when started any other way', async () => {
    delete process.env[STARTUP_FILE_ENV];
    fake.hostCore = async () => {
      throw new Error('no space left on device');
    };
    await import('../../src-main/electron/main');
    await vi.waitFor(() => expect(exited()).toBe(true));
    expect(fake.calls).toContainEqual(['showErrorBox', 'Assay could not start', 'no space left on device']);
    expect(fake.calls).toContainEqual(['exit', 1]);
  });

  it('fails the start, non-zero, on an uncaught error before the window loads; after it, closes as usual', async () => {
    await import('../../src-main/electron/main');
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    const proc = await crashHandlersOfMain();
    proc.emit('uncaughtException', new Error('a listener threw'));
    expect(signals()).toEqual({ loaded: false, failure: 'a listener threw' });
    expect(fake.calls).toContainEqual(['exit', 1]);
    expect(fake.calls).not.toContainEqual(['quit']);
  });

  it('treats an uncaught error after the window loaded as the session’s: a dialog, then quit', async () => {
    await import('../../src-main/electron/main');
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    fake.windows[0].webContents.emit('did-finish-load');
    const proc = await crashHandlersOfMain();
    proc.emit('uncaughtException', new Error('later'));
    expect(fake.calls.filter((c) => c[0] === 'showErrorBox')).toHaveLength(1);
    expect(fake.calls).toContainEqual(['quit']);
    expect(exited()).toBe(false);
    expect(signals()).toEqual({ loaded: true });
  });
});
