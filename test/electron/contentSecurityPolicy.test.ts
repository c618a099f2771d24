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
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
  });

  it('names no host, no wildcard and no eval anywhere', () => {
    for (const [name, sources] of csp) {
      for (const s of sources) {
        // a source is a keyword ('self', 'none', 'unsafe-inline' for styles) or a bare scheme (data:, blob:)
        expect(/^'(self|none|unsafe-inline)'$/.test(s) || /^(data|blob):$/.test(s), `${name} ${s}`).toBe(true);
      }
      expect(sources, name).not.toContain("'unsafe-eval'");
      expect(sources, name).not.toContain("'wasm-unsafe-eval'");
    }
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('is added to a response, beside any policy it already had', () => {
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [ELECTRON_CONTENT_SECURITY_POLICY] });
    const headers = withContentSecurityPolicy({ 'content-type': ['text/html'], 'content-security-policy': ["img-src 'none'"] });
    expect(headers['content-type']).toEqual(['text/html']);
    expect(headers['Content-Security-Policy']).toEqual(["img-src 'none'", ELECTRON_CONTENT_SECURITY_POLICY]);
    expect(Object.keys(headers).filter((k) => k.toLowerCase() === 'content-security-policy')).toHaveLength(1);
  });
});
