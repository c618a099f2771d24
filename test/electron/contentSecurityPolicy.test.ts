import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ELECTRON_CONTENT_SECURITY_POLICY, withContentSecurityPolicy } from '../../src-main/electron/contentSecurityPolicy';

function directives(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) {
      expect(out.has(name), `${name} given twice`).toBe(false);
      out.set(name, sources);
    }
  }
  return out;
}

describe('the desktop Content Security Policy', () => {
  const csp = directives(ELECTRON_CONTENT_SECURITY_POLICY);

  it('allows only our own files by default, and no plugins, frames, framing, base or forms', () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-src')).toEqual(["'none'"]);
    expect(csp.get('worker-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
  });

  it('names no host, no wildcard and no eval anywhere: every source is one of a few keywords or schemes', () => {
    for (const [name, sources] of csp) {
      for (const s of sources) {
        // a source is a keyword ('self', 'none', 'unsafe-inline' for styles) or a bare scheme (data:, blob:)
        expect(/^'(self|none|unsafe-inline)'$/.test(s) || /^(data|blob):$/.test(s), `${name} ${s}`).toBe(true);
      }
    }
  });

  it('is added to a response, beside any policy it already had', () => {
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [ELECTRON_CONTENT_SECURITY_POLICY] });
    const headers = withContentSecurityPolicy({ 'content-type': ['text/html'], 'content-security-policy': ["img-src 'none'"] });
    expect(headers['content-type']).toEqual(['text/html']);
    expect(headers['Content-Security-Policy']).toEqual(["img-src 'none'", ELECTRON_CONTENT_SECURITY_POLICY]);
    expect(Object.keys(headers).filter((k) => k.toLowerCase() === 'content-security-policy')).toHaveLength(1);
  });
});

/** The policy in index.html's <meta>: in Electron a file:// page may get no header policy, so this one must hold alone. */
function metaPolicy(): string {
  const html = readFileSync('src-renderer/index.html', 'utf8');
  const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/gi)];
  expect(metas, 'one CSP <meta> in index.html').toHaveLength(1);
  return metas[0][1];
}

describe("the page's own <meta> Content Security Policy", () => {
  const meta = directives(metaPolicy());

  it('allows only our own scripts and files, and no plugins, frames, workers, base or forms', () => {
    expect(meta.get('default-src')).toEqual(["'self'"]);
    expect(meta.get('script-src')).toEqual(["'self'"]);
    expect(meta.get('object-src')).toEqual(["'none'"]);
    expect(meta.get('frame-src')).toEqual(["'none'"]);
    expect(meta.get('worker-src')).toEqual(["'none'"]);
    expect(meta.get('base-uri')).toEqual(["'none'"]);
    expect(meta.get('form-action')).toEqual(["'none'"]);
  });

  it("still lets the web host's page load its styles, fonts, images and WebSocket", () => {
    expect(meta.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(meta.get('font-src')).toEqual(["'self'"]);
    expect(meta.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    // Loopback only: the web host's port is chosen at launch, and its header policy names the exact one.
    expect(meta.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:*']);
  });

  it('has no directive a <meta> policy ignores, which would only mislead', () => {
    // frame-ancestors, report-uri and sandbox are ignored in <meta> (CSP3 §3.3); the headers carry frame-ancestors.
    for (const name of ['frame-ancestors', 'report-uri', 'sandbox']) expect(meta.has(name), name).toBe(false);
  });
});
