import { describe, expect, it } from 'vitest';
import { isPermissionGranted, permissionCheckHandler, permissionRequestHandler } from '../../src-main/electron/permissions';

const app = 'file:///opt/Assay/out/renderer/index.html';
const everyOtherPermission = [
  'clipboard-read',
  'deprecated-sync-clipboard-read',
  'display-capture',
  'fileSystem',
  'fullscreen',
  'geolocation',
  'hid',
  'local-fonts',
  'media',
  'mediaKeySystem',
  'midi',
  'midiSysex',
  'notifications',
  'openExternal',
  'pointerLock',
  'serial',
  'usb',
  'window-management',
  'unknown',
] as const;

describe('permissions', () => {
  it('refuse every permission, to the app page too, but writing to the clipboard', () => {
    for (const p of everyOtherPermission) expect(isPermissionGranted(p, app, true, app), p).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', app, true, app)).toBe(true);
  });

  it('refuse the clipboard to a sub-frame, another page, or a caller with no page', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', app, false, app)).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://example.com/', true, app)).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', 'file:///tmp/evil.html', true, app)).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', undefined, true, app)).toBe(false);
  });

  it('answer Electron’s request and check hooks the same way', () => {
    const request = permissionRequestHandler(app);
    const check = permissionCheckHandler(app);
    const answers: boolean[] = [];
    const wc = {} as Parameters<typeof request>[0];
    for (const p of everyOtherPermission) {
      request(wc, p, (granted) => answers.push(granted), { requestingUrl: app, isMainFrame: true });
      expect(check(wc, p, 'file:///', { requestingUrl: app, isMainFrame: true }), p).toBe(false);
    }
    expect(answers).toEqual(everyOtherPermission.map(() => false));
    request(wc, 'clipboard-sanitized-write', (granted) => answers.push(granted), { requestingUrl: app, isMainFrame: true });
    request(wc, 'clipboard-sanitized-write', (granted) => answers.push(granted), { requestingUrl: 'https://example.com/', isMainFrame: true });
    expect(answers.slice(-2)).toEqual([true, false]);
    expect(check(null, 'clipboard-sanitized-write', 'file:///', { isMainFrame: true })).toBe(false);
  });
});
