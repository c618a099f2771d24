import { cancelledError } from '../../core/api/errors';

/**
 * Exports of a host take turns: one builds its deck at a time, the others
 * wait in order. A deck of a large report holds the report, its resolved
 * slides and the file in memory at once (a 56 MB report, hundreds of MB),
 * and sixty exports side by side ran the host out of memory. A waiting
 * export holds nothing yet — it reads its report when its turn comes — and
 * cancelling it (its request's signal) takes it out of the line.
 */
export class ExportTurns {
  private busy = false;
  private readonly line: (() => void)[] = [];

  /** Exports waiting for their turn (not the one running). */
  get waiting(): number {
    return this.line.length;
  }

  /** Runs `task` when the exports before it have ended; rejects as cancelled if `signal` aborts first. */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.turn(signal);
    try {
      if (signal?.aborted) throw cancelledError('The export');
      return await task();
    } finally {
      this.pass();
    }
  }

  private turn(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(cancelledError('The export'));
    if (!this.busy) {
      this.busy = true;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const go = () => {
        signal?.removeEventListener('abort', leave);
        resolve();
      };
      const leave = () => {
        const at = this.line.indexOf(go);
        if (at >= 0) this.line.splice(at, 1);
        reject(cancelledError('The export'));
      };
      this.line.push(go);
      signal?.addEventListener('abort', leave, { once: true });
    });
  }

  /** The next in line runs; with none waiting, the host is free. */
  private pass(): void {
    const next = this.line.shift();
    if (next) next();
    else this.busy = false;
  }
}
