import type { AssayClient, CallOptions, Input, Method, Output, Progress } from './client';
import { ApiError } from '../../../../src-main/core/api/errors';
import { WEB_ENDPOINTS } from '../../../../src-main/core/api/bridge';
import { decodeBinaryResult, type ClientMessage, type HostMessage } from '../../../../src-main/core/api/protocol';
import { PendingCalls } from './pendingCalls';

/** Methods whose result arrives as a binary frame instead of JSON. */
const BINARY_METHODS = new Set<string>(['dataset.page', 'dataset.queryPage']);

const CLOSED_MESSAGE =
  'The connection to the Assay host was lost, so the last action could not finish. ' +
  'Check that the host is still running, then reload this page.';

/** The browser client: one WebSocket to the web host, uploads over HTTP. */
export class WebSocketClient implements AssayClient {
  readonly host = 'web' as const;
  private readonly token: string;
  private readonly origin: { protocol: string; host: string };
  private readonly pending = new PendingCalls();
  private socket: Promise<WebSocket> | null = null;
  private lost: string | null = null;
  private readonly lostListeners = new Set<(message: string) => void>();

  constructor(location: { search: string; protocol: string; host: string }) {
    this.token = new URLSearchParams(location.search).get('token') ?? '';
    this.origin = { protocol: location.protocol, host: location.host };
  }

  call<M extends Method>(method: M, input: Input<M>, opts: CallOptions = {}): Promise<Output<M>> {
    if (this.lost) return Promise.reject(new ApiError('internal', this.lost));
    if (opts.signal?.aborted) return Promise.reject(new ApiError('cancelled', `${method} was cancelled; nothing was changed.`));
    const { id, promise } = this.pending.open(method, opts.onProgress);
    this.connect().then(
      (ws) => {
        if (!this.pending.has(id)) return;
        this.send(ws, { type: 'request', id, method, input });
        if (opts.signal) {
          const onAbort = () => this.send(ws, { type: 'cancel', id });
          opts.signal.addEventListener('abort', onAbort, { once: true });
          this.pending.onSettle(id, () => opts.signal?.removeEventListener('abort', onAbort));
        }
      },
      (err: unknown) => this.pending.reject(id, err instanceof ApiError ? err : new ApiError('internal', String(err))),
    );
    return promise as Promise<Output<M>>;
  }

  stageFile(
    file: File,
    onProgress?: (p: Progress) => void,
    signal?: AbortSignal,
  ): Promise<{ path: string; displayName: string }> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(new ApiError('cancelled', `The upload of ${file.name} was cancelled; nothing was changed.`));
      const xhr = new XMLHttpRequest();
      const url = `${WEB_ENDPOINTS.upload}?token=${encodeURIComponent(this.token)}&name=${encodeURIComponent(file.name)}`;
      xhr.open('POST', url);
      xhr.setRequestHeader('Content-Type', 'application/octet-stream');
      xhr.upload.onprogress = (e) =>
        onProgress?.({ done: e.loaded, total: e.lengthComputable ? e.total : file.size, unit: 'bytes', message: `Uploading ${file.name}` });
      const onAbort = () => xhr.abort();
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      xhr.onabort = () => {
        done();
        reject(new ApiError('cancelled', `The upload of ${file.name} was cancelled; nothing was changed.`));
      };
      xhr.onerror = () => {
        done();
        reject(new ApiError('internal', `Could not upload ${file.name}: the Assay host did not answer.`));
      };
      xhr.onload = () => {
        done();
        const body = parseJson(xhr.responseText);
        if (xhr.status >= 200 && xhr.status < 300 && body && typeof body.path === 'string') {
          resolve({ path: body.path, displayName: file.name });
          return;
        }
        const error = body?.error;
        if (error && typeof error.message === 'string') reject(ApiError.from(error));
        else reject(new ApiError('internal', `Could not upload ${file.name}: the host answered HTTP ${xhr.status}.`));
      };
      xhr.send(file);
    });
  }

  async chooseProjectPath(): Promise<'ask'> {
    return 'ask';
  }

  onConnectionLost(listener: (message: string) => void): () => void {
    this.lostListeners.add(listener);
    if (this.lost) listener(this.lost);
    return () => this.lostListeners.delete(listener);
  }

  private connect(): Promise<WebSocket> {
    if (this.socket) return this.socket;
    this.socket = new Promise<WebSocket>((resolve, reject) => {
      const scheme = this.origin.protocol === 'https:' ? 'wss' : 'ws';
      const ws = new WebSocket(`${scheme}://${this.origin.host}${WEB_ENDPOINTS.socket}?token=${encodeURIComponent(this.token)}`);
      ws.binaryType = 'arraybuffer';
      let opened = false;
      ws.onopen = () => {
        opened = true;
        resolve(ws);
      };
      ws.onmessage = (e: MessageEvent) => this.receive(e.data);
      ws.onclose = () => {
        const message = opened
          ? CLOSED_MESSAGE
          : 'Could not connect to the Assay host. Check that it is running and that this address (with its token) is the one it printed.';
        this.markLost(message);
        if (!opened) reject(new ApiError('internal', message));
      };
    });
    return this.socket;
  }

  private markLost(message: string): void {
    if (this.lost) return;
    this.lost = message;
    this.pending.rejectAll({ code: 'internal', message });
    for (const l of this.lostListeners) l(message);
  }

  private send(ws: WebSocket, message: ClientMessage): void {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
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

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function parseJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
