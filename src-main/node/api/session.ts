import { ApiError, type ApiErrorData } from '../../core/api/errors';
import type { Progress } from '../../core/api/contract';
import type { Router } from './router';

export type Reply = { ok: true; result: unknown } | { ok: false; error: ApiErrorData };

/**
 * One client's requests in flight: ties request ids to abort controllers so a
 * cancel reaches the running handler. Both hosts wrap one of these per
 * connection (a WebSocket, or an Electron window).
 */
export class ApiSession {
  private readonly inFlight = new Map<number, AbortController>();

  constructor(private readonly router: Router) {}

  async request(id: number, method: unknown, input: unknown, onProgress: (p: Progress) => void): Promise<Reply> {
    if (this.inFlight.has(id)) {
      return { ok: false, error: { code: 'bad-request', message: `Request id ${id} is already in use.` } };
    }
    const controller = new AbortController();
    this.inFlight.set(id, controller);
    try {
      const result = await this.router.dispatch(method, input, { signal: controller.signal, progress: onProgress });
      return { ok: true, result };
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError('internal', String((e as Error)?.message ?? e));
      return { ok: false, error: err.toJSON() };
    } finally {
      this.inFlight.delete(id);
    }
  }

  cancel(id: number): void {
    this.inFlight.get(id)?.abort();
  }

  /** Cancels everything, e.g. when the connection closes. */
  close(): void {
    for (const c of this.inFlight.values()) c.abort();
    this.inFlight.clear();
  }
}
