import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../src-main/core/api/errors';
import { MAX_MESSAGE_BYTES } from '../../src-main/core/api/protocol';
import { describeHostClose, SocketConnection, type SocketLike } from '../../src-renderer/src/lib/api/socketConnection';

/** Stands in for the browser's WebSocket: records what is sent, lets the test play the host. */
class FakeSocket implements SocketLike {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 3;
  static instances: FakeSocket[] = [];
  readyState = FakeSocket.CONNECTING;
  binaryType = 'blob';
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onclose: ((e: { code: number; reason: string }) => void) | null = null;

  constructor(readonly url: string) {
    FakeSocket.instances.push(this);
    queueMicrotask(() => {
      this.readyState = FakeSocket.OPEN;
      this.onopen?.();
    });
  }

  send(text: string): void {
    this.sent.push(text);
  }

  hostCloses(code: number, reason = ''): void {
    this.readyState = FakeSocket.CLOSED;
    this.onclose?.({ code, reason });
  }
}

beforeEach(() => {
  FakeSocket.instances = [];
});

/** What WebSocketClient builds: one connection to the host's socket URL. */
const connection = () => new SocketConnection('ws://127.0.0.1:4000/api?token=abc', (url) => new FakeSocket(url));
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('SocketConnection and the message size limit', () => {
  it('refuses to send a request over the limit, naming its size and the limit, and keeps the connection', async () => {
    const client = connection();
    const recipe = { description: 'x'.repeat(MAX_MESSAGE_BYTES) };
    const err = await client.call('recipe.save', { id: null, recipe }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('bad-input');
    const size = JSON.stringify({ type: 'request', id: 1, method: 'recipe.save', input: { id: null, recipe } }).length;
    expect((err as ApiError).message).toBe(
      `recipe.save was not sent: the request is 64.0 MiB (${size} bytes), more than the 64 MiB (67108864 bytes) the Assay host accepts in one message. Nothing was changed.`,
    );
    // Nothing went over the wire, and a normal call still works.
    expect(FakeSocket.instances.every((s) => s.sent.length === 0)).toBe(true);
    const info = client.call('app.info', {});
    await tick();
    const ws = FakeSocket.instances[0];
    const { id } = JSON.parse(ws.sent[0]) as { id: number };
    ws.onmessage?.({ data: JSON.stringify({ type: 'result', id, result: { host: 'web' } }) });
    expect(await info).toEqual({ host: 'web' });
  });

  it('sends a request just under the limit', async () => {
    const client = connection();
    const envelope = JSON.stringify({ type: 'request', id: 1, method: 'recipe.save', input: { id: null, recipe: { description: '' } } }).length;
    void client.call('recipe.save', { id: null, recipe: { description: 'x'.repeat(MAX_MESSAGE_BYTES - envelope) } });
    await tick();
    expect(FakeSocket.instances[0].sent[0].length).toBe(MAX_MESSAGE_BYTES);
  });

  it('fails pending calls with the reason when the host closes the socket, and reconnects for the next call', async () => {
    const client = connection();
    const lost: string[] = [];
    client.onConnectionLost((m) => lost.push(m));
    const a = client.call('dataset.list', {});
    const b = client.call('app.info', {});
    await tick();
    FakeSocket.instances[0].hostCloses(1009);
    for (const p of [a, b]) {
      await expect(p).rejects.toThrow(
        'The Assay host closed the connection because a message was larger than its limit of 64 MiB (code 1009), so the last action could not finish.',
      );
    }
    expect(lost).toEqual([]);
    const c = client.call('app.info', {});
    await tick();
    expect(FakeSocket.instances).toHaveLength(2);
    const ws = FakeSocket.instances[1];
    const { id } = JSON.parse(ws.sent[0]) as { id: number };
    ws.onmessage?.({ data: JSON.stringify({ type: 'result', id, result: 'ok' }) });
    expect(await c).toBe('ok');
  });

  it('passes on a reason the host gives', async () => {
    const client = connection();
    const a = client.call('app.info', {});
    await tick();
    FakeSocket.instances[0].hostCloses(4000, 'the project was closed');
    await expect(a).rejects.toThrow('closed the connection because the project was closed (code 4000)');
  });

  it('reports the host as gone when the socket drops without a code', async () => {
    const client = connection();
    const lost: string[] = [];
    client.onConnectionLost((m) => lost.push(m));
    const a = client.call('app.info', {});
    await tick();
    FakeSocket.instances[0].hostCloses(1006);
    await expect(a).rejects.toThrow(/connection to the Assay host was lost/);
    expect(lost).toHaveLength(1);
  });
});

describe('describeHostClose', () => {
  it('names each protocol error the host closes with', () => {
    expect(describeHostClose(1007, '').message).toMatch(/not valid UTF-8 text \(code 1007\)/);
    expect(describeHostClose(1002, '').message).toMatch(/broke the WebSocket protocol \(code 1002\)/);
    expect(describeHostClose(1001, '').hostRunning).toBe(false);
    expect(describeHostClose(1005, '').hostRunning).toBe(false);
  });
});
