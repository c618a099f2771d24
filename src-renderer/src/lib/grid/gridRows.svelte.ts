import type { AssayClient } from '../api/client';
import { decodeRowPage, type RowPage } from './arrowPage';
import type { CellValue } from './format';
import { PageCache } from './pageCache';
import { pagesForRange } from './viewport';

export const PAGE_SIZE = 200;

/**
 * The rows of one dataset as the grid sees them: pages fetched with
 * `dataset.page`, decoded from Arrow, cached; `version` changes whenever a
 * page arrives so the grid re-renders.
 */
export class GridRows {
  version = $state(0);
  private datasetId: number | null = null;
  private rowCount = 0;
  private readonly cache: PageCache<RowPage>;

  constructor(private readonly client: AssayClient) {
    this.cache = new PageCache<RowPage>({
      capacity: 60,
      concurrency: 3,
      fetchPage: (index) => this.fetch(index),
      onChange: () => this.version++,
    });
  }

  /** Points the grid at a dataset; any change (or a new revision) drops every page. */
  reset(datasetId: number, rowCount: number): void {
    this.datasetId = datasetId;
    this.rowCount = rowCount;
    this.cache.clear();
    this.version++;
  }

  /** Fetches what rows [start, end) need, visible pages first. */
  want(start: number, end: number): void {
    this.cache.want(pagesForRange(start, Math.min(end, this.rowCount), PAGE_SIZE));
  }

  /** The page holding `row`, or undefined while it loads. */
  page(row: number): RowPage | undefined {
    return this.cache.get(Math.floor(row / PAGE_SIZE));
  }

  value(page: RowPage, row: number, col: number): CellValue {
    return page.columns[col]?.[row - page.offset] ?? null;
  }

  /** The first error among rows [start, end), if their pages failed. */
  errorIn(start: number, end: number): string | null {
    for (const p of pagesForRange(start, end, PAGE_SIZE)) {
      const err = this.cache.error(p);
      if (err) return err instanceof Error ? err.message : String(err);
    }
    return null;
  }

  retry(): void {
    this.cache.retry();
    this.version++;
  }

  private async fetch(index: number): Promise<RowPage> {
    const id = this.datasetId;
    if (id === null) throw new Error('No dataset');
    const offset = index * PAGE_SIZE;
    const limit = Math.max(1, Math.min(PAGE_SIZE, this.rowCount - offset));
    const bytes = await this.client.call('dataset.page', { id, offset, limit });
    return decodeRowPage(bytes, offset);
  }
}
