import type { Input, Method, Output, Progress } from '../../../../src-main/core/api/contract';
import type { AssayBridge } from '../../../../src-main/core/api/bridge';
import { ElectronClient } from './electronClient';
import { WebSocketClient } from './webSocketClient';

export type { Input, Method, Output, Progress };

export interface CallOptions {
  onProgress?: (p: Progress) => void;
  /** Aborting sends a cancel; the call then rejects with the host's `cancelled` error. */
  signal?: AbortSignal;
}

/** The one way views reach a host; they never know whether it is Electron or the web host. */
export interface AssayClient {
  /** Rejects with an ApiError. */
  call<M extends Method>(method: M, input: Input<M>, opts?: CallOptions): Promise<Output<M>>;
  /** Makes a user-chosen file importable by path (uploads it in the browser). */
  stageFile(
    file: File,
    onProgress?: (p: Progress) => void,
    signal?: AbortSignal,
  ): Promise<{ path: string; displayName: string }>;
  /** A native dialog's answer, null when dismissed, or 'ask' to show the in-app path dialog. */
  chooseProjectPath(mode: 'open' | 'save'): Promise<string | null | 'ask'>;
  /** Called once if the connection to the host is lost; returns an unsubscribe function. */
  onConnectionLost(listener: (message: string) => void): () => void;
  readonly host: 'electron' | 'web';
}

declare global {
  interface Window {
    assay?: AssayBridge;
  }
}

export function createClient(): AssayClient {
  return window.assay ? new ElectronClient(window.assay) : new WebSocketClient(window.location);
}
