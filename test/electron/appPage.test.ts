import { describe, expect, it } from 'vitest';
import { isAppPage } from '../../src-main/electron/appPage';

const app = 'file:///opt/Assay/resources/app.asar/out/renderer/index.html';

describe('isAppPage', () => {
  it('is the app page itself, with or without a query or fragment', () => {
    expect(isAppPage(app, app)).toBe(true);
    expect(isAppPage(`${app}#/runs`, app)).toBe(true);
    expect(isAppPage(`${app}?x=1`, app)).toBe(true);
  });

  it('is one page however its path is spelt (percent-encoding, Windows drive case)', () => {
    expect(isAppPage('file:///home/a%20b/index.html', 'file:///home/a b/index.html')).toBe(true);
    expect(isAppPage('file:///C:/Program%20Files/Assay/index.html', 'file:///c:/Program Files/Assay/index.html')).toBe(true);
    // POSIX paths are case-sensitive: another file
    expect(isAppPage('file:///opt/assay/resources/app.asar/out/renderer/index.html', app)).toBe(false);
  });

  it('is not another local file, even beside the app page or reached by ..', () => {
    expect(isAppPage('file:///etc/passwd', app)).toBe(false);
    expect(isAppPage('file:///opt/Assay/resources/app.asar/out/renderer/evil.html', app)).toBe(false);
    expect(isAppPage('file:///opt/Assay/resources/app.asar/out/renderer/index.html/', app)).toBe(false);
    expect(isAppPage('file://evil-host/opt/Assay/resources/app.asar/out/renderer/index.html', app)).toBe(false);
  });

  it('is not any other scheme, remote page or junk', () => {
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:41234/index.html',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'blob:file:///0b1c',
      'about:blank',
      'chrome://gpu',
      'not a url',
      '',
      null,
      undefined,
    ]) {
      expect(isAppPage(url, app), String(url)).toBe(false);
    }
    expect(isAppPage('file:///%E0%A4%A/index.html', 'file:///%E0%A4%A/index.html')).toBe(false);
  });

  it('matches a dev-server page by origin and path', () => {
    const dev = 'http://localhost:5173/';
    expect(isAppPage('http://localhost:5173/#/data', dev)).toBe(true);
    expect(isAppPage('http://localhost:5174/', dev)).toBe(false);
    expect(isAppPage('https://localhost:5173/', dev)).toBe(false);
    expect(isAppPage('http://localhost:5173/other.html', dev)).toBe(false);
  });
});
