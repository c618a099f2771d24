/**
 * The renderer's Content Security Policy, one list for both hosts: only the
 * bundled scripts run (no eval, no inline scripts), no remote host of any
 * kind, no plugins, frames or workers, and nothing may frame the page. The
 * hosts differ only in where the page may connect: the desktop page talks to
 * its host over IPC (nothing), the browser page over its WebSocket.
 */
export function contentSecurityPolicy(connectSources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Svelte sets element styles at run time; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // Charts are shown as data:/blob: images the host drew.
    "img-src 'self' data: blob:",
    "font-src 'self'",
    ["connect-src 'self'", ...connectSources].join(' '),
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
