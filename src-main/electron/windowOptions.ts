/**
 * The Assay window's options. The page gets no Node: it runs sandboxed, in
 * its own JavaScript world, and reaches the host only through the preload's
 * `window.assay` bridge, so a flaw in the renderer (a crafted dataset cell, a
 * bad dependency) cannot touch the file system or spawn processes.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export function windowWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // A file dropped outside the Data view's drop zone must not replace the app with that file.
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

export function browserWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return { width: 1400, height: 900, title: 'Assay', webPreferences: windowWebPreferences(preloadPath) };
}
