/**
 * The Assay window's options. The page gets no Node: it runs sandboxed, in
 * its own JavaScript world, and reaches the host only through the preload's
 * `window.assay` bridge, so a flaw in the renderer (a crafted dataset cell, a
 * bad dependency) cannot touch the file system or spawn processes.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE } from './windowState';

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

/** `bounds`: the size and place to open at (windowState.ts), by default 1400 × 900 where the OS puts it. */
export function browserWindowOptions(
  preloadPath: string,
  bounds: { width: number; height: number; x?: number; y?: number } = DEFAULT_WINDOW_SIZE,
): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Assay',
    webPreferences: windowWebPreferences(preloadPath),
  };
}
