import { randomBytes } from 'node:crypto';
import { createReadStream, statSync, type Stats } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import type { Duplex } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { WebSocketServer } from 'ws';
import { MAX_MESSAGE_BYTES } from '../core/api/protocol';
import { WEB_ENDPOINTS } from '../core/api/bridge';
import type { Router } from '../node/api/router';
import { serveApiSocket } from './apiSocket';
import { parseRequestTarget } from './requestTarget';
import {
  assetCookie,
  assetCookieName,
  contentSecurityPolicy,
  cookieValue,
  hostAllowed,
  hostHeaderCount,
  originAllowed,
  tokensEqual,
} from './security';
import { staticFileFor, type StaticLookup } from './staticFiles';
import { UploadArea, UploadTooLarge, uploadLimitFrom } from './uploadArea';

export interface WebHostOptions {
  router: Router;
  rendererDir: string;
  port?: number;
  token?: string;
  /** Largest accepted upload in bytes; default ASSAY_UPLOAD_LIMIT or 4 GiB. */
  uploadLimit?: number;
  /** Where upload folders are made (and stale ones removed); default the OS temp folder. */
  uploadsRoot?: string;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  /** The address the listening socket is bound to. */
  address: AddressInfo;
  /** The folder holding this host's uploads; removed by close(). */
  uploadsDir: string;
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
  '.ttf': 'font/ttf',
};

const FORBIDDEN = 'Forbidden: this Assay session needs the token from the URL printed at launch.';

/** A response written by hand on a raw socket (malformed requests, refused upgrades, CONNECT), then the connection ends. */
function rawResponse(status: string, body: string, extra = ''): string {
  return `HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extra}Connection: close\r\n\r\n${body}`;
}

/** The two stats name one file (a hard link, or another spelling the file system accepts). */
function sameFile(a: Stats | undefined, b: Stats | undefined): boolean {
  return !!a && !!b && a.ino !== 0 && a.dev === b.dev && a.ino === b.ino;
}

/** What Node keeps on a socket while a response on it is under way (lib/_http_server.js). */
interface HttpSocket extends Duplex {
  _httpMessage?: ServerResponse & { _headerSent?: boolean };
}

/**
 * Serves the built renderer and the API over WebSocket on 127.0.0.1 only.
 * The API token opens the socket and uploads, in `?token=` only; the page's
 * assets need the token or the asset key cookie (see security.ts). Every
 * request and frame ends in an answer, never an exception.
 */
export async function startWebHost(o: WebHostOptions): Promise<WebHost> {
  const token = o.token ?? randomBytes(24).toString('hex');
  const assetKey = randomBytes(24).toString('hex');
  const rendererDir = resolve(o.rendererDir);
  const uploads = new UploadArea(o.uploadsRoot ?? tmpdir(), o.uploadLimit ?? uploadLimitFrom(process.env));
  let port = 0;
  // skipUTF8Validation stays false: a text frame with invalid UTF-8 is closed with 1007.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES, skipUTF8Validation: false });

  const send = (res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8') => {
    if (res.headersSent) return void res.destroy();
    res.writeHead(status, {
      'Content-Type': type,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    res.end(body);
  };
  const sendError = (res: ServerResponse, status: number, message: string) =>
    send(res, status, JSON.stringify({ error: { code: status === 500 ? 'internal' : 'bad-request', message } }), 'application/json');

  const handleUpload = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (req.method !== 'POST') return sendError(res, 405, 'Use POST to upload.');
    const name = basename(url.searchParams.get('name') ?? 'upload.csv').replace(/[^\w.\- ]/g, '_') || 'upload.csv';
    try {
      const path = await uploads.receive(req, name);
      send(res, 200, JSON.stringify({ path }), 'application/json');
    } catch (e) {
      if (e instanceof UploadTooLarge) {
        // Close after answering: the rest of the body is not worth reading.
        res.setHeader('Connection', 'close');
        return sendError(res, 413, e.message);
      }
      sendError(res, 400, `The upload of ${name} failed: ${(e as Error).message}`);
    }
  };

  const serveStatic = async (req: IncomingMessage, res: ServerResponse, found: StaticLookup, withToken: boolean) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed.');
    if (!found.ok) return send(res, found.status, found.message);
    let size: number;
    try {
      const st = statSync(found.file);
      if (!st.isFile()) return send(res, 404, 'Not found.');
      size = st.size;
    } catch {
      return send(res, 404, 'Not found.');
    }
    const headers: Record<string, string | number> = {
      'Content-Type': MIME[extname(found.file)] ?? 'application/octet-stream',
      'Content-Length': size,
      'Content-Security-Policy': contentSecurityPolicy(port),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    };
    // The page's own assets are requested without the query; this cookie opens them, and nothing else.
    if (withToken) headers['Set-Cookie'] = assetCookie(port, assetKey);
    res.writeHead(200, headers);
    if (req.method === 'HEAD') return void res.end();
    await pipeline(createReadStream(found.file), res);
  };

  const pageFile = join(rendererDir, 'index.html');
  /** The page needs the token; the cookie opens only the assets. Decided on the file the path names, not on its spelling. */
  const isPage = (found: StaticLookup) =>
    found.ok && (found.page || sameFile(statSync(found.file, { throwIfNoEntry: false }), statSync(pageFile, { throwIfNoEntry: false })));

  const handleRequest = async (req: IncomingMessage, res: ServerResponse) => {
    // Node keeps the first of several Host headers; which one a proxy or cache used is anyone's guess.
    if (hostHeaderCount(req) > 1) return send(res, 400, 'Bad request: more than one Host header.');
    if (!hostAllowed(req, port)) return send(res, 403, 'Forbidden: unexpected Host header.');
    const url = parseRequestTarget(req.url);
    if (!url) return send(res, 400, 'Bad request: the request target is not a path.');
    const withToken = tokensEqual(url.searchParams.get('token'), token);
    if (url.pathname === WEB_ENDPOINTS.upload) {
      if (!withToken) return sendError(res, 403, FORBIDDEN);
      return handleUpload(req, res, url);
    }
    const found = staticFileFor(rendererDir, url.pathname);
    const withAssetKey = !isPage(found) && tokensEqual(cookieValue(req, assetCookieName(port)), assetKey);
    if (!withToken && !withAssetKey) return send(res, 403, FORBIDDEN);
    return serveStatic(req, res, found, withToken);
  };

  const server: Server = createServer((req, res) => {
    handleRequest(req, res).catch((e: unknown) => {
      if (res.headersSent) res.destroy();
      else sendError(res, 500, `The Assay host could not answer: ${(e as Error)?.message ?? String(e)}`);
    });
  });

  /**
   * Malformed HTTP (bad request line, headers, lengths, body): answer 400
   * instead of dropping silently, but never over a response already on the
   * connection, as Node's own handler (socketOnError) does not. When the bad
   * bytes follow a whole, valid request (pipelining), a 400 would land before
   * or inside its response; that response is finished whole instead, and the
   * connection then closed. When they are the body of a request whose
   * response has begun, the connection is closed.
   */
  server.on('clientError', (err: NodeJS.ErrnoException, socket: HttpSocket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const pending = socket._httpMessage;
    if (pending?.req?.complete) {
      // The bad bytes follow a whole request: let its response finish, then close.
      pending.once('finish', () => socket.end());
      pending.once('close', () => {
        if (!pending.writableFinished) socket.destroy();
      });
      return;
    }
    // The bad bytes are the pending request's own body: its response has begun (so only closing is safe) or it can be the 400.
    if (pending?._headerSent) return void socket.destroy();
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    socket.end(rawResponse(status, `Bad request: ${status.slice(4)}.`));
  });

  // CONNECT (a proxy tunnel) is nothing this host offers; without a listener Node would leave it unanswered.
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => socket.destroy());
    socket.end(rawResponse('405 Method Not Allowed', 'Method not allowed: this is not a proxy.', 'Allow: GET, HEAD, POST\r\n'));
  });

  const refuseUpgrade = (socket: Duplex, status: string) => {
    socket.end(rawResponse(status, `${status}.`));
  };

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node removes its own error listener from an upgraded socket; a reset before ws takes over must not end the host.
    socket.on('error', () => socket.destroy());
    try {
      if (hostHeaderCount(req) > 1) return refuseUpgrade(socket, '400 Bad Request');
      const url = parseRequestTarget(req.url);
      if (!url) return refuseUpgrade(socket, '400 Bad Request');
      if (
        url.pathname !== WEB_ENDPOINTS.socket ||
        !hostAllowed(req, port) ||
        !originAllowed(req, port) ||
        !tokensEqual(url.searchParams.get('token'), token)
      ) {
        return refuseUpgrade(socket, '403 Forbidden');
      }
      wss.handleUpgrade(req, socket, head, (ws) => serveApiSocket(ws, o.router));
    } catch {
      refuseUpgrade(socket, '500 Internal Server Error');
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  port = address.port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    address,
    uploadsDir: uploads.dir,
    close: async () => {
      for (const c of wss.clients) c.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      uploads.dispose();
    },
  };
}
