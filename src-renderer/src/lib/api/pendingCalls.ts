import type { Progress } from '../../../../src-main/core/api/contract';
import { ApiError, type ApiErrorData } from '../../../../src-main/core/api/errors';

interface Pending {
  method: string;
  resolve: (value: unknown) => void;
  reject: (error: ApiError) => void;
  onProgress?: (p: Progress) => void;
  cleanup?: () => void;
}

/**
 * Calls waiting for a host's answer, by request id. Shared by both
 * transports: it ties progress, results and errors to their call.
 */
export class PendingCalls {
  private nextId = 1;
  private readonly calls = new Map<number, Pending>();

  /** Registers a call; returns its id and the promise of its result. */
  open(method: string, onProgress?: (p: Progress) => void): { id: number; promise: Promise<unknown> } {
    const id = this.nextId++;
    const promise = new Promise<unknown>((resolve, reject) => {
      this.calls.set(id, { method, resolve, reject, onProgress });
    });
    return { id, promise };
  }

  /** Runs `cleanup` when the call settles (e.g. to remove an abort listener). */
  onSettle(id: number, cleanup: () => void): void {
    const call = this.calls.get(id);
    if (call) call.cleanup = cleanup;
  }

  has(id: number): boolean {
    return this.calls.has(id);
  }

  method(id: number): string | undefined {
    return this.calls.get(id)?.method;
  }

  get size(): number {
    return this.calls.size;
  }

  progress(id: number, p: Progress): void {
    this.calls.get(id)?.onProgress?.(p);
  }

  resolve(id: number, value: unknown): void {
    const call = this.take(id);
    call?.resolve(value);
  }

  reject(id: number, error: ApiErrorData): void {
    const call = this.take(id);
    call?.reject(error instanceof ApiError ? error : ApiError.from(error));
  }

  /** Fails every waiting call, e.g. when the connection closes. */
  rejectAll(error: ApiErrorData): void {
    for (const id of [...this.calls.keys()]) this.reject(id, error);
  }

  private take(id: number): Pending | undefined {
    const call = this.calls.get(id);
    if (!call) return undefined;
    this.calls.delete(id);
    call.cleanup?.();
    return call;
  }
}
