import WebSocket from 'ws';
import { decodeBinaryResult } from '../../src-main/core/api/protocol';

/** A minimal client of the web host's API socket, for benchmarks that set up state before driving the UI. */
export async function hostSocket(url: string): Promise<{ call(method: string, input: unknown): Promise<unknown>; close(): void }> {
  const u = new URL(url);
  const ws = new WebSocket(`ws://${u.host}/api?token=${u.searchParams.get('token')}`, { headers: { Origin: u.origin } });
  await new Promise<void>((res, rej) => {
    ws.once('open', () => res());
    ws.once('error', rej);
  });
  let next = 0;
  const waiting = new Map<number, { res(v: unknown): void; rej(e: Error): void }>();
  ws.on('message', (data, binary) => {
    if (binary) {
      // Arrow pages come back as one binary frame: the request id, then the payload.
      const frame = Buffer.isBuffer(data) ? data : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]);
      const { id, payload } = decodeBinaryResult(new Uint8Array(frame.buffer, frame.byteOffset, frame.byteLength));
      waiting.get(id)?.res(payload);
      waiting.delete(id);
      return;
    }
    const m = JSON.parse(String(data)) as { type: string; id: number; result?: unknown; error?: { message: string } };
    const w = waiting.get(m.id);
    if (!w || (m.type !== 'result' && m.type !== 'error')) return;
    waiting.delete(m.id);
    if (m.type === 'result') w.res(m.result);
    else w.rej(new Error(m.error?.message ?? 'API error'));
  });
  return {
    call: (method, input) =>
      new Promise((res, rej) => {
        const id = ++next;
        waiting.set(id, { res, rej });
        ws.send(JSON.stringify({ type: 'request', id, method, input }));
      }),
    close: () => ws.close(),
  };
}
