/**
 * Serialises writes to a project: an import holds one transaction open
 * across many event-loop turns, and any other write on the same connection
 * would otherwise join it (and vanish if it rolled back).
 *
 * A task starts at once, synchronously, when nothing holds the lock, so a
 * project with nothing in flight closes within the call that closes it.
 */
export class WriteLock {
  private busy = false;
  private readonly queue: (() => void)[] = [];

  /** True when no task is running or waiting. */
  get idle(): boolean {
    return !this.busy && this.queue.length === 0;
  }

  run<T>(fn: () => Promise<T> | T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const task = () => {
        this.busy = true;
        let result: Promise<T> | T;
        try {
          result = fn();
        } catch (e) {
          this.release();
          reject(e);
          return;
        }
        if (isThenable(result)) {
          Promise.resolve(result).then(
            (v) => {
              this.release();
              resolve(v);
            },
            (e: unknown) => {
              this.release();
              reject(e);
            },
          );
        } else {
          this.release();
          resolve(result);
        }
      };
      if (this.busy) this.queue.push(task);
      else task();
    });
  }

  private release(): void {
    this.busy = false;
    this.queue.shift()?.();
  }
}

function isThenable<T>(x: Promise<T> | T): x is Promise<T> {
  return typeof (x as { then?: unknown } | null)?.then === 'function';
}
