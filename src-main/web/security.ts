import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { contentSecurityPolicy as sharedPolicy } from '../core/security/contentSecurityPolicy';

/**
 * The page's Content Security Policy: only our own scripts and styles, no
 * remote content, no frames, workers or framing; the WebSocket only to the
 * loopback host. The page's <meta> policy applies as well (index.html).
 */
export function contentSecurityPolicy(port: number): string {
  return sharedPolicy([`ws://127.0.0.1:${port}`]);
}

export function tokensEqual(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Cookies are not isolated by port: every server on 127.0.0.1 that the
 * browser visits receives them. So the page's cookie never holds the API
 * token; it holds a separate random key that only unlocks the page's static
 * assets (public code, no data). The API socket and uploads accept the token
 * in `?token=` only, which the page reads from its own URL.
 */
export function assetCookieName(port: number): string {
  // Named per port, so two Assay hosts in one browser keep their own.
  return `assay_assets_${port}`;
}

export function assetCookie(port: number, key: string): string {
  return `${assetCookieName(port)}=${key}; HttpOnly; SameSite=Strict; Path=/`;
}

export function cookieValue(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

/** How many Host headers the request carried; Node's `req.headers.host` shows only the first. */
export function hostHeaderCount(req: IncomingMessage): number {
  let n = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2) if (req.rawHeaders[i].toLowerCase() === 'host') n++;
  return n;
}

/** Refuses requests addressed to another host name (DNS rebinding). */
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** A browser WebSocket from another site sends its own Origin; ours is the page's. */
export function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}
