/**
 * Pages of rows fetched on demand for the grid.
 *
 * - An LRU of decoded pages (`capacity` pages).
 * - A page is never requested twice concurrently: in-flight requests are shared.
 * - `want()` names the pages the viewport needs now; only those are fetched,
 *   at most `concurrency` at a time, so fast scrolling never queues pages
 *   the user has already scrolled past.
 * - `clear()` starts a new generation: answers of older requests are dropped.
 * - A page that failed is not retried until `clear()` or `retry()`, so a
 *   broken host cannot cause a request storm.
 */
export interface PageCacheOptions<T> {
  fetchPage: (index: number) => Promise<T>;
  capacity?: number;
  concurrency?: number;
  /** Called whenever a page arrives or fails (to re-render). */
  onChange?: () => void;
}

export class PageCache<T> {
  private readonly pages = new Map<number, T>();
  private readonly inFlight = new Map<number, Promise<T>>();
  private readonly failures = new Map<number, unknown>();
  private wanted: number[] = [];
  private generation = 0;
  private readonly capacity: number;
  private readonly concurrency: number;

  constructor(private readonly options: PageCacheOptions<T>) {
    this.capacity = Math.max(1, options.capacity ?? 64);
    this.concurrency = Math.max(1, options.concurrency ?? 3);
  }

  /** The page if loaded (marks it recently used). */
  get(index: number): T | undefined {
    const page = this.pages.get(index);
    if (page !== undefined) {
      this.pages.delete(index);
      this.pages.set(index, page);
    }
    return page;
  }

  has(index: number): boolean {
    return this.pages.has(index);
  }

  isLoading(index: number): boolean {
    return this.inFlight.has(index);
  }

  error(index: number): unknown {
    return this.failures.get(index);
  }

  get size(): number {
    return this.pages.size;
  }

  get loadingCount(): number {
    return this.inFlight.size;
  }

  /** Declares the pages needed now, most important first, and starts fetching them. */
  want(indexes: readonly number[]): void {
    this.wanted = [...indexes];
    for (const i of this.wanted) this.get(i); // keep visible pages fresh in the LRU
    this.pump();
  }

  /** Fetches one page (shared with any request already in flight). */
  load(index: number): Promise<T> {
    const cached = this.get(index);
    if (cached !== undefined) return Promise.resolve(cached);
    const running = this.inFlight.get(index);
    if (running) return running;
    const generation = this.generation;
    const promise = this.options.fetchPage(index).then(
      (page) => {
        if (generation === this.generation) {
          this.inFlight.delete(index);
          this.failures.delete(index);
          this.store(index, page);
          this.options.onChange?.();
          this.pump();
        }
        return page;
      },
      (err: unknown) => {
        if (generation === this.generation) {
          this.inFlight.delete(index);
          this.failures.set(index, err);
          this.options.onChange?.();
          this.pump();
        }
        throw err;
      },
    );
    this.inFlight.set(index, promise);
    return promise;
  }

  /** Forgets failures so the wanted pages are asked for again. */
  retry(): void {
    this.failures.clear();
    this.pump();
  }

  /** Drops every page and ignores answers still on their way. */
  clear(): void {
    this.generation++;
    this.pages.clear();
    this.inFlight.clear();
    this.failures.clear();
    this.wanted = [];
  }

  private pump(): void {
    for (const index of this.wanted) {
      if (this.inFlight.size >= this.concurrency) return;
      if (this.pages.has(index) || this.inFlight.has(index) || this.failures.has(index)) continue;
      this.load(index).catch(() => {
        /* recorded in failures */
      });
    }
  }

  private store(index: number, page: T): void {
    this.pages.delete(index);
    this.pages.set(index, page);
    while (this.pages.size > this.capacity) {
      // Evict the least recently used page that is not on screen.
      let evicted = false;
      for (const key of this.pages.keys()) {
        if (!this.wanted.includes(key)) {
          this.pages.delete(key);
          evicted = true;
          break;
        }
      }
      if (!evicted) break;
    }
  }
}
