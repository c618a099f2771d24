import type { AssayClient, CallOptions, Input, Method, Output, Progress } from './client';
import { ApiError } from '../../../../src-main/core/api/errors';
import { WEB_ENDPOINTS } from '../../../../src-main/core/api/bridge';
import { parseJson, SocketConnection, type SocketLike } from './socketConnection';

/** The browser client: one WebSocket to the web host (see socketConnection.ts), uploads over HTTP. */
export class WebSocketClient implements AssayClient {
  readonly host = 'web' as const;
  /** The API token, read from the page's own URL; no cookie carries it (see src-main/web/security.ts). */
  private readonly token: string;
  private readonly connection: SocketConnection;

  constructor(location: { search: string; protocol: string; host: string }) {
    this.token = new URLSearchParams(location.search).get('token') ?? '';
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const url = `${scheme}://${location.host}${WEB_ENDPOINTS.socket}?token=${encodeURIComponent(this.token)}`;
    this.connection = new SocketConnection(url, (u) => new WebSocket(u) as unknown as SocketLike);
  }

  call<M extends Method>(method: M, input: Input<M>, opts: CallOptions = {}): Promise<Output<M>> {
    return this.connection.call(method, input, opts);
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
        reject(new ApiError('internal', `Could not upload ${file.name}: the connection to the Assay host broke off before it answered.`));
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
    return this.connection.onConnectionLost(listener);
  }
}
