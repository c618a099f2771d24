import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect as netConnect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { decodeBinaryResult, type HostMessage } from '../../src-main/core/api/protocol';
import { ASSAY_VERSION } from '../../src-main/core/version';
import { createHandlers } from '../../src-main/node/api/handlers';
import { Router } from '../../src-main/node/api/router';
import { startWebHost, type WebHost } from '../../src-main/web/server';
import { tempWorkbench, type TempWorkbench } from '../node/helpers';

let t: TempWorkbench;
let host: WebHost;

beforeAll(async () => {
  t = await tempWorkbench();
  await t.wb.importFile({ path: t.file('d.csv', 'a,b\n1,x\n2,y\n3,z\n') });
  const rendererDir = join(t.dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Assay</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  host = await startWebHost({ router: new Router(createHandlers(t.wb, { host: 'web', version: ASSAY_VERSION })), rendererDir });
});
afterAll(async () => {
  await host.close();
  t.dispose();
});

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function connect(query = `?token=${host.token}`): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api${query}`);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

let nextId = 1;
function call(ws: WebSocket, method: string, input: unknown): Promise<{ message?: HostMessage; binary?: Uint8Array }> {
  const id = nextId++;
  return new Promise((resolve) => {
    const onMessage = (data: Buffer, isBinary: boolean) => {
      if (isBinary) {
        const r = decodeBinaryResult(new Uint8Array(data));
        if (r.id === id) {
          ws.off('message', onMessage);
          resolve({ binary: r.payload });
        }
        return;
      }
      const m = JSON.parse(data.toString()) as HostMessage;
      if (m.id === id && m.type !== 'progress') {
        ws.off('message', onMessage);
        resolve({ message: m });
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ type: 'request', id, method, input }));
  });
}

describe('web host', () => {
  it('listens on the loopback address only', async () => {
    // The bound socket, not the printed URL: 127.0.0.1 (not 0.0.0.0 or ::), so no other machine can connect.
    expect(host.address).toMatchObject({ address: '127.0.0.1', family: 'IPv4', port: host.port });
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && !i.internal && i.family === 'IPv4');
    if (external) {
      // Where this machine has another address, the host must not answer on it.
      const refused = await new Promise<string>((resolve) => {
        const s = netConnect(host.port, external.address, () => {
          s.destroy();
          resolve('connected');
        });
        s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
      });
      expect(refused).toBe('ECONNREFUSED');
    }
  });

  it('refuses the page, assets and uploads without the token', async () => {
    expect((await get('/')).status).toBe(403);
    expect((await get('/?token=wrong')).status).toBe(403);
    expect((await get('/assets/app.js')).status).toBe(403);
    expect((await get(`/upload?name=x.csv`)).status).toBe(403);
  });

  it('serves the page with the token, a strict CSP and a cookie for its assets', async () => {
    const page = await get(`/?token=${host.token}`);
    expect(page.status).toBe(200);
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(String(page.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(String(page.headers['content-security-policy'])).toContain("frame-src 'none'");
    expect(String(page.headers['content-security-policy'])).toContain("worker-src 'none'");
    const cookie = String(page.headers['set-cookie']).split(';')[0];
    expect((await get('/assets/app.js', { cookie })).status).toBe(200);
    expect((await get('/../../etc/passwd', { cookie })).status).toBe(404);
  });

  it('refuses a foreign Host header', async () => {
    expect((await get(`/?token=${host.token}`, { host: 'evil.example:80' })).status).toBe(403);
  });

  it('refuses a WebSocket without the token or from another origin', async () => {
    await expect(connect('')).rejects.toThrow(/403/);
    await expect(connect('?token=nope')).rejects.toThrow(/403/);
    await expect(
      new Promise((resolve, reject) => {
        const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`, { origin: 'https://evil.example' });
        ws.once('open', resolve);
        ws.once('unexpected-response', (_q, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      }),
    ).rejects.toThrow(/403/);
  });

  it('answers API calls and validates their input', async () => {
    const ws = await connect();
    const info = await call(ws, 'app.info', {});
    expect(info.message).toMatchObject({ type: 'result', result: { host: 'web', version: ASSAY_VERSION } });
    const bad = await call(ws, 'dataset.page', { id: 1, offset: -1, limit: 10 });
    expect(bad.message).toMatchObject({ type: 'error', error: { code: 'bad-request' } });
    expect((bad.message as { error: { message: string } }).error.message).toMatch(/offset/);
    const unknown = await call(ws, 'system.exec', {});
    expect(unknown.message).toMatchObject({ type: 'error', error: { code: 'bad-request', message: expect.stringMatching(/Unknown API method/) } });
    const extra = await call(ws, 'dataset.list', { sneaky: true });
    expect(extra.message).toMatchObject({ type: 'error', error: { code: 'bad-request' } });
    ws.close();
  });

  it('sends pages as binary Arrow frames', async () => {
    const ws = await connect();
    const list = await call(ws, 'dataset.list', {});
    const id = ((list.message as { result: { id: number }[] }).result)[0].id;
    const page = await call(ws, 'dataset.page', { id, offset: 1, limit: 5 });
    const table = tableFromIPC(page.binary!);
    expect(table.numRows).toBe(2);
    expect(table.getChildAt(1)!.toArray()).toEqual(['y', 'z']);
    ws.close();
  });

  it('sorts and filters in the host, paging the view as binary Arrow frames', async () => {
    const ws = await connect();
    const list = await call(ws, 'dataset.list', {});
    const id = (list.message as { result: { id: number }[] }).result[0].id;
    const query = { sort: { column: 1, descending: true }, filters: [{ column: 0, op: 'range', min: 2 }] };
    const count = await call(ws, 'dataset.queryCount', { id, query });
    expect(count.message).toMatchObject({ type: 'result', result: { rows: 2 } });
    const page = await call(ws, 'dataset.queryPage', { id, query, offset: 0, limit: 10 });
    const table = tableFromIPC(page.binary!);
    expect(table.getChildAt(1)!.toArray()).toEqual(['z', 'y']);
    expect(Array.from(table.getChildAt(2)!.toArray() as Float64Array)).toEqual([3, 2]);
    const bad = await call(ws, 'dataset.queryCount', { id, query: { filters: [{ column: 9, op: 'missing' }] } });
    expect(bad.message).toMatchObject({ type: 'error', error: { code: 'bad-input', message: expect.stringMatching(/Column 9 does not exist/) } });
    ws.close();
  });

  it('rejects malformed messages with a clear error', async () => {
    const ws = await connect();
    const reply = new Promise<HostMessage>((r) => ws.once('message', (d) => r(JSON.parse(d.toString()))));
    ws.send('not json');
    expect(await reply).toMatchObject({ type: 'error', error: { code: 'bad-request', message: 'Messages must be JSON.' } });
    ws.close();
  });
});
