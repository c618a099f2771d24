/**
 * What the Assay window may load. It shows one bundled page and never leaves
 * it: a link, a script setting `location`, a redirect or a dropped file that
 * would take it elsewhere is refused, as is every new window and <webview>.
 * Nothing is handed to the system browser either: the page has no external
 * links, so a request to open one can only come from content we did not write.
 */
import type { HandlerDetails, WindowOpenHandlerResponse } from 'electron';
import { isAppPage } from './appPage';

/** Whether the window may navigate to `url`: only to its own page again (a reload). */
export function isAllowedNavigation(url: string, appUrl: string): boolean {
  return isAppPage(url, appUrl);
}

/** `setWindowOpenHandler`: no window.open, no target=_blank, for any URL. */
export function denyWindowOpen(_details: HandlerDetails): WindowOpenHandlerResponse {
  return { action: 'deny' };
}
