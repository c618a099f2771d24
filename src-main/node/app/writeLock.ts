/**
 * Serialises writes to a project: an import holds one transaction open
 * across many event-loop turns, and any other write on the same connection
 * would otherwise join it (and vanish if it rolled back).
 */
export class WriteLock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T> | T): Promise<T> {
    const next = this.tail.then(fn, fn);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
