/**
 * main.ts wired to a stand-in for Electron (its binary cannot be had here):
 * the window, the session hooks, the navigation and window-open guards and
 * the IPC trust check are the ones the desktop app really installs.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC } from '../../src-main/electron/channels';
import { windowWebPreferences } from '../../src-main/electron/windowOptions';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  class Emitter {
    listeners = new Map<string, Listener[]>();
    on(event: string, fn: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
      return this;
    }
    once(event: string, fn: Listener) {
      return this.on(event, fn);
    }
    emit(event: string, ...args: unknown[]) {
      for (const fn of this.listeners.get(event) ?? []) fn(...args);
    }
  }
  class FakeWebContents extends Emitter {
    static next = 1;
    id = FakeWebContents.next++;
    mainFrame = { url: '' };
    windowOpenHandler: Listener | null = null;
    sent: unknown[] = [];
    setWindowOpenHandler(fn: Listener) {
      this.windowOpenHandler = fn;
    }
    isDestroyed() {
      return false;
    }
    send(...args: unknown[]) {
      this.sent.push(args);
    }
  }
  const state = {
    Emitter,
    FakeWebContents,
    app: new Emitter(),
    windows: [] as { options: Record<string, unknown>; webContents: InstanceType<typeof FakeWebContents>; loaded: string }[],
    handlers: new Map<string, Listener>(),
    onMessage: new Map<string, Listener>(),
    headersHook: null as Listener | null,
    requestHandler: null as Listener | null,
    checkHandler: null as Listener | null,
    apiCalls: [] as unknown[][],
  };
  return state;
});

vi.mock('electron', () => {
  const app = Object.assign(fake.app, {
    whenReady: () => Promise.resolve(),
    quit: () => undefined,
    exit: () => undefined,
  });
  class BrowserWindow {
    webContents = new fake.FakeWebContents();
    constructor(options: Record<string, unknown>) {
      fake.windows.push({ options, webContents: this.webContents, loaded: '' });
      // as Electron does, before the constructor returns
      fake.app.emit('web-contents-created', {}, this.webContents);
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
    dialog: { showErrorBox: (title: string, message: string) => fake.apiCalls.push(['showErrorBox', title, message]) },
    ipcMain: {
      handle: (channel: string, fn: Listener) => fake.handlers.set(channel, fn),
      on: (channel: string, fn: Listener) => fake.onMessage.set(channel, fn),
    },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (fn: Listener) => (fake.headersHook = fn) },
        setPermissionRequestHandler: (fn: Listener) => (fake.requestHandler = fn),
        setPermissionCheckHandler: (fn: Listener) => (fake.checkHandler = fn),
      },
    },
  };
});

vi.mock('../../src-main/node/app/bootstrap', () => ({
  startHostCore: async () => ({ workbench: { close: () => undefined }, router: {} }),
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
