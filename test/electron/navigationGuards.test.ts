import { describe, expect, it } from 'vitest';
import { denyWindowOpen, isAllowedNavigation } from '../../src-main/electron/navigationGuards';

const app = 'file:///opt/Assay/out/renderer/index.html';

describe('navigation guards', () => {
  it('let the window reload its own page and nothing else', () => {
    expect(isAllowedNavigation(app, app)).toBe(true);
    for (const url of ['https://example.com/', 'http://127.0.0.1:41234/', 'file:///etc/passwd', 'file:///opt/Assay/out/renderer/other.html', 'javascript:void 0', 'data:text/html,x', 'blob:null/1', 'mailto:a@b.c']) {
      expect(isAllowedNavigation(url, app), url).toBe(false);
    }
  });

  it('refuse every new window, whatever it asks for', () => {
    const ask = (url: string, disposition: 'default' | 'foreground-tab' | 'background-tab' | 'new-window' | 'other' = 'foreground-tab') =>
      denyWindowOpen({ url, frameName: '', features: '', disposition, referrer: { url: app, policy: 'default' } });
    for (const url of ['https://example.com/', 'http://example.com/', app, 'about:blank', 'file:///etc/passwd']) {
      expect(ask(url)).toEqual({ action: 'deny' });
      expect(ask(url, 'new-window')).toEqual({ action: 'deny' });
    }
  });
});
