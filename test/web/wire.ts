import { connect, type Socket } from 'node:net';

/**
 * Raw TCP helpers for tests that speak HTTP and WebSocket by hand, so they
 * can send what no well-behaved client library would (RFC 6455 frames with
 * reserved bits, lying lengths, unmasked payloads).
 */

export interface RawAnswer {
  /** HTTP status of the first response line, or null when none came. */
  status: number | null;
  /** Everything the host sent before it closed the connection (or the wait ended). */
  bytes: Buffer;
}

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
}

/** Collects bytes until the host closes the connection, or `ms` pass. */
function collect(s: Socket, ms: number): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const done = () => {
      clearTimeout(timer);
      s.destroy();
      resolve(Buffer.concat(chunks));
    };
    const timer = setTimeout(done, ms);
    s.on('data', (d: Buffer) => chunks.push(d));
    s.on('close', done);
    // The host may reset the connection while we still write; what it sent before counts.
    s.on('error', () => {});
  });
}

function statusOf(bytes: Buffer): number | null {
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(bytes.subarray(0, 64).toString('latin1'));
  return m ? Number(m[1]) : null;
}

/** Sends `text` as is (a whole request, possibly malformed) and reads the answer. */
export async function rawRequest(port: number, text: string | Buffer, ms = 3000): Promise<RawAnswer> {
  const s = await open(port);
  const answer = collect(s, ms);
  s.write(text);
  const bytes = await answer;
  return { status: statusOf(bytes), bytes };
}

/** RFC 6455 §5.2: a frame as the wire carries it. `claimedLength` lies about the payload size. */
export function frame(o: {
  opcode: number;
  payload?: Buffer;
  fin?: boolean;
  rsv?: number;
  masked?: boolean;
  claimedLength?: number;
}): Buffer {
  const payload = o.payload ?? Buffer.alloc(0);
  const length = o.claimedLength ?? payload.length;
  const masked = o.masked ?? true;
  const head: number[] = [((o.fin ?? true) ? 0x80 : 0) | ((o.rsv ?? 0) << 4) | o.opcode];
  const maskBit = masked ? 0x80 : 0;
  let ext = Buffer.alloc(0);
  if (length < 126) head.push(maskBit | length);
  else if (length < 65536) {
    head.push(maskBit | 126);
    ext = Buffer.alloc(2);
    ext.writeUInt16BE(length);
  } else {
    head.push(maskBit | 127);
    ext = Buffer.alloc(8);
    ext.writeBigUInt64BE(BigInt(length));
  }
  if (!masked) return Buffer.concat([Buffer.from(head), ext, payload]);
  const key = Buffer.from([0x12, 0x34, 0x56, 0x78]);
  const body = Buffer.alloc(payload.length);
  for (let i = 0; i < payload.length; i++) body[i] = payload[i] ^ key[i & 3];
  return Buffer.concat([Buffer.from(head), ext, key, body]);
}

export interface Upgraded {
  socket: Socket;
  /** Sends raw frames and waits for the host to close; returns the close code it sent, if any. */
  sendAndAwaitClose(data: Buffer, ms?: number): Promise<{ closeCode: number | null; reason: string }>;
}

/** A valid WebSocket handshake on a raw socket; rejects unless the host answers 101. */
export async function rawUpgrade(port: number, path: string): Promise<Upgraded> {
  const s = await open(port);
  const head = await new Promise<Buffer>((resolve, reject) => {
    let got = Buffer.alloc(0);
    const onData = (d: Buffer) => {
      got = Buffer.concat([got, d]);
      if (got.includes('\r\n\r\n')) {
        s.off('data', onData);
        resolve(got);
      }
    };
    s.on('data', onData);
    s.once('error', reject);
    s.write(
      `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
  });
  if (statusOf(head) !== 101) throw new Error(`upgrade answered ${head.toString('latin1').split('\r\n')[0]}`);
  return {
    socket: s,
    async sendAndAwaitClose(data, ms = 5000) {
      const answer = collect(s, ms);
      s.write(data);
      return readClose(await answer);
    },
  };
}

/** Finds the host's close frame (opcode 8) in what it sent and reads its status code and reason. */
export function readClose(bytes: Buffer): { closeCode: number | null; reason: string } {
  let i = 0;
  while (i + 2 <= bytes.length) {
    const opcode = bytes[i] & 0x0f;
    let len = bytes[i + 1] & 0x7f;
    let at = i + 2;
    if (len === 126) {
      len = bytes.readUInt16BE(at);
      at += 2;
    } else if (len === 127) {
      len = Number(bytes.readBigUInt64BE(at));
      at += 8;
    }
    if (opcode === 0x8) {
      const body = bytes.subarray(at, at + len);
      return { closeCode: body.length >= 2 ? body.readUInt16BE(0) : null, reason: body.subarray(2).toString('utf8') };
    }
    i = at + len;
  }
  return { closeCode: null, reason: '' };
}

/**
 * Reads the host's frames as they arrive without keeping their payloads
 * (replies can be many megabytes): counts them by opcode, keeps text frames
 * and the close frame's status code and reason.
 */
export class FrameReader {
  readonly texts: string[] = [];
  binaryFrames = 0;
  close: { closeCode: number | null; reason: string } | null = null;
  private head: number[] = [];
  private opcode = 0;
  private left = 0;
  private kept: Buffer[] = [];

  push(data: Buffer): void {
    let i = 0;
    while (i < data.length) {
      if (this.left > 0) {
        const n = Math.min(this.left, data.length - i);
        if (this.opcode !== 2) this.kept.push(data.subarray(i, i + n));
        this.left -= n;
        i += n;
        if (this.left === 0) this.finish();
        continue;
      }
      this.head.push(data[i++]);
      const need = this.headerLength();
      if (this.head.length < need) continue;
      const h = Buffer.from(this.head);
      let len = h[1] & 0x7f;
      if (len === 126) len = h.readUInt16BE(2);
      else if (len === 127) len = Number(h.readBigUInt64BE(2));
      this.opcode = h[0] & 0x0f;
      this.head = [];
      this.left = len;
      if (len === 0) this.finish();
    }
  }

  private headerLength(): number {
    if (this.head.length < 2) return 2;
    const len = this.head[1] & 0x7f;
    const masked = (this.head[1] & 0x80) !== 0;
    return 2 + (len === 126 ? 2 : len === 127 ? 8 : 0) + (masked ? 4 : 0);
  }

  private finish(): void {
    const payload = Buffer.concat(this.kept);
    this.kept = [];
    if (this.opcode === 2) this.binaryFrames++;
    else if (this.opcode === 1) this.texts.push(payload.toString('utf8'));
    else if (this.opcode === 8) {
      this.close = { closeCode: payload.length >= 2 ? payload.readUInt16BE(0) : null, reason: payload.subarray(2).toString('utf8') };
    }
  }
}

/** Resolves once `test()` holds, checking every 20 ms; rejects after `ms` (a generous bound, not a timing assertion). */
export async function until(test: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`gave up after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
