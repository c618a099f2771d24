import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session, shell, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { ApiSession } from '../node/api/session';
import { startHostCore } from '../node/app/bootstrap';
import type { MenuCommand } from '../core/api/menuCommand';
import type { ProgressMessage } from '../core/api/protocol';
import { ASSAY_VERSION } from '../core/version';
import { appMenuTemplate } from './appMenu';
import { IPC } from './channels';
import { withContentSecurityPolicy } from './contentSecurityPolicy';
import { crashLogPath, installCrashHandlers } from './crashDialog';
import { exportDialogOptions, importDataDialogOptions, openProjectDialogOptions, saveProjectDialogOptions } from './dialogs';
import { useElectronSqliteBinding } from './nativeBinding';
import { denyWindowOpen, isAllowedNavigation } from './navigationGuards';
import { readmePath, unpackedResourcesDir } from './packagedPaths';
import { permissionCheckHandler, permissionRequestHandler } from './permissions';
import { isTrustedSender, untrustedSenderMessage } from './senderTrust';
import { ProjectFileRequests, projectFileFromArgv } from './singleInstance';
import { signalStartupFailed, signalWhenLoaded, takeStartupFile } from './startupSignal';
import { browserWindowOptions } from './windowOptions';
import { placeWindow, readWindowState, WINDOW_STATE_FILE, writeWindowState, type WindowPlacement } from './windowState';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererIndex = join(here, '..', 'renderer', 'index.html');
const preload = join(here, '..', 'preload', 'preload.cjs');
/** The one page the window shows; navigation, IPC and permissions are measured against it. */
const appUrl = pathToFileURL(rendererIndex).href;

function createWindow(placement: WindowPlacement): BrowserWindow {
  const win = new BrowserWindow(browserWindowOptions(preload, placement.bounds));
  if (placement.maximized) win.maximize();
  void win.loadFile(rendererIndex);
  return win;
}

// ── Desktop integration (issue 18): one instance, files from the OS, crashes. ──
// Set up before the app is ready: a second launch, macOS's `open-file` and an error can all come first.
const firstInstance = app.requestSingleInstanceLock();
if (!firstInstance) app.quit();
/** The window, once there is one: a second launch brings it to the front. */
let appWindow: BrowserWindow | null = null;
const projectFiles = new ProjectFileRequests();
const launchedWith = projectFileFromArgv(process.argv, process.cwd());
if (launchedWith) projectFiles.request(launchedWith);
app.on('open-file', (e, path) => {
  e.preventDefault();
  projectFiles.request(path);
});
app.on('second-instance', (_e, argv, workingDirectory) => {
  const path = projectFileFromArgv(argv, workingDirectory);
  if (path) projectFiles.request(path);
  if (appWindow && !appWindow.isDestroyed()) {
    if (appWindow.isMinimized()) appWindow.restore();
    appWindow.focus();
  }
});
// Read once and taken out of the environment, so no process the app starts inherits it.
const startupFile = takeStartupFile();
/** The window's page has loaded: from then on an error is the session's, not the start's. */
let started = false;
/**
 * A start that failed ends with a non-zero exit, so `npm start` falls back to
 * the web host and prints why; run any other way, a dialog says why.
 */
function failStartup(error: unknown): void {
  signalStartupFailed(error, startupFile);
  if (!startupFile) {
    try {
      dialog.showErrorBox('Assay could not start', error instanceof Error ? error.message : String(error));
    } catch {
      // Nothing more can be said; the exit code still says it failed.
    }
  }
  app.exit(1);
}
installCrashHandlers(process, {
  logFile: () => crashLogPath(app.getPath('userData')),
  showErrorBox: (title, message) => dialog.showErrorBox(title, message),
  quit: () => app.quit(),
  exit: (code) => app.exit(code),
  startingUp: () => firstInstance && !started,
  failStartup,
});
// A packaged app's fonts must be real files for resvg (native code cannot read inside app.asar).
if (app.isPackaged && !process.env.ASSAY_RESOURCES) process.env.ASSAY_RESOURCES = unpackedResourcesDir(app.getAppPath());

/** Where the window opens: where it was last closed, fitted to the displays attached now. */
function initialPlacement(stateFile: string): WindowPlacement {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((d) => d.id !== primary.id);
  return placeWindow(readWindowState(stateFile), [primary, ...others].map((d) => d.workArea));
}

async function main(): Promise<void> {
  if (!firstInstance) return;
  // Before any project opens: better-sqlite3 as `npm start` built it for this Electron (out/native).
  useElectronSqliteBinding(join(here, '..'));
  await app.whenReady();
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
  session.defaultSession.setPermissionRequestHandler(permissionRequestHandler(appUrl));
  session.defaultSession.setPermissionCheckHandler(permissionCheckHandler(appUrl));

  const { workbench, router } = await startHostCore('electron');
  const windowStateFile = join(app.getPath('userData'), WINDOW_STATE_FILE);
  const win = createWindow(initialPlacement(windowStateFile));
  appWindow = win;
  signalWhenLoaded(win.webContents, startupFile, () => (started = true));
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
    const reply = await sessionFor(e.sender).request(id, method, input, (progress) => {
      const m: ProgressMessage = { type: 'progress', id, progress };
      if (!e.sender.isDestroyed()) e.sender.send(IPC.progress, m);
    });
    if (typeof method === 'string' && PROJECT_CHANGES.has(method)) refreshMenu();
    return reply;
  });
  ipcMain.on(IPC.cancel, (e, id: unknown) => {
    if (trusted(e) && typeof id === 'number') sessionFor(e.sender).cancel(id);
  });
  let projectFolder: string | null = null;
  ipcMain.handle(IPC.chooseProjectPath, async (e, mode: unknown) => {
    if (!trusted(e) || (mode !== 'open' && mode !== 'save')) return null;
    let path: string | null;
    if (mode === 'open') {
      const r = await dialog.showOpenDialog(win, openProjectDialogOptions(projectFolder));
      path = r.canceled ? null : (r.filePaths[0] ?? null);
    } else {
      const r = await dialog.showSaveDialog(win, saveProjectDialogOptions(projectFolder));
      path = r.canceled ? null : (r.filePath ?? null);
    }
    if (path) projectFolder = dirname(path);
    return path;
  });

  // ── Desktop integration (issue 18): menu, exports, window state, files from outside. ──
  const send = (command: MenuCommand) => {
    if (!win.isDestroyed()) win.webContents.send(IPC.menuCommand, command);
  };
  // A page opens its file picker only in answer to a click or key in the page, not to a menu
  // click; so Import data… from the menu picks the file here (Ctrl/Cmd+I in the page uses the page's).
  let importFolder: string | null = null;
  const pickDataFile = async () => {
    const r = await dialog.showOpenDialog(win, importDataDialogOptions(importFolder));
    const path = r.canceled ? null : r.filePaths[0];
    if (!path) return;
    importFolder = dirname(path);
    send({ command: 'importDataFile', path });
  };
  const fromMenu = (command: MenuCommand) => (command.command === 'importData' ? void pickDataFile() : send(command));
  const showAbout = () =>
    void dialog.showMessageBox(win, {
      type: 'info',
      title: 'About Assay',
      message: `Assay ${ASSAY_VERSION}`,
      detail: `An offline workbench for classification models on tabular data.\nElectron ${process.versions.electron}, Chromium ${process.versions.chrome}, Node ${process.versions.node}.`,
    });
  const openReadme = () =>
    void shell.openPath(readmePath(app.getAppPath())).then((failure) => {
      if (failure) dialog.showErrorBox('Could not open the README', `${readmePath(app.getAppPath())}: ${failure}`);
    });
  const refreshMenu = () => {
    const recent = workbench.recentProjects();
    Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ platform: process.platform, appName: app.name, recent, send: fromMenu, showAbout, openReadme })));
    // The OS's own recent list (macOS Dock menu, Windows Jump List) follows the app's.
    const current = workbench.info();
    if (current) app.addRecentDocument(current.path);
  };
  refreshMenu();

  // Exports arrive as downloads from the page; each gets a native save dialog in the last export folder.
  let exportFolder = app.getPath('documents');
  session.defaultSession.on('will-download', (_e, item) => {
    item.setSaveDialogOptions(exportDialogOptions(item.getFilename(), exportFolder));
    item.once('done', (_done, state) => {
      if (state === 'completed') exportFolder = dirname(item.getSavePath());
    });
  });

  win.on('close', () => writeWindowState(windowStateFile, { ...win.getNormalBounds(), maximized: win.isMaximized() }));

  // Project files from a second launch or the OS open once the page can take them.
  win.webContents.on('did-finish-load', () => projectFiles.connect((path) => send({ command: 'openProjectFile', path })));
  win.webContents.on('did-start-loading', () => projectFiles.disconnect());
  win.webContents.once('destroyed', () => projectFiles.disconnect());

  // Quit only once the project is closed: an import in flight rolls back and queued writes land first.
  // Every way out (the last window closed, Quit in the menu, a crash) passes through before-quit.
  let workbenchClosed = false;
  app.on('before-quit', (e) => {
    if (workbenchClosed) return;
    e.preventDefault();
    void workbench.close().finally(() => {
      workbenchClosed = true;
      app.quit();
    });
  });
  app.on('window-all-closed', () => app.quit());
}

/** Requests after which the open project or the recent list has changed, and the menu with them. */
const PROJECT_CHANGES: ReadonlySet<string> = new Set(['project.new', 'project.open', 'project.saveAs']);

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

main().catch(failStartup);
