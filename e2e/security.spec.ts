import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { test, expect } from './fixtures';
import { startHost } from './webHost';

/** The part of the page's XMLHttpRequest the upload test uses (the e2e files compile without DOM types). */
interface PageXhr {
  status: number;
  responseText: string;
  onload: (() => void) | null;
  onerror: (() => void) | null;
  open(method: string, url: string): void;
  send(body: unknown): void;
}

/**
 * Cookies are not isolated by port: once the analyst opens Assay, the
 * browser sends its cookies to every other server on 127.0.0.1 it visits.
 * Nothing such a server receives may open Assay's API.
 */

interface Seen {
  url: string;
  headers: IncomingHttpHeaders;
}

/** A local server of someone else: records every request, serves a page that loads resources from itself and pokes at Assay. */
async function startOtherServer(assayOrigin: string): Promise<{ origin: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    if (req.url === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(
        `<!doctype html><title>other</title>
         <img src="/pixel.png"><script src="/script.js"></script>
         <img src="${assayOrigin}/%zz"><img src="${assayOrigin}/assets/%E0%A4%A">
         <p id="done">other page</p>`,
      );
      return;
    }
    res.writeHead(req.url === '/script.js' ? 200 : 404, { 'Content-Type': 'text/javascript' });
    res.end(req.url === '/script.js' ? 'fetch("/fetched", { credentials: "include" });' : '');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, seen, server };
}

/** Every value in what a server received that could be a credential: header values, cookie values, URL parts. */
function candidates(seen: Seen[]): string[] {
  const out = new Set<string>();
  for (const s of seen) {
    const texts = [s.url, ...Object.values(s.headers).flatMap((v) => (Array.isArray(v) ? v : [v ?? '']))];
    for (const text of texts) {
      out.add(text);
      for (const piece of text.split(/[\s;,=&?/:"]+/)) if (piece.length >= 8) out.add(piece);
    }
  }
  return [...out].filter((v) => v !== '');
}

function socketStatus(origin: string, token: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${origin.replace('http', 'ws')}/api?token=${encodeURIComponent(token)}`, { headers });
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_q, res) => resolve(res.statusCode ?? 0));
    ws.once('error', () => resolve(0));
  });
}

function uploadStatus(origin: string, token: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}/upload?name=x.csv&token=${encodeURIComponent(token)}`, { method: 'POST', headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end('a\n1\n');
  });
}

test('nothing another 127.0.0.1 server receives from the browser opens Assay', async ({ page, host }) => {
  await page.goto(host.url);
  // The page works with the token out of every cookie: the sample's rows come over the socket.
  await expect(page.getByTestId('row-count')).toContainText('19,382');
  await expect(page.getByRole('gridcell').first()).toBeVisible();
  const cookies = await page.context().cookies(host.origin);
  expect(cookies.length).toBeGreaterThan(0);
  for (const c of cookies) {
    expect(c.value).not.toContain(host.token);
    expect(c.httpOnly).toBe(true);
  }

  const other = await startOtherServer(host.origin);
  try {
    // Leave Assay's page the way a link would (so a Referer would show), then load the other server's page and its resources.
    await page.evaluate((url) => {
      (globalThis as unknown as { location: { href: string } }).location.href = url;
    }, `${other.origin}/`);
    await expect(page.locator('#done')).toHaveText('other page');
    await expect.poll(() => other.seen.some((s) => s.url === '/fetched')).toBe(true);

    const received = JSON.stringify(other.seen);
    // The browser did send Assay's cookie along (cookies ignore ports): the design must make it useless.
    expect(received).toContain(cookies[0].value);
    expect(received).not.toContain(host.token);
    const values = candidates(other.seen);
    expect(values.length).toBeGreaterThan(5);
    const cookieHeaders = other.seen.map((s) => s.headers.cookie).filter((c): c is string => !!c);
    for (const value of values) {
      expect(await socketStatus(host.origin, value), `socket with ${value}`).toBe(403);
      expect(await uploadStatus(host.origin, value), `upload with ${value}`).toBe(403);
    }
    for (const cookie of cookieHeaders) {
      expect(await socketStatus(host.origin, '', { cookie }), `socket with cookie ${cookie}`).toBe(403);
      expect(await uploadStatus(host.origin, '', { cookie }), `upload with cookie ${cookie}`).toBe(403);
    }
    // The token itself does open the socket, so the refusals above are not the host being down.
    expect(await socketStatus(host.origin, host.token)).toBe(101);
  } finally {
    // close() alone waits for every connection to end, and the browser may hold one open
    // with no request on it (a preconnect) until Node's 60 s header timeout: that hung this test.
    other.server.closeAllConnections();
    await new Promise((r) => other.server.close(r));
  }

  // The other page's malformed requests to Assay (/%zz) did not end it: the workbench still works.
  await page.goto(host.url);
  await expect(page.getByTestId('row-count')).toContainText('19,382');
});

test('an upload over the limit is answered with the limit, and the host carries on', async ({ page }) => {
  const small = await startHost({ ASSAY_UPLOAD_LIMIT: '1000' });
  try {
    await page.goto(small.url);
    await expect(page.getByTestId('row-count')).toContainText('19,382');
    // The browser's own upload path (XMLHttpRequest, as webSocketClient.stageFile does), 2 MB against a 1000-byte limit.
    const answer = await page.evaluate(async (token) => {
      return new Promise<{ status: number; text: string }>((resolve) => {
        const Xhr = (globalThis as unknown as { XMLHttpRequest: new () => PageXhr }).XMLHttpRequest;
        const xhr = new Xhr();
        xhr.open('POST', `/upload?token=${token}&name=big.csv`);
        xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
        xhr.onerror = () => resolve({ status: 0, text: 'network error' });
        xhr.send(new Blob([new Uint8Array(2_000_000)]));
      });
    }, small.token);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text).error.message).toBe(
      'big.csv is larger than the upload limit of 1000 bytes; nothing was saved. Import it from a path on this computer instead, or raise ASSAY_UPLOAD_LIMIT.',
    );
    await page.reload();
    await expect(page.getByTestId('row-count')).toContainText('19,382');
  } finally {
    await small.stop();
  }
});
