import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, session, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { ApiSession } from '../node/api/session';
import { startHostCore } from '../node/app/bootstrap';
import type { ProgressMessage } from '../core/api/protocol';
import { IPC } from './channels';
import { withContentSecurityPolicy } from './contentSecurityPolicy';
import { denyWindowOpen, isAllowedNavigation } from './navigationGuards';
import { permissionCheckHandler, permissionRequestHandler } from './permissions';
import { isTrustedSender, untrustedSenderMessage } from './senderTrust';
import { browserWindowOptions } from './windowOptions';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererIndex = join(here, '..', 'renderer', 'index.html');
const preload = join(here, '..', 'preload', 'preload.cjs');
/** The one page the window shows; navigation, IPC and permissions are measured against it. */
const appUrl = pathToFileURL(rendererIndex).href;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(browserWindowOptions(preload));
  void win.loadFile(rendererIndex);
  return win;
}

async function main(): Promise<void> {
  await app.whenReady();
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
  session.defaultSession.setPermissionRequestHandler(permissionRequestHandler(appUrl));
  session.defaultSession.setPermissionCheckHandler(permissionCheckHandler(appUrl));

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
  const trusted = (e: IpcMainInvokeEvent | IpcMainEvent) =>
    isTrustedSender(
      {
        frameUrl: e.senderFrame?.url,
        fromAppWindow: e.sender === win.webContents,
        isMainFrame: e.senderFrame !== null && e.senderFrame === win.webContents.mainFrame,
      },
      appUrl,
    );

  ipcMain.handle(IPC.request, async (e, id: unknown, method: unknown, input: unknown) => {
    if (!trusted(e)) return { ok: false, error: { code: 'bad-request', message: untrustedSenderMessage(e.senderFrame?.url) } };
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

  // Quit only once the project is closed: an import in flight rolls back and queued writes land first.
  app.on('window-all-closed', () => {
    void workbench.close().finally(() => app.quit());
  });
}

// Every web contents, the window's and any other, stays on the app's page.
app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.on('will-navigate', (e) => {
    if (!isAllowedNavigation(e.url, appUrl)) e.preventDefault();
  });
  contents.on('will-frame-navigate', (e) => {
    if (!isAllowedNavigation(e.url, appUrl)) e.preventDefault();
  });
  contents.on('will-redirect', (e) => {
    if (!isAllowedNavigation(e.url, appUrl)) e.preventDefault();
  });
  contents.setWindowOpenHandler(denyWindowOpen);
});

main().catch((e: unknown) => {
  dialog.showErrorBox('Assay could not start', (e as Error).message ?? String(e));
  app.exit(1);
});
