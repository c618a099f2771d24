/**
 * Permissions the page asks Chromium for. Every one is refused — camera,
 * microphone, geolocation, notifications, clipboard reads, HID/USB/serial,
 * opening external protocols, … — except writing text to the clipboard from
 * the app's own top frame, which Runs' "Copy as TSV" needs; browsers grant
 * that one to every page, and Chromium still asks for a user gesture.
 *
 * Both Electron hooks are set: Chromium first *checks* a permission (the
 * answer Electron gives when no check handler is set is "granted") and only
 * *requests* it when the check fails.
 */
import type { Session } from 'electron';
import { isAppPage } from './appPage';

const GRANTED_TO_APP_PAGE: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPermissionGranted(permission: string, requestingUrl: string | undefined, isMainFrame: boolean, appUrl: string): boolean {
  return GRANTED_TO_APP_PAGE.has(permission) && isMainFrame && isAppPage(requestingUrl, appUrl);
}

type RequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;
type CheckHandler = NonNullable<Parameters<Session['setPermissionCheckHandler']>[0]>;

export function permissionRequestHandler(appUrl: string): RequestHandler {
  return (_webContents, permission, callback, details) =>
    callback(isPermissionGranted(permission, details.requestingUrl, details.isMainFrame, appUrl));
}

export function permissionCheckHandler(appUrl: string): CheckHandler {
  return (_webContents, permission, _origin, details) => isPermissionGranted(permission, details.requestingUrl, details.isMainFrame, appUrl);
}
