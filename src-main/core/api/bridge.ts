import type { ApiErrorData } from './errors';
import type { ProgressMessage } from './protocol';

export type BridgeReply = { ok: true; result: unknown } | { ok: false; error: ApiErrorData };

/**
 * What the Electron preload exposes as `window.assay`. It is transport only:
 * every request is validated by the router in the main process.
 */
export interface AssayBridge {
  request(id: number, method: string, input: unknown): Promise<BridgeReply>;
  cancel(id: number): void;
  /** Subscribes to progress of long requests; returns an unsubscribe function. */
  onProgress(listener: (message: ProgressMessage) => void): () => void;
  /** The local path of a file the user dropped or picked. */
  pathForFile(file: File): string;
  /** A native open/save dialog for project files; null when dismissed. */
  chooseProjectPath(mode: 'open' | 'save'): Promise<string | null>;
  /**
   * Subscribes to the commands of the native menu, a second launch and the
   * OS (see menuCommand.ts); the page checks each with parseMenuCommand.
   * Returns an unsubscribe function.
   */
  onMenuCommand(listener: (message: unknown) => void): () => void;
}

/** Web host endpoints, relative to the page's origin; every one needs `?token=`. */
export const WEB_ENDPOINTS = {
  socket: '/api',
  /** POST the raw bytes of a file; `name` query parameter; answers `{ path }`. */
  upload: '/upload',
} as const;
