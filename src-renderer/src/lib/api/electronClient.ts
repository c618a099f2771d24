import type { AssayClient, CallOptions, Input, Method, Output, Progress } from './client';
import type { AssayBridge } from '../../../../src-main/core/api/bridge';
import { ApiError } from '../../../../src-main/core/api/errors';
import { PendingCalls } from './pendingCalls';

/** The desktop client: requests go through the preload's `window.assay` bridge. */
export class ElectronClient implements AssayClient {
  readonly host = 'electron' as const;
  private readonly pending = new PendingCalls();

  constructor(private readonly bridge: AssayBridge) {
    bridge.onProgress((m) => this.pending.progress(m.id, m.progress));
  }

  call<M extends Method>(method: M, input: Input<M>, opts: CallOptions = {}): Promise<Output<M>> {
    if (opts.signal?.aborted) return Promise.reject(new ApiError('cancelled', `${method} was cancelled; nothing was changed.`));
    const { id, promise } = this.pending.open(method, opts.onProgress);
    if (opts.signal) {
      const onAbort = () => this.bridge.cancel(id);
      opts.signal.addEventListener('abort', onAbort, { once: true });
      this.pending.onSettle(id, () => opts.signal?.removeEventListener('abort', onAbort));
    }
    this.bridge.request(id, method, input).then(
      (reply) => {
        if (reply.ok) this.pending.resolve(id, normalizeBinary(reply.result));
        else this.pending.reject(id, reply.error);
      },
      (err: unknown) =>
        this.pending.reject(id, { code: 'internal', message: `The Assay main process did not answer: ${err instanceof Error ? err.message : String(err)}` }),
    );
    return promise as Promise<Output<M>>;
  }

  async stageFile(file: File, _onProgress?: (p: Progress) => void): Promise<{ path: string; displayName: string }> {
    const path = this.bridge.pathForFile(file);
    if (!path) throw new ApiError('bad-input', `${file.name} has no path on this computer, so it cannot be imported.`);
    return { path, displayName: file.name };
  }

  chooseProjectPath(mode: 'open' | 'save'): Promise<string | null> {
    return this.bridge.chooseProjectPath(mode);
  }

  onConnectionLost(): () => void {
    return () => {};
  }
}

/** IPC may hand binary results over as an ArrayBuffer or a typed array view. */
function normalizeBinary(value: unknown): unknown {
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value) && !(value instanceof Uint8Array)) {
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  }
  return value;
}
