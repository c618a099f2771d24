import type { AssayClient } from '../api/client';
import { ALL_ROWS, describeQuery, isIdentityQuery, type GridQuery } from '../../../../src-main/core/data/query';
import type { ColumnInfo } from '../../../../src-main/core/data/columns';
import { decodeRowPage, type RowPage } from './arrowPage';
import type { CellValue } from './format';
import { PageCache } from './pageCache';
import { pagesForRange } from './viewport';

export const PAGE_SIZE = 200;

/**
 * The rows of one dataset as the grid sees them, through a query (sort and
 * filters): pages fetched with `dataset.page` for the identity query and
 * `dataset.queryPage` otherwise, decoded from Arrow, cached; `version`
 * changes whenever a page arrives so the grid re-renders.
 */
export class GridRows {
  version = $state(0);
  /** The query the grid shows. */
  query = $state.raw<GridQuery>(ALL_ROWS);
  /** Rows in the view (the dataset's rows for the identity query). */
  viewRows = $state(0);
  /** The dataset's rows. */
  totalRows = $state(0);
  /** True while the view's row count is being asked for. */
  counting = $state(false);
  /** Why the view's row count could not be had. */
  countError = $state<string | null>(null);
  private datasetId: number | null = null;
  private rowCount = 0;
  private countGeneration = 0;
  private readonly cache: PageCache<RowPage>;

  constructor(private readonly client: AssayClient) {
    this.cache = new PageCache<RowPage>({
      capacity: 60,
      concurrency: 3,
      fetchPage: (index) => this.fetch(index),
      onChange: () => this.version++,
    });
  }

  /**
   * Points the grid at a dataset; any change (or a new revision) drops every
   * page. `query` defaults to the current one (a new dataset passes ALL_ROWS).
   */
  reset(datasetId: number, rowCount: number, query: GridQuery = this.query): void {
    this.datasetId = datasetId;
    this.totalRows = rowCount;
    this.setQuery(query);
  }

  /** Shows another query: drops every page and counts the view's rows. */
  setQuery(query: GridQuery): void {
    this.query = query;
    this.cache.clear();
    this.countError = null;
    const generation = ++this.countGeneration;
    if (isIdentityQuery(query) || this.datasetId === null) {
      this.counting = false;
      this.rowCount = this.totalRows;
      this.viewRows = this.totalRows;
      this.version++;
      return;
    }
    this.counting = true;
    // Until the count arrives, pages are asked for up to the dataset's size.
    this.rowCount = this.totalRows;
    this.version++;
    this.client.call('dataset.queryCount', { id: this.datasetId, query }).then(
      ({ rows }) => {
        if (generation !== this.countGeneration) return;
        this.counting = false;
        this.rowCount = rows;
        this.viewRows = rows;
        this.version++;
      },
      (err: unknown) => {
        if (generation !== this.countGeneration) return;
        this.counting = false;
        this.countError = err instanceof Error ? err.message : String(err);
        this.rowCount = 0;
        this.viewRows = 0;
        this.version++;
      },
    );
  }

  /** The status-line sentence of the current query. */
  describe(columns: readonly Pick<ColumnInfo, 'index' | 'name'>[]): string {
    return describeQuery(this.query, columns);
  }

  /** Where original 1-based row `row` is in the view (0-based), or null when the query leaves it out. */
  async positionOf(row: number): Promise<number | null> {
    if (row < 1 || row > this.totalRows) return null;
    if (isIdentityQuery(this.query) || this.datasetId === null) return row - 1;
    const { position } = await this.client.call('dataset.queryPosition', { id: this.datasetId, query: this.query, row });
    return position;
  }

  /** The original 1-based row number of view row `row` on its loaded page. */
  rowNumber(page: RowPage, row: number): number {
    return page.rowNumbers?.[row - page.offset] ?? row + 1;
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
    const query = this.query;
    if (isIdentityQuery(query)) {
      const bytes = await this.client.call('dataset.page', { id, offset, limit });
      return decodeRowPage(bytes, offset);
    }
    const bytes = await this.client.call('dataset.queryPage', { id, query, offset, limit });
    return decodeRowPage(bytes, offset, true);
  }
}
