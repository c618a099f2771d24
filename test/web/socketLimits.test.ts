import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ApiError } from '../../src-main/core/api/errors';
import type { HostMessage } from '../../src-main/core/api/protocol';
import { ASSAY_VERSION } from '../../src-main/core/version';
import { createHandlers } from '../../src-main/node/api/handlers';
import { Router, type Handlers } from '../../src-main/node/api/router';
import { MAX_BUFFERED_BYTES, MAX_REQUESTS_IN_FLIGHT } from '../../src-main/web/apiSocket';
import { MAX_NESTING } from '../../src-main/web/clientMessages';
import { startWebHost, type WebHost } from '../../src-main/web/server';
import { tempWorkbench, type TempWorkbench } from '../node/helpers';
import { frame, FrameReader, rawUpgrade, until } from './wire';

/**
 * A client can make the host hold memory or time on its behalf: by sending
 * requests faster than they finish, by not reading the replies, or by one
 * message that is cheap to send and dear to parse. Each is bounded.
 */

let t: TempWorkbench;
let host: WebHost;
let wideId = 0;
/** `dataset.get` of an id from 1000 up never finishes until cancelled: a request held in flight. */
const held = new Map<number, AbortSignal>();

beforeAll(async () => {
  t = await tempWorkbench();
  await t.wb.importFile({ path: t.file('d.csv', 'a,b\n1,x\n2,y\n3,z\n') });
  // 5,000 rows of 2,000 characters: one full page is a reply of about 10 MB.
  const rows = Array.from({ length: 5000 }, (_, i) => `${i},${'w'.repeat(2000)}`);
  wideId = (await t.wb.importFile({ path: t.file('wide.csv', `n,text\n${rows.join('\n')}\n`) })).id;
  const rendererDir = join(t.dir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Assay</title>');
  const real = createHandlers(t.wb, { host: 'web', version: ASSAY_VERSION });
  const handlers: Handlers = {
    ...real,
    'dataset.get': (input, ctx) => {
      if (input.id < 1000) return real['dataset.get'](input, ctx);
      held.set(input.id, ctx.signal);
      return new Promise((_, reject) =>
        ctx.signal.addEventListener('abort', () => reject(new ApiError('cancelled', `request for ${input.id} cancelled`))),
      );
    },
  };
  host = await startWebHost({ router: new Router(handlers), rendererDir });
});
afterAll(async () => {
  await host?.close();
  t.dispose();
});

function connect(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Every text reply the socket receives, in order. */
function inbox(ws: WebSocket): HostMessage[] {
  const got: HostMessage[] = [];
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    if (!isBinary) got.push(JSON.parse(data.toString()) as HostMessage);
  });
  return got;
}

const request = (id: number, method: string, input: unknown) => JSON.stringify({ type: 'request', id, method, input });

async function appInfoAnswers(): Promise<void> {
  const ws = await connect();
  const got = inbox(ws);
  ws.send(request(1, 'app.info', {}));
  await until(() => got.some((m) => m.id === 1), 10_000, 'app.info');
  expect(got.find((m) => m.id === 1)).toMatchObject({ type: 'result', result: { host: 'web', version: ASSAY_VERSION } });
  ws.close();
}

describe('one WebSocket client', () => {
  it(`has at most ${MAX_REQUESTS_IN_FLIGHT} requests in flight; the rest are refused until replies go out`, async () => {
    expect(MAX_REQUESTS_IN_FLIGHT).toBe(64);
    const ws = await connect();
    const got = inbox(ws);
    const sent = MAX_REQUESTS_IN_FLIGHT + 36;
    for (let id = 1; id <= sent; id++) ws.send(request(id, 'dataset.get', { id: 1000 + id }));
    await until(() => got.length >= sent - MAX_REQUESTS_IN_FLIGHT, 10_000, 'the refusals');
    // Wait for the held ones to start too, so nothing is still on its way when we count.
    await until(() => held.size >= MAX_REQUESTS_IN_FLIGHT, 10_000, 'the held requests');
    expect(got.map((m) => m.id)).toEqual(Array.from({ length: sent - MAX_REQUESTS_IN_FLIGHT }, (_, i) => MAX_REQUESTS_IN_FLIGHT + 1 + i));
    for (const m of got) {
      expect(m).toMatchObject({ type: 'error', error: { code: 'bad-request', message: expect.stringMatching(/too many requests in flight/) } });
    }
    expect([...held.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: MAX_REQUESTS_IN_FLIGHT }, (_, i) => 1001 + i));

    // At the cap, even a quick call is refused; once two replies have gone out, calls are taken again.
    ws.send(request(500, 'app.info', {}));
    await until(() => got.some((m) => m.id === 500), 10_000, 'the refusal of app.info');
    expect(got.find((m) => m.id === 500)).toMatchObject({ type: 'error', error: { message: expect.stringMatching(/too many requests in flight/) } });
    ws.send(JSON.stringify({ type: 'cancel', id: 1 }));
    ws.send(JSON.stringify({ type: 'cancel', id: 2 }));
    await until(() => got.some((m) => m.id === 2), 10_000, 'the cancelled replies');
    expect(got.filter((m) => m.id === 1 || m.id === 2)).toMatchObject([
      { type: 'error', error: { code: 'cancelled' } },
      { type: 'error', error: { code: 'cancelled' } },
    ]);
    ws.send(request(501, 'app.info', {}));
    await until(() => got.some((m) => m.id === 501), 10_000, 'app.info');
    expect(got.find((m) => m.id === 501)).toMatchObject({ type: 'result', result: { host: 'web' } });

    ws.close();
    await until(() => [...held.values()].every((s) => s.aborted), 10_000, 'the held requests to be cancelled');
    held.clear();
  });

  it(`is closed with 1008 once more than ${MAX_BUFFERED_BYTES / 2 ** 20} MiB of replies wait unread, and the host serves others`, async () => {
    const socket = (await rawUpgrade(host.port, `/api?token=${host.token}`)).socket;
    // The client stops reading: replies pile up in the kernel, then in the host.
    socket.pause();
    const pages = 30; // 30 × 10 MB: far more than the cap and any kernel buffer
    const messages = [request(1, 'dataset.get', { id: 7777 })];
    for (let id = 2; id <= pages + 1; id++) messages.push(request(id, 'dataset.page', { id: wideId, offset: 0, limit: 5000 }));
    socket.write(Buffer.concat(messages.map((m) => frame({ opcode: 1, payload: Buffer.from(m) }))));

    // The host gives up on the client: its requests still running are cancelled.
    await until(() => held.get(7777)?.aborted === true, 60_000, 'the host to give up on the client that does not read');

    const reader = new FrameReader();
    const ended = new Promise<void>((resolve) => {
      socket.on('data', (d: Buffer) => {
        reader.push(d);
        if (reader.close) resolve();
      });
      socket.on('close', () => resolve());
      socket.on('error', () => resolve());
    });
    socket.resume();
    await ended;
    socket.destroy();
    expect(reader.close?.closeCode).toBe(1008);
    expect(reader.close?.reason).toMatch(/not reading/);
    // It stopped sending: most pages were never sent.
    expect(reader.binaryFrames).toBeLessThan(pages);
    held.clear();
    await appInfoAnswers();
  }, 120_000);

  it(`cannot send a message nested deeper than ${MAX_NESTING} levels; the host refuses it before parsing`, async () => {
    const ws = await connect();
    const got = inbox(ws);
    // About 60 MB of brackets, under the 64 MiB message limit.
    const depth = 30_000_000;
    ws.send(`{"type":"request","id":7,"method":"app.info","input":${'['.repeat(depth)}${']'.repeat(depth)}}`);
    ws.send(request(8, 'app.info', {}));
    await until(() => got.some((m) => m.id === 8), 60_000, 'the answers');
    expect(got[0]).toMatchObject({ type: 'error', error: { code: 'bad-request', message: expect.stringMatching(/nested deeper than 512/) } });
    expect(got[1]).toMatchObject({ type: 'result', id: 8 });
    ws.close();
  });
});
