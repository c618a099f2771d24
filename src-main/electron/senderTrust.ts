/**
 * Who may call the API over IPC: the Assay window's top frame while it shows
 * the app's own page. A sub-frame, another window, or the window after it was
 * somehow taken to another URL gets a refusal, whatever it sends.
 */
import { isAppPage } from './appPage';

/** What the main process knows about an IPC message's sender. */
export interface IpcSender {
  /** `event.senderFrame.url`; null when the frame is already gone. */
  frameUrl: string | null | undefined;
  /** The sender is the web contents of the Assay window. */
  fromAppWindow: boolean;
  /** The sending frame is that window's main frame. */
  isMainFrame: boolean;
}

export function isTrustedSender(sender: IpcSender, appUrl: string): boolean {
  return sender.fromAppWindow && sender.isMainFrame && isAppPage(sender.frameUrl, appUrl);
}

/** The answer an untrusted sender gets, naming the page it called from. */
export function untrustedSenderMessage(frameUrl: string | null | undefined): string {
  const where = typeof frameUrl === 'string' && frameUrl !== '' ? frameUrl : 'a frame that no longer exists';
  return `Refused an API call from ${where}: only the Assay window's own page may call the API.`;
}
