import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, extname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { encodeBinaryResult, type HostMessage } from '../core/api/protocol';
import { WEB_ENDPOINTS } from '../core/api/bridge';
import { ApiSession } from '../node/api/session';
import type { Router } from '../node/api/router';
import { parseClientMessage } from './clientMessages';
import { contentSecurityPolicy, hostAllowed, originAllowed, requestToken, TOKEN_COOKIE, tokensEqual } from './security';

export interface WebHostOptions {
  router: Router;
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * Serves the built renderer and the API over WebSocket on 127.0.0.1 only.
 * Every request needs the per-launch token; see security.ts for how.
 */
export async function startWebHost(o: WebHostOptions): Promise<WebHost> {
  const token = o.token ?? randomBytes(24).toString('hex');
  const uploads = mkdtempSync(join(tmpdir(), 'assay-uploads-'));
  let port = 0;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1 << 20 });

  const send = (res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8') => {
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    res.end(body);
  };

  const handleUpload = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const fail = (status: number, message: string) =>
      send(res, status, JSON.stringify({ error: { code: 'bad-request', message } }), 'application/json');
    if (req.method !== 'POST') return fail(405, 'Use POST to upload.');
    const name = basename(url.searchParams.get('name') ?? 'upload.csv').replace(/[^\w.\- ]/g, '_') || 'upload.csv';
    const dir = mkdtempSync(join(uploads, 'f-'));
    const path = join(dir, name);
    try {
      await pipeline(req, createWriteStream(path));
      send(res, 200, JSON.stringify({ path }), 'application/json');
    } catch (e) {
      rmSync(dir, { recursive: true, force: true });
      fail(400, `The upload of ${name} failed: ${(e as Error).message}`);
    }
  };

  const serveStatic = (req: IncomingMessage, res: ServerResponse, url: URL, viaQueryToken: boolean) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed.');
    const rel = url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname);
    const file = normalize(join(o.rendererDir, rel));
    if (!file.startsWith(o.rendererDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      return send(res, 404, 'Not found.');
    }
    const headers: Record<string, string> = {
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': contentSecurityPolicy(port),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    };
    // The page's own assets are requested without the query; the cookie carries the token for them.
    if (viaQueryToken) headers['Set-Cookie'] = `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!hostAllowed(req, port)) return send(res, 403, 'Forbidden: unexpected Host header.');
    const queryToken = url.searchParams.get('token');
    const isUpload = url.pathname === WEB_ENDPOINTS.upload;
    if (!tokensEqual(requestToken(req, url, !isUpload), token)) {
      return send(res, 403, 'Forbidden: this Assay session needs the token from the URL printed at launch.');
    }
    if (isUpload) {
      handleUpload(req, res, url).catch((e) => send(res, 500, String(e)));
      return;
    }
    serveStatic(req, res, url, queryToken !== null);
  });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (
      url.pathname !== WEB_ENDPOINTS.socket ||
      !hostAllowed(req, port) ||
      !originAllowed(req, port) ||
      !tokensEqual(url.searchParams.get('token'), token)
    ) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, o.router));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, '127.0.0.1', () => resolve());
  });
  const addr = server.address();
  port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      for (const c of wss.clients) c.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      rmSync(uploads, { recursive: true, force: true });
    },
  };
}

function serveSocket(ws: WebSocket, router: Router): void {
  const session = new ApiSession(router);
  const post = (m: HostMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m));
  };
  ws.on('message', (data: RawData, isBinary: boolean) => {
    const msg = isBinary ? null : parseClientMessage(data.toString());
    if (!msg || 'error' in msg) {
      post({ type: 'error', id: msg?.id ?? 0, error: { code: 'bad-request', message: msg?.error ?? 'Messages must be JSON text.' } });
      return;
    }
    if (msg.type === 'cancel') {
      session.cancel(msg.id);
      return;
    }
    void session
      .request(msg.id, msg.method, msg.input, (progress) => post({ type: 'progress', id: msg.id, progress }))
      .then((reply) => {
        if (!reply.ok) return post({ type: 'error', id: msg.id, error: reply.error });
        if (reply.result instanceof Uint8Array) {
          if (ws.readyState === ws.OPEN) ws.send(encodeBinaryResult(msg.id, reply.result));
          return;
        }
        post({ type: 'result', id: msg.id, result: reply.result });
      });
  });
  ws.on('close', () => session.close());
}
