/**
 * main.ts wired to a stand-in for Electron (its binary cannot be had here):
 * the window, the session hooks, the navigation and window-open guards and
 * the IPC trust check are the ones the desktop app really installs.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC } from '../../src-main/electron/channels';
import { exportDialogOptions } from '../../src-main/electron/dialogs';
import { windowWebPreferences } from '../../src-main/electron/windowOptions';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  class Emitter {
    listeners = new Map<string, Listener[]>();
    on(event: string, fn: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
      return this;
    }
    /** As Node's: the listener runs for the first event only. */
    once(event: string, fn: Listener) {
      const wrapped: Listener = (...args) => {
        this.off(event, wrapped);
        return fn(...args);
      };
      return this.on(event, wrapped);
    }
    off(event: string, fn: Listener) {
      this.listeners.set(event, (this.listeners.get(event) ?? []).filter((f) => f !== fn));
      return this;
    }
    emit(event: string, ...args: unknown[]) {
      for (const fn of [...(this.listeners.get(event) ?? [])]) fn(...args);
    }
  }
  class FakeWebContents extends Emitter {
    destroyed = false;
    static next = 1;
    id = FakeWebContents.next++;
    mainFrame = { url: '' };
    windowOpenHandler: Listener | null = null;
    sent: unknown[] = [];
    setWindowOpenHandler(fn: Listener) {
      this.windowOpenHandler = fn;
    }
    isDestroyed() {
      return this.destroyed;
    }
    send(...args: unknown[]) {
      this.sent.push(args);
    }
  }
  const state = {
    Emitter,
    FakeWebContents,
    app: new Emitter(),
    windows: [] as { options: Record<string, unknown>; webContents: InstanceType<typeof FakeWebContents>; loaded: string; window?: Emitter }[],
    handlers: new Map<string, Listener>(),
    onMessage: new Map<string, Listener>(),
    headersHook: null as Listener | null,
    requestHandler: null as Listener | null,
    checkHandler: null as Listener | null,
    apiCalls: [] as unknown[][],
    /** Calls into Electron's app, Menu, shell and dialog made by the desktop integration. */
    desktop: [] as unknown[][],
    menu: null as unknown[] | null,
    sessionEvents: new Emitter(),
    userData: `${process.env.TMPDIR ?? '/tmp'}/assay-main-test-${process.pid}`,
    recent: [{ path: '/home/a/claims.assay', name: 'claims', openedAt: '', exists: true }],
    closes: 0,
    openDialogAnswer: { canceled: false, filePaths: ['/home/a/picked/q3.assay'] },
  };
  return state;
});

vi.mock('electron', () => {
  const app = Object.assign(fake.app, {
    name: 'Assay',
    isPackaged: false,
    whenReady: () => Promise.resolve(),
    quit: () => {
      fake.desktop.push(['quit']);
      let prevented = false;
      fake.app.emit('before-quit', { preventDefault: () => (prevented = true) });
      if (!prevented) fake.desktop.push(['quit done']);
    },
    exit: () => undefined,
    requestSingleInstanceLock: () => true,
    getPath: (name: string) => (name === 'userData' ? fake.userData : `/home/a/${name}`),
    getAppPath: () => '/opt/assay',
    addRecentDocument: (path: string) => fake.desktop.push(['addRecentDocument', path]),
  });
  class BrowserWindow extends fake.Emitter {
    webContents = new fake.FakeWebContents();
    maximized = false;
    constructor(options: Record<string, unknown>) {
      super();
      fake.windows.push({ options, webContents: this.webContents, loaded: '', window: this });
      // as Electron does, before the constructor returns
      fake.app.emit('web-contents-created', {}, this.webContents);
    }
    maximize() {
      this.maximized = true;
    }
    isMaximized() {
      return this.maximized;
    }
    isMinimized() {
      return false;
    }
    isDestroyed() {
      return false;
    }
    focus() {
      fake.desktop.push(['focus']);
    }
    getNormalBounds() {
      return { x: 40, y: 30, width: 1100, height: 750 };
    }
    loadFile(file: string) {
      fake.windows[fake.windows.length - 1].loaded = file;
      this.webContents.mainFrame.url = pathToFileURL(file).href;
      return Promise.resolve();
    }
  }
  return {
    app,
    BrowserWindow,
    dialog: {
      showErrorBox: (title: string, message: string) => fake.apiCalls.push(['showErrorBox', title, message]),
      showOpenDialog: async (_win: unknown, options: unknown) => (fake.desktop.push(['showOpenDialog', options]), fake.openDialogAnswer),
      showSaveDialog: async (_win: unknown, options: unknown) => (fake.desktop.push(['showSaveDialog', options]), { canceled: true }),
      showMessageBox: async (_win: unknown, options: unknown) => (fake.desktop.push(['showMessageBox', options]), { response: 0 }),
    },
    Menu: {
      buildFromTemplate: (template: unknown[]) => template,
      setApplicationMenu: (menu: unknown[]) => (fake.menu = menu),
    },
    screen: {
      getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1050 } }),
      getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1050 } }],
    },
    shell: { openPath: async (path: string) => (fake.desktop.push(['openPath', path]), '') },
    ipcMain: {
      handle: (channel: string, fn: Listener) => fake.handlers.set(channel, fn),
      on: (channel: string, fn: Listener) => fake.onMessage.set(channel, fn),
    },
    session: {
      defaultSession: {
        on: (event: string, fn: Listener) => fake.sessionEvents.on(event, fn),
        webRequest: { onHeadersReceived: (fn: Listener) => (fake.headersHook = fn) },
        setPermissionRequestHandler: (fn: Listener) => (fake.requestHandler = fn),
        setPermissionCheckHandler: (fn: Listener) => (fake.checkHandler = fn),
      },
    },
  };
});

vi.mock('../../src-main/node/app/bootstrap', () => ({
  startHostCore: async () => ({
    workbench: {
      close: async () => void fake.closes++,
      recentProjects: () => fake.recent,
      info: () => ({ path: '/home/a/claims.assay', name: 'claims', schemaVersion: 1 }),
    },
    router: {},
  }),
}));

vi.mock('../../src-main/node/api/session', () => ({
  ApiSession: class {
    async request(id: number, method: unknown, input: unknown) {
      fake.apiCalls.push([id, method, input]);
      return { ok: true, value: 'answered' };
    }
    cancel() {}
    async close() {}
  },
}));

const electronDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src-main', 'electron');
const rendererIndex = join(electronDir, '..', 'renderer', 'index.html');
const appUrl = pathToFileURL(rendererIndex).href;

function navigation(url: string) {
  let prevented = false;
  return {
    event: { url, preventDefault: () => (prevented = true) },
    get prevented() {
      return prevented;
    },
  };
}

describe('the desktop main process', () => {
  beforeAll(async () => {
    await import('../../src-main/electron/main');
    await vi.waitFor(() => expect(fake.handlers.has(IPC.request)).toBe(true));
  });
  const win = () => fake.windows[0];

  it('opens one window on the bundled page with the locked-down preferences', () => {
    expect(fake.windows).toHaveLength(1);
    expect(win().loaded).toBe(rendererIndex);
    expect(win().options.webPreferences).toEqual(windowWebPreferences(join(electronDir, '..', 'preload', 'preload.cjs')));
  });

  it('adds the Content Security Policy to every response', () => {
    let headers: Record<string, string[]> = {};
    fake.headersHook!({ responseHeaders: { 'content-type': ['text/html'] } }, (r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders));
    expect(headers['content-type']).toEqual(['text/html']);
    expect(headers['Content-Security-Policy'].join()).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
    expect(headers['Content-Security-Policy'].join()).not.toMatch(/unsafe-eval/);
  });

  it('refuses navigation away from the app page, in the top frame, in sub-frames and by redirect', () => {
    const wc = win().webContents;
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      for (const url of ['https://example.com/', 'file:///etc/passwd', 'data:text/html,x']) {
        const nav = navigation(url);
        wc.emit(event, nav.event);
        expect(nav.prevented, `${event} ${url}`).toBe(true);
      }
      const reload = navigation(appUrl);
      wc.emit(event, reload.event);
      expect(reload.prevented, `${event} to the app page itself`).toBe(false);
    }
    const webview = navigation('https://example.com/');
    wc.emit('will-attach-webview', webview.event);
    expect(webview.prevented).toBe(true);
  });

  it('refuses every new window', () => {
    const open = win().webContents.windowOpenHandler!;
    for (const url of ['https://example.com/', 'http://example.com/', 'file:///etc/passwd', appUrl]) {
      expect(open({ url, frameName: '', features: '', disposition: 'foreground-tab' })).toEqual({ action: 'deny' });
    }
  });

  it('denies permission requests and checks; only the app page may write the clipboard', () => {
    const asked = (permission: string, requestingUrl: string, isMainFrame = true) => {
      let granted: boolean | undefined;
      fake.requestHandler!(win().webContents, permission, (g: boolean) => (granted = g), { requestingUrl, isMainFrame });
      const checked = fake.checkHandler!(win().webContents, permission, new URL(requestingUrl).origin, { requestingUrl, isMainFrame });
      expect(checked, `check ${permission} from ${requestingUrl}`).toBe(granted);
      return granted;
    };
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'usb', 'serial']) expect(asked(p, appUrl), p).toBe(false);
    expect(asked('clipboard-sanitized-write', appUrl)).toBe(true);
    expect(asked('clipboard-sanitized-write', appUrl, false)).toBe(false);
    expect(asked('clipboard-sanitized-write', 'https://example.com/')).toBe(false);
  });

  it('answers API calls from the app page only', async () => {
    const request = fake.handlers.get(IPC.request)!;
    const wc = win().webContents;
    const ok = await request({ sender: wc, senderFrame: wc.mainFrame }, 1, 'datasets.list', {});
    expect(ok).toEqual({ ok: true, value: 'answered' });
    expect(fake.apiCalls).toEqual([[1, 'datasets.list', {}]]);

    const refusals: unknown[] = [
      // the window's top frame, but showing another local file
      await request({ sender: wc, senderFrame: Object.assign(wc.mainFrame, { url: 'file:///tmp/evil.html' }) }, 2, 'datasets.list', {}),
      // a sub-frame of the window showing the app page
      await request({ sender: wc, senderFrame: { url: appUrl } }, 3, 'datasets.list', {}),
      // another web contents
      await request({ sender: new fake.FakeWebContents(), senderFrame: { url: appUrl } }, 4, 'datasets.list', {}),
      // a frame already gone
      await request({ sender: wc, senderFrame: null }, 5, 'datasets.list', {}),
    ];
    wc.mainFrame.url = appUrl;
    for (const r of refusals) expect(r).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/^Refused an API call from /) } });
    expect((refusals[0] as { error: { message: string } }).error.message).toContain('file:///tmp/evil.html');
    expect(fake.apiCalls).toHaveLength(1);

    const choose = fake.handlers.get(IPC.chooseProjectPath)!;
    expect(await choose({ sender: wc, senderFrame: { url: appUrl } }, 'open')).toBeNull();
  });
});

describe('the desktop integration of the main process', () => {
  beforeAll(async () => {
    await import('../../src-main/electron/main');
    await vi.waitFor(() => expect(fake.menu).not.toBeNull());
  });
  afterAll(() => rmSync(fake.userData, { recursive: true, force: true }));
  const win = () => fake.windows[0];
  type MenuItem = { label?: string; submenu?: MenuItem[]; click?: () => void };
  const find = (items: MenuItem[], label: string) => items.find((i) => (i.label ?? '').replace(/&(?!&)/g, '') === label)!;
  const menuCommands = () => win().webContents.sent.filter((m) => (m as unknown[])[0] === IPC.menuCommand).map((m) => (m as unknown[])[1]);

  it('installs the application menu, whose commands reach the page over the menu channel', () => {
    const project = find(fake.menu as MenuItem[], 'Project').submenu!;
    find(project, 'Open…').click!();
    const recent = find(project, 'Open Recent').submenu!;
    expect(recent.map((i) => i.label)).toEqual(['claims — /home/a/claims.assay']);
    recent[0].click!();
    expect(menuCommands()).toEqual([{ command: 'openProject' }, { command: 'openProjectFile', path: '/home/a/claims.assay' }]);
    expect(fake.desktop).toContainEqual(['addRecentDocument', '/home/a/claims.assay']);
  });

  it('picks the file for Import data… from the menu with a native dialog, as the page cannot open its picker then', async () => {
    const project = find(fake.menu as MenuItem[], 'Project').submenu!;
    fake.openDialogAnswer = { canceled: false, filePaths: ['/home/a/data/claims.csv'] };
    find(project, 'Import data…').click!();
    await vi.waitFor(() => expect(menuCommands().at(-1)).toEqual({ command: 'importDataFile', path: '/home/a/data/claims.csv' }));
    const dialogs = fake.desktop.filter((c) => c[0] === 'showOpenDialog');
    expect((dialogs.at(-1)![1] as { title: string }).title).toBe('Import data');
    fake.openDialogAnswer = { canceled: true, filePaths: [] };
    const before = menuCommands().length;
    find(project, 'Import data…').click!();
    await new Promise((r) => setTimeout(r, 10));
    expect(menuCommands()).toHaveLength(before);
    fake.openDialogAnswer = { canceled: false, filePaths: ['/home/a/picked/q3.assay'] };
  });

  it('opens at the default size when no window state was saved, and saves its place on close', () => {
    expect(win().options).toMatchObject({ width: 1400, height: 900, minWidth: 800, minHeight: 560 });
    expect(win().options.x).toBeUndefined();
    const file = join(fake.userData, 'window-state.json');
    expect(existsSync(file)).toBe(false);
    win().window!.emit('close', {});
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ x: 40, y: 30, width: 1100, height: 750, maximized: false });
  });

  it('opens a project file from a second launch or the OS once the page has loaded, and brings the window forward', () => {
    const before = menuCommands().length;
    fake.app.emit('second-instance', {}, ['/opt/Assay/assay', '--some-switch', 'q3.assay'], '/home/a/work');
    expect(fake.desktop).toContainEqual(['focus']);
    expect(menuCommands()).toHaveLength(before);
    win().webContents.emit('did-finish-load');
    expect(menuCommands().slice(before)).toEqual([{ command: 'openProjectFile', path: '/home/a/work/q3.assay' }]);
    let prevented = false;
    fake.app.emit('open-file', { preventDefault: () => (prevented = true) }, '/Users/a/Desktop/deck.assay');
    expect(prevented).toBe(true);
    expect(menuCommands().at(-1)).toEqual({ command: 'openProjectFile', path: '/Users/a/Desktop/deck.assay' });
    fake.app.emit('second-instance', {}, ['/opt/Assay/assay'], '/home/a');
    expect(menuCommands().at(-1)).toEqual({ command: 'openProjectFile', path: '/Users/a/Desktop/deck.assay' });
  });

  it('picks project files with the native dialog, starting the next one in the same folder', async () => {
    const choose = fake.handlers.get(IPC.chooseProjectPath)!;
    const wc = win().webContents;
    expect(await choose({ sender: wc, senderFrame: wc.mainFrame }, 'open')).toBe('/home/a/picked/q3.assay');
    await choose({ sender: wc, senderFrame: wc.mainFrame }, 'open');
    const opens = fake.desktop
      .filter((c) => c[0] === 'showOpenDialog' && (c[1] as { title: string }).title === 'Open project')
      .map((c) => c[1] as { defaultPath?: string; filters: unknown });
    expect(opens[0].defaultPath).toBeUndefined();
    expect(opens[1].defaultPath).toBe('/home/a/picked');
    expect(opens[1].filters).toEqual([{ name: 'Assay project', extensions: ['assay'] }]);
  });

  it('gives each export a native save dialog in the last export folder', () => {
    const download = (name: string, savedTo: string) => {
      const item = Object.assign(new fake.Emitter(), {
        options: null as unknown,
        getFilename: () => name,
        getSavePath: () => savedTo,
        setSaveDialogOptions(o: unknown) {
          this.options = o;
        },
      });
      fake.sessionEvents.emit('will-download', {}, item);
      item.emit('done', {}, 'completed');
      return item.options;
    };
    expect(download('deck.pptx', '/home/a/talks/deck.pptx')).toEqual(exportDialogOptions('deck.pptx', '/home/a/documents'));
    expect(download('roc.png', '/home/a/talks/roc.png')).toEqual(exportDialogOptions('roc.png', '/home/a/talks'));
  });

  it('closes the project before quitting, however the app is quit', async () => {
    fake.app.emit('window-all-closed');
    await vi.waitFor(() => expect(fake.desktop).toContainEqual(['quit done']));
    expect(fake.closes).toBe(1);
    expect(fake.desktop.filter((c) => c[0] === 'quit')).toHaveLength(2);
  });
});
