import { mkdirSync, writeFileSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_MESSAGE_BYTES, type HostMessage } from '../../src-main/core/api/protocol';
import { ASSAY_VERSION } from '../../src-main/core/version';
import { createHandlers } from '../../src-main/node/api/handlers';
import { Router } from '../../src-main/node/api/router';
import { startWebHost, type WebHost } from '../../src-main/web/server';
import { tempWorkbench, type TempWorkbench } from '../node/helpers';
import { frame, rawRequest, rawUpgrade } from './wire';

/**
 * One host receives every class of request and frame that cannot be served,
 * in sequence; each must be answered, and the host must still serve a valid
 * API call at the end (a crash would end this whole file).
 */

const BIG = Buffer.alloc(32 * 2 ** 20, 'A');

let t: TempWorkbench;
let host: WebHost;
let assetCookie = '';
/** In a real host process any of these would have ended it; vitest would only report them. */
const escaped: unknown[] = [];
const record = (e: unknown) => escaped.push(e);

beforeAll(async () => {
  process.on('uncaughtException', record);
  process.on('unhandledRejection', record);
  t = await tempWorkbench();
  await t.wb.importFile({ path: t.file('d.csv', 'a,b\n1,x\n2,y\n3,z\n') });
  const rendererDir = join(t.dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Assay</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  // Larger than any kernel socket buffer, so its response is still being written when more bytes arrive.
  writeFileSync(join(rendererDir, 'assets', 'big.js'), BIG);
  host = await startWebHost({ router: new Router(createHandlers(t.wb, { host: 'web', version: ASSAY_VERSION })), rendererDir });
  const page = await rawRequest(host.port, `GET /?token=${host.token} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nConnection: close\r\n\r\n`);
  assetCookie = /set-cookie: ([^;\r\n]+)/i.exec(page.bytes.toString('latin1'))?.[1] ?? '';
});
afterAll(async () => {
  process.off('uncaughtException', record);
  process.off('unhandledRejection', record);
  await host?.close();
  t.dispose();
});

const get = (target: string, extra = '') =>
  `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n${extra}Connection: close\r\n\r\n`;
const upgrade = (target: string) =>
  `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
  'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n';

function connect(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, id: number, method: string, input: unknown): Promise<HostMessage | 'binary'> {
  return new Promise((resolve, reject) => {
    const onMessage = (data: Buffer, isBinary: boolean) => {
      if (isBinary) return resolve('binary');
      const m = JSON.parse(data.toString()) as HostMessage;
      if (m.id === id && m.type !== 'progress') resolve(m);
    };
    ws.on('message', onMessage);
    ws.once('close', (code, reason) => reject(new Error(`closed ${code} ${reason.toString()}`)));
    ws.send(JSON.stringify({ type: 'request', id, method, input }));
  });
}

describe('the web host under hostile input', () => {
  it('answers request lines that no URL parser accepts, each with its own status', async () => {
    const T = `?token=${host.token}`;
    // With the token, so the token check cannot hide what the target itself gets.
    const cases: [string, number][] = [
      // Not origin-form (RFC 9112 §3.2.1): never served.
      ['*', 400],
      [`http://[/${T}`, 400],
      [`http://127.0.0.1:${host.port}/${T}`, 400],
      // Origin-form paths whose segments name no file: `//[` is a path here, not an authority.
      [`//[${T}`, 404],
      [`//x:99999/${T}`, 404],
    ];
    for (const [target, status] of cases) {
      expect((await rawRequest(host.port, get(target))).status, `GET ${target}`).toBe(status);
    }
    // Without the token the same paths are forbidden; a target that is no path stays a 400.
    expect((await rawRequest(host.port, get('//['))).status).toBe(403);
    expect((await rawRequest(host.port, get('//x:99999/'))).status).toBe(403);
    expect((await rawRequest(host.port, get('http://[/'))).status).toBe(400);
    // The socket lives at /api only; a target that is no path at all is a 400 there too.
    const upgrades: [string, number][] = [
      [`http://[/${T}`, 400],
      [`*`, 400],
      [`//[${T}`, 403],
      [`//x:99999/${T}`, 403],
    ];
    for (const [target, status] of upgrades) {
      expect((await rawRequest(host.port, upgrade(target))).status, `upgrade ${target}`).toBe(status);
    }
  });

  it('answers malformed HTTP with 400', async () => {
    expect((await rawRequest(host.port, 'HELLO THERE\r\n\r\n')).status).toBe(400);
    expect((await rawRequest(host.port, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: x\r\n\r\n')).status).toBe(400);
  });

  it('never splices its 400 into the response to a valid request before it on the same connection', async () => {
    const getBig = `GET /assets/big.js?token=${host.token} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n\r\n`;
    const bad = 'HELLO THERE\r\n\r\n';
    /** Sends the GET, then the malformed request: at once, or once the response has begun and the client stopped reading. */
    const exchange = (whileSending: boolean) =>
      new Promise<Buffer>((resolve) => {
        const chunks: Buffer[] = [];
        const s = netConnect(host.port, '127.0.0.1', () => s.write(whileSending ? getBig : getBig + bad));
        const timer = setTimeout(() => s.destroy(), 20_000);
        s.on('data', (d: Buffer) => {
          if (whileSending && chunks.length === 0) {
            s.pause();
            s.write(bad);
            // Pacing only: let the host read the bad bytes while its response waits on us.
            setTimeout(() => s.resume(), 300);
          }
          chunks.push(d);
        });
        s.on('error', () => {});
        s.on('close', () => {
          clearTimeout(timer);
          resolve(Buffer.concat(chunks));
        });
      });
    for (const whileSending of [false, true]) {
      const bytes = await exchange(whileSending);
      const headEnd = bytes.indexOf('\r\n\r\n') + 4;
      const head = bytes.subarray(0, headEnd).toString('latin1');
      expect(head.split('\r\n')[0], `whileSending=${whileSending}`).toBe('HTTP/1.1 200 OK');
      expect(Number(/content-length: (\d+)/i.exec(head)?.[1])).toBe(BIG.length);
      const body = bytes.subarray(headEnd, headEnd + BIG.length);
      expect(body.length).toBe(BIG.length);
      expect(body.equals(BIG), `the body arrived whole and unspliced (whileSending=${whileSending})`).toBe(true);
      // After it the connection closes; whatever else came is a whole response of its own.
      const rest = bytes.subarray(headEnd + BIG.length).toString('latin1');
      expect(rest === '' || rest.startsWith('HTTP/1.1 '), rest.slice(0, 40)).toBe(true);
    }
  });

  it('answers 400 to a request whose own body is malformed, before any of its response was sent', async () => {
    const upload = `POST /upload?name=x.csv&token=${host.token} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nTransfer-Encoding: chunked\r\n\r\n`;
    expect((await rawRequest(host.port, `${upload}4\r\na,b\n\r\nzz\r\nnot a chunk\r\n`)).status).toBe(400);
  });

  it('answers CONNECT with 405 and closes', async () => {
    for (const authority of [`127.0.0.1:${host.port}`, 'evil.example:443']) {
      const answer = await rawRequest(host.port, `CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n\r\n`, 10_000);
      expect(answer.status, authority).toBe(405);
      expect(answer.bytes.toString('latin1')).toMatch(/\r\nConnection: close\r\n/i);
    }
  });

  it('answers a request with more than one Host header with 400, whatever their order', async () => {
    const ours = `127.0.0.1:${host.port}`;
    for (const [first, second] of [[ours, 'evil.example'], ['evil.example', ours], [ours, ours]]) {
      const twice = `Host: ${first}\r\nhost: ${second}\r\n`;
      const page = await rawRequest(host.port, `GET /?token=${host.token} HTTP/1.1\r\n${twice}Connection: close\r\n\r\n`);
      expect(page.status, `GET with ${first}, ${second}`).toBe(400);
      const socket = await rawRequest(
        host.port,
        `GET /api?token=${host.token} HTTP/1.1\r\n${twice}Upgrade: websocket\r\nConnection: Upgrade\r\n` +
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
      );
      expect(socket.status, `upgrade with ${first}, ${second}`).toBe(400);
    }
  });

  it('answers malformed escapes, NUL bytes and parent folders in static paths', async () => {
    // The cookie is what a page on another 127.0.0.1 port makes the browser send along.
    expect(assetCookie).not.toBe('');
    const cookie = `Cookie: ${assetCookie}\r\n`;
    expect((await rawRequest(host.port, get('/%zz', cookie))).status).toBe(400);
    expect((await rawRequest(host.port, get('/assets/%E0%A4%A', cookie))).status).toBe(400);
    expect((await rawRequest(host.port, get(`/%zz?token=${host.token}`))).status).toBe(400);
    expect((await rawRequest(host.port, get('/assets/app.js%00.png', cookie))).status).toBe(400);
    expect((await rawRequest(host.port, get('/%2e%2e/%2e%2e/etc/passwd', cookie))).status).toBe(404);
    expect((await rawRequest(host.port, get('/assets/..%2f..%2f..%2fetc%2fpasswd', cookie))).status).toBe(404);
    expect((await rawRequest(host.port, get('/assets/app.js', cookie))).status).toBe(200);
  });

  it('closes the socket with a status code on every malformed frame', async () => {
    const api = `/api?token=${host.token}`;
    const cases: [string, Buffer, number][] = [
      ['a frame over the size limit', frame({ opcode: 1, payload: Buffer.alloc(MAX_MESSAGE_BYTES + 1, 0x20) }), 1009],
      ['a header that claims 200 MB', frame({ opcode: 2, claimedLength: 200 * 2 ** 20, payload: Buffer.from('tiny') }), 1009],
      ['fragments that add up to more than the limit', Buffer.concat([
        frame({ opcode: 1, fin: false, payload: Buffer.alloc(MAX_MESSAGE_BYTES / 2, 0x20) }),
        frame({ opcode: 0, fin: false, payload: Buffer.alloc(MAX_MESSAGE_BYTES / 2, 0x20) }),
        frame({ opcode: 0, payload: Buffer.alloc(16, 0x20) }),
      ]), 1009],
      ['invalid UTF-8 in a text frame', frame({ opcode: 1, payload: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) }), 1007],
      ['reserved bits set', frame({ opcode: 1, rsv: 0b011, payload: Buffer.from('{}') }), 1002],
      ['a reserved opcode', frame({ opcode: 0x3, payload: Buffer.from('{}') }), 1002],
      ['a reserved control opcode', frame({ opcode: 0xb, payload: Buffer.from('{}') }), 1002],
      ['an unmasked client frame', frame({ opcode: 1, masked: false, payload: Buffer.from('{}') }), 1002],
      ['a ping over 125 bytes', frame({ opcode: 0x9, payload: Buffer.alloc(126) }), 1002],
      ['a fragmented ping', frame({ opcode: 0x9, fin: false, payload: Buffer.from('x') }), 1002],
      ['a continuation with nothing to continue', frame({ opcode: 0, payload: Buffer.from('x') }), 1002],
    ];
    for (const [what, bytes, code] of cases) {
      const socket = await rawUpgrade(host.port, api);
      const { closeCode } = await socket.sendAndAwaitClose(bytes);
      expect(closeCode, what).toBe(code);
    }
    expect(escaped.map(String)).toEqual([]);
  });

  it('serves the largest valid filter, which is over the old 1 MiB frame limit', async () => {
    const ws = await connect();
    const values = Array.from({ length: 10_000 }, (_, i) => `${i}`.padEnd(500, 'é'));
    const query = { filters: [{ column: 1, op: 'in', values }] };
    expect(JSON.stringify(query).length).toBeGreaterThan(2 ** 20);
    const reply = await call(ws, 1, 'dataset.queryCount', { id: 1, query });
    expect(reply).toMatchObject({ type: 'result', result: { rows: 0 } });
    ws.close();
  });

  it('still answers a valid API call on the same host after all of the above', async () => {
    expect(escaped.map(String)).toEqual([]);
    const ws = await connect();
    expect(await call(ws, 1, 'app.info', {})).toMatchObject({ type: 'result', result: { host: 'web', version: ASSAY_VERSION } });
    ws.close();
  });
});
