import { describe, expect, it } from 'vitest';
import { browserWindowOptions, windowWebPreferences } from '../../src-main/electron/windowOptions';

describe('the Assay window options', () => {
  const prefs = windowWebPreferences('/app/out/preload/preload.cjs');

  it('keep Node out of the page: isolated, sandboxed, no Node integration anywhere', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keep the web security model whole', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.enableBlinkFeatures).toBeUndefined();
  });

  it('load the bundled preload, and the window uses exactly these preferences', () => {
    expect(prefs.preload).toBe('/app/out/preload/preload.cjs');
    expect(browserWindowOptions('/app/out/preload/preload.cjs').webPreferences).toEqual(prefs);
  });
});

describe('the Assay window’s size and place', () => {
  it('open where the saved state says, never smaller than the smallest usable window', () => {
    const o = browserWindowOptions('/p.cjs', { x: 10, y: 20, width: 1000, height: 700 });
    expect(o).toMatchObject({ x: 10, y: 20, width: 1000, height: 700, minWidth: 800, minHeight: 560 });
    expect(browserWindowOptions('/p.cjs')).toMatchObject({ width: 1400, height: 900 });
    expect(browserWindowOptions('/p.cjs').x).toBeUndefined();
  });
});
