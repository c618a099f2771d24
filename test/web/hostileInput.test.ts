import { mkdirSync, writeFileSync } from 'node:fs';
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
  it('answers request lines that no URL parser accepts, with or without the token', async () => {
    for (const target of ['//[', '//x:99999/', 'http://[/', `//[?token=${host.token}`, `//x:99999/?token=${host.token}`, '*']) {
      const answer = await rawRequest(host.port, get(target));
      expect([400, 403, 404], `GET ${target}`).toContain(answer.status);
    }
    for (const target of ['//[', '//x:99999/', 'http://[/', `//[?token=${host.token}`]) {
      const answer = await rawRequest(host.port, upgrade(target));
      expect([400, 403, 404], `upgrade ${target}`).toContain(answer.status);
    }
  });

  it('answers malformed HTTP with 400', async () => {
    expect((await rawRequest(host.port, 'HELLO THERE\r\n\r\n')).status).toBe(400);
    expect((await rawRequest(host.port, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: x\r\n\r\n')).status).toBe(400);
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
