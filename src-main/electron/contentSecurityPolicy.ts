import { contentSecurityPolicy } from '../core/security/contentSecurityPolicy';

/**
 * The desktop page's Content Security Policy, sent as a response header on
 * top of the `<meta>` policy in src-renderer/index.html (which the web host
 * shares, so it must allow the web host's WebSocket; browsers enforce every
 * policy given, so this header narrows it). Only the bundled scripts run: no
 * eval, no inline scripts, no remote host of any kind, no plugins, no frames;
 * the page talks to the host over IPC, so it needs no network connection.
 */
export const ELECTRON_CONTENT_SECURITY_POLICY = contentSecurityPolicy();

type Headers = Record<string, string[] | string>;

/**
 * `responseHeaders` with our policy added. A policy the response already
 * carries is kept beside ours (both are enforced), whatever the case of its
 * header name, so adding ours can only narrow what the page may do.
 */
export function withContentSecurityPolicy(responseHeaders: Headers | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const policies: string[] = [];
  for (const [name, value] of Object.entries(responseHeaders ?? {})) {
    const values = Array.isArray(value) ? value : [value];
    if (name.toLowerCase() === 'content-security-policy') policies.push(...values);
    else out[name] = values;
  }
  out['Content-Security-Policy'] = [...policies, ELECTRON_CONTENT_SECURITY_POLICY];
  return out;
}
