import { describe, expect, it } from 'vitest';
import { isTrustedSender, untrustedSenderMessage } from '../../src-main/electron/senderTrust';

const app = 'file:///opt/Assay/out/renderer/index.html';
const ours = { frameUrl: app, fromAppWindow: true, isMainFrame: true };

describe('IPC sender trust', () => {
  it('trusts the app window’s top frame showing the app page', () => {
    expect(isTrustedSender(ours, app)).toBe(true);
    expect(isTrustedSender({ ...ours, frameUrl: `${app}#/runs` }, app)).toBe(true);
  });

  it('refuses another page in that frame, local or remote', () => {
    for (const frameUrl of ['file:///tmp/evil.html', 'file:///etc/passwd', 'https://example.com/', 'about:blank', 'data:text/html,x', '', null, undefined]) {
      expect(isTrustedSender({ ...ours, frameUrl }, app), String(frameUrl)).toBe(false);
    }
  });

  it('refuses a sub-frame or another web contents, even one showing the app page', () => {
    expect(isTrustedSender({ ...ours, isMainFrame: false }, app)).toBe(false);
    expect(isTrustedSender({ ...ours, fromAppWindow: false }, app)).toBe(false);
  });

  it('says where the refused call came from', () => {
    expect(untrustedSenderMessage('https://example.com/x')).toBe(
      "Refused an API call from https://example.com/x: only the Assay window's own page may call the API.",
    );
    expect(untrustedSenderMessage(null)).toMatch(/from a frame that no longer exists/);
  });
});
