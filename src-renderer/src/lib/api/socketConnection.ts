import type { Input, Method, Output, Progress } from '../../../../src-main/core/api/contract';
import { ApiError } from '../../../../src-main/core/api/errors';
import {
  decodeBinaryResult,
  describeBytes,
  MAX_MESSAGE_BYTES,
  utf8ByteLength,
  type ClientMessage,
  type HostMessage,
} from '../../../../src-main/core/api/protocol';
import { PendingCalls } from './pendingCalls';

/** Methods whose result arrives as a binary frame instead of JSON. */
const BINARY_METHODS = new Set<string>(['dataset.page', 'dataset.queryPage']);

export const CLOSED_MESSAGE =
  'The connection to the Assay host was lost, so the last action could not finish. ' +
  'Check that the host is still running, then reload this page.';

const CONNECT_FAILED_MESSAGE =
  'Could not connect to the Assay host. Check that it is running and that this address (with its token) is the one it printed.';

/** What this module needs of a browser WebSocket, so it runs (and is tested) without one. */
export interface SocketLike {
  readonly readyState: number;
  binaryType: string;
  send(data: string): void;
  onopen: (() => void) | null;
  onmessage: ((e: { data: unknown }) => void) | null;
  onclose: ((e: { code: number; reason: string }) => void) | null;
}

/** WebSocket.OPEN */
const OPEN = 1;

/**
 * Why the host closed the socket, for a message to the analyst. The host
 * closes with a status code (RFC 6455 §7.4.1) when a message breaks the
 * protocol; it is still running then, so the next call reconnects. Without
 * a code (1005, 1006) or when it is going away (1001), the host is gone.
 */
export function describeHostClose(code: number, reason: string): { message: string; hostRunning: boolean } {
  const why: Record<number, string> = {
    1002: 'a message broke the WebSocket protocol',
    1003: 'a message was of a kind it does not accept',
    1007: 'a message was not valid UTF-8 text',
    1008: 'a message broke its rules',
    1009: `a message was larger than its limit of ${describeBytes(MAX_MESSAGE_BYTES)}`,
    1011: 'it hit an internal error',
  };
  const known = why[code];
  if (!known && !reason) return { message: CLOSED_MESSAGE, hostRunning: false };
  const detail = [known, reason].filter(Boolean).join(': ');
  return {
    message: `The Assay host closed the connection because ${detail} (code ${code}), so the last action could not finish. Try it again; the page reconnects.`,
    hostRunning: true,
  };
}

/**
 * API calls over one WebSocket to the web host: requests out, progress and
 * results in, by request id. A request too large for the host is refused
 * here, before it could make the host close the socket on every other call.
 */
export class SocketConnection {
  private readonly pending = new PendingCalls();
  private socket: Promise<SocketLike> | null = null;
  private lost: string | null = null;
  private readonly lostListeners = new Set<(message: string) => void>();

  constructor(
    private readonly url: string,
    private readonly openSocket: (url: string) => SocketLike,
  ) {}

  call<M extends Method>(
    method: M,
    input: Input<M>,
    opts: { onProgress?: (p: Progress) => void; signal?: AbortSignal } = {},
  ): Promise<Output<M>> {
    if (this.lost) return Promise.reject(new ApiError('internal', this.lost));
    if (opts.signal?.aborted) return Promise.reject(new ApiError('cancelled', `${method} was cancelled; nothing was changed.`));
    const { id, promise } = this.pending.open(method, opts.onProgress);
    let text: string;
    try {
      text = JSON.stringify({ type: 'request', id, method, input } satisfies ClientMessage);
    } catch (e) {
      this.pending.reject(id, { code: 'bad-input', message: `${method} was not sent: its input cannot be written as JSON (${(e as Error).message}).` });
      return promise as Promise<Output<M>>;
    }
    const bytes = utf8ByteLength(text);
    if (bytes > MAX_MESSAGE_BYTES) {
      this.pending.reject(id, {
        code: 'bad-input',
        message: `${method} was not sent: the request is ${describeBytes(bytes)} (${bytes} bytes), more than the ${describeBytes(MAX_MESSAGE_BYTES)} (${MAX_MESSAGE_BYTES} bytes) the Assay host accepts in one message. Nothing was changed.`,
      });
      return promise as Promise<Output<M>>;
    }
    this.connect().then(
      (ws) => {
        if (!this.pending.has(id)) return;
        sendText(ws, text);
        if (opts.signal) {
          const onAbort = () => sendText(ws, JSON.stringify({ type: 'cancel', id } satisfies ClientMessage));
          opts.signal.addEventListener('abort', onAbort, { once: true });
          this.pending.onSettle(id, () => opts.signal?.removeEventListener('abort', onAbort));
        }
      },
      (err: unknown) => this.pending.reject(id, err instanceof ApiError ? err : new ApiError('internal', String(err))),
    );
    return promise as Promise<Output<M>>;
  }

  onConnectionLost(listener: (message: string) => void): () => void {
    this.lostListeners.add(listener);
    if (this.lost) listener(this.lost);
    return () => this.lostListeners.delete(listener);
  }

  private connect(): Promise<SocketLike> {
    if (this.socket) return this.socket;
    const socket = new Promise<SocketLike>((resolve, reject) => {
      const ws = this.openSocket(this.url);
      ws.binaryType = 'arraybuffer';
      let opened = false;
      ws.onopen = () => {
        opened = true;
        resolve(ws);
      };
      ws.onmessage = (e) => this.receive(e.data);
      ws.onclose = (e) => {
        if (!opened) {
          this.markLost(CONNECT_FAILED_MESSAGE);
          reject(new ApiError('internal', CONNECT_FAILED_MESSAGE));
          return;
        }
        const { message, hostRunning } = describeHostClose(e.code, e.reason);
        if (!hostRunning) return this.markLost(message);
        // The calls sent on this socket will not be answered; later calls open a new one.
        if (this.socket === socket) this.socket = null;
        this.pending.rejectAll({ code: 'internal', message });
      };
    });
    this.socket = socket;
    return socket;
  }

  private markLost(message: string): void {
    if (this.lost) return;
    this.lost = message;
    this.pending.rejectAll({ code: 'internal', message });
    for (const l of this.lostListeners) l(message);
  }

  private receive(data: unknown): void {
    if (data instanceof ArrayBuffer) {
      const { id, payload } = decodeBinaryResult(new Uint8Array(data));
      this.pending.resolve(id, payload);
      return;
    }
    if (typeof data !== 'string') return;
    const message = parseJson(data) as HostMessage | null;
    if (!message || typeof message.id !== 'number') return;
    switch (message.type) {
      case 'progress':
        this.pending.progress(message.id, message.progress);
        break;
      case 'result':
        // A binary result may be announced by a JSON result without a body; the frame follows.
        if (message.result === undefined && BINARY_METHODS.has(this.pending.method(message.id) ?? '')) break;
        this.pending.resolve(message.id, message.result);
        break;
      case 'error':
        this.pending.reject(message.id, message.error);
        break;
    }
  }
}

function sendText(ws: SocketLike, text: string): void {
  if (ws.readyState === OPEN) ws.send(text);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function parseJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
