import type { AssayClient, Progress } from '../api/client';
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
 *
 * A new sort or filter may have to be built on the host first (a million
 * rows take seconds, off the host's main thread): until its row count
 * arrives, the grid keeps showing, scrolling and jumping in the rows of the
 * query it showed before, and `building` tells how far the build has got.
 * Another query meanwhile cancels the wait (and the host's build, when
 * nobody else waits for it).
 */
export class GridRows {
  version = $state(0);
  /** The query the grid asks for (its header and status line). */
  query = $state.raw<GridQuery>(ALL_ROWS);
  /** The query whose rows the grid shows: `query` once its view is ready, the one before it meanwhile. */
  shownQuery = $state.raw<GridQuery>(ALL_ROWS);
  /** The host's progress building the view of `query`; null when no build is under way. */
  building = $state.raw<Progress | null>(null);
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
  private countAbort: AbortController | null = null;
  /** Aborted when the shown query changes: its pending pages are no longer wanted. */
  private pagesAbort = new AbortController();
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
    // Another dataset or revision (converted values): the rows shown so far are not its rows.
    this.setQuery(query, { keepShown: false });
  }

  /**
   * Asks for another query and counts its view's rows. Identity queries
   * show at once; others once the count (so the host's view) is ready,
   * the rows shown so far staying until then unless `keepShown` is false.
   */
  setQuery(query: GridQuery, { keepShown = true }: { keepShown?: boolean } = {}): void {
    this.query = query;
    this.countError = null;
    this.building = null;
    this.countAbort?.abort();
    this.countAbort = null;
    const generation = ++this.countGeneration;
    if (isIdentityQuery(query) || this.datasetId === null) {
      this.counting = false;
      this.show(query, this.totalRows);
      return;
    }
    this.counting = true;
    if (!keepShown) this.show(query, this.totalRows);
    else this.version++;
    const abort = (this.countAbort = new AbortController());
    this.client
      .call('dataset.queryCount', { id: this.datasetId, query }, {
        signal: abort.signal,
        onProgress: (p) => {
          if (generation === this.countGeneration) this.building = p;
        },
      })
      .then(
        ({ rows }) => {
          if (generation !== this.countGeneration) return;
          this.counting = false;
          this.building = null;
          this.show(query, rows);
        },
        (err: unknown) => {
          if (generation !== this.countGeneration) return;
          this.counting = false;
          this.building = null;
          this.countError = err instanceof Error ? err.message : String(err);
          this.show(query, 0);
        },
      );
  }

  /** Shows `query`'s rows: drops every page; `rows` is its view's size (pages are asked for up to it). */
  private show(query: GridQuery, rows: number): void {
    this.shownQuery = query;
    this.pagesAbort.abort();
    this.pagesAbort = new AbortController();
    this.cache.clear();
    this.rowCount = rows;
    this.viewRows = rows;
    this.version++;
  }

  /** True while the rows shown are not yet those of the query asked for. */
  get stale(): boolean {
    return this.shownQuery !== this.query;
  }

  /** The status-line sentence of the current query. */
  describe(columns: readonly Pick<ColumnInfo, 'index' | 'name'>[]): string {
    return describeQuery(this.query, columns);
  }

  /** Where original 1-based row `row` is in the view (0-based), or null when the query leaves it out. */
  async positionOf(row: number): Promise<number | null> {
    if (row < 1 || row > this.totalRows) return null;
    const query = this.shownQuery;
    if (isIdentityQuery(query) || this.datasetId === null) return row - 1;
    const { position } = await this.client.call('dataset.queryPosition', { id: this.datasetId, query, row });
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
    const query = this.shownQuery;
    if (isIdentityQuery(query)) {
      const bytes = await this.client.call('dataset.page', { id, offset, limit });
      return decodeRowPage(bytes, offset);
    }
    const bytes = await this.client.call('dataset.queryPage', { id, query, offset, limit }, { signal: this.pagesAbort.signal });
    return decodeRowPage(bytes, offset, true);
  }
}
