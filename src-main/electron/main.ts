import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, session, shell, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { ApiSession } from '../node/api/session';
import { startHostCore } from '../node/app/bootstrap';
import type { ProgressMessage } from '../core/api/protocol';
import { IPC } from './channels';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererIndex = join(here, '..', 'renderer', 'index.html');
const preload = join(here, '..', 'preload', 'preload.cjs');

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Assay',
    webPreferences: { preload, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, spellcheck: false },
  });
  // No navigation away from the bundled page and no new windows; links open in the system browser.
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  void win.loadFile(rendererIndex);
  return win;
}

async function main(): Promise<void> {
  await app.whenReady();
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, callback) => callback(false));

  const { workbench, router } = await startHostCore('electron');
  const win = createWindow();
  const sessions = new Map<number, ApiSession>();
  const sessionFor = (wc: WebContents) => {
    let s = sessions.get(wc.id);
    if (!s) {
      s = new ApiSession(router);
      sessions.set(wc.id, s);
      wc.once('destroyed', () => {
        s!.close();
        sessions.delete(wc.id);
      });
    }
    return s;
  };
  // Only our own window's top frame, showing our own page, may call the API.
  const trusted = (e: IpcMainInvokeEvent | Electron.IpcMainEvent) =>
    e.sender === win.webContents && e.senderFrame?.url.startsWith('file://') === true && e.senderFrame === win.webContents.mainFrame;

  ipcMain.handle(IPC.request, async (e, id: unknown, method: unknown, input: unknown) => {
    if (!trusted(e)) return { ok: false, error: { code: 'bad-request', message: 'Untrusted sender.' } };
    if (typeof id !== 'number') return { ok: false, error: { code: 'bad-request', message: 'A request id must be a number.' } };
    return sessionFor(e.sender).request(id, method, input, (progress) => {
      const m: ProgressMessage = { type: 'progress', id, progress };
      if (!e.sender.isDestroyed()) e.sender.send(IPC.progress, m);
    });
  });
  ipcMain.on(IPC.cancel, (e, id: unknown) => {
    if (trusted(e) && typeof id === 'number') sessionFor(e.sender).cancel(id);
  });
  ipcMain.handle(IPC.chooseProjectPath, async (e, mode: unknown) => {
    if (!trusted(e) || (mode !== 'open' && mode !== 'save')) return null;
    const filters = [{ name: 'Assay project', extensions: ['assay'] }];
    if (mode === 'open') {
      const r = await dialog.showOpenDialog(win, { properties: ['openFile'], filters });
      return r.canceled ? null : (r.filePaths[0] ?? null);
    }
    const r = await dialog.showSaveDialog(win, { filters });
    return r.canceled ? null : (r.filePath ?? null);
  });

  app.on('window-all-closed', () => {
    workbench.close();
    app.quit();
  });
}

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault());
});

main().catch((e: unknown) => {
  dialog.showErrorBox('Assay could not start', (e as Error).message ?? String(e));
  app.exit(1);
});
