import type { RunsTableRow } from '../../../../src-main/core/search/runsTable';
import { compareView } from '../compare/compareView.svelte';
import { session } from '../state/session.svelte';
import {
  compareRule,
  filterRows,
  hasFilters,
  keepExisting,
  nextSort,
  rowKey,
  runKeys,
  runsColumns,
  selectedModels,
  sortRows,
  statusText,
  toggleKey,
  visibleColumns,
  type TableSort,
} from './runsTableView';

/** Where the hidden columns are kept between sessions (the hidden ones, so a new metric's column shows). */
const HIDDEN_KEY = 'assay.runsTable.hiddenColumns';

function readHidden(): string[] {
  try {
    const raw = globalThis.localStorage?.getItem(HIDDEN_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
}

function writeHidden(keys: string[]): void {
  try {
    globalThis.localStorage?.setItem(HIDDEN_KEY, JSON.stringify(keys));
  } catch {
    // Storage can be full or refused (a private window): the choice then lasts for this session.
  }
}

/**
 * The runs table: every model of every finished run as the host lists it,
 * with the sort, the filter boxes, the columns shown and the models ticked
 * for a comparison.
 */
class RunsTableState {
  rows = $state.raw<RunsTableRow[]>([]);
  loading = $state(false);
  /** True once the first answer (or error) came back. */
  loaded = $state(false);
  error = $state<string | null>(null);
  sort = $state<TableSort | null>(null);
  /** The text of each column's filter box, by column key. */
  filters = $state<Record<string, string>>({});
  hidden = $state<string[]>(readHidden());
  /** Ticked models by `rowKey`, in the order ticked. */
  selected = $state<string[]>([]);

  columns = $derived(runsColumns(this.rows));
  visible = $derived(visibleColumns(this.columns, this.hidden));
  shown = $derived(
    sortRows(
      filterRows(this.rows, this.visible, this.filters),
      this.columns.find((c) => c.key === this.sort?.key),
      this.sort?.descending ?? false,
    ),
  );
  status = $derived(statusText(this.shown.length, this.rows.length));
  filtered = $derived(hasFilters(this.filters));
  compare = $derived(compareRule(this.selected.length));

  /** Answers to older requests are dropped: a project switch must not show the previous project's rows. */
  #request = 0;

  async refresh(): Promise<void> {
    const request = ++this.#request;
    if (!session.project) {
      this.rows = [];
      this.selected = [];
      this.error = null;
      this.loaded = true;
      return;
    }
    this.loading = true;
    try {
      const rows = await session.client.call('run.table', {});
      if (request !== this.#request) return;
      this.rows = rows;
      this.selected = keepExisting(this.selected, rows);
      this.error = null;
    } catch (err) {
      if (request !== this.#request) return;
      this.error = err instanceof Error ? err.message : String(err);
    } finally {
      if (request === this.#request) {
        this.loading = false;
        this.loaded = true;
      }
    }
  }

  toggleSort(key: string): void {
    this.sort = nextSort(this.sort, key);
  }

  setFilter(key: string, text: string): void {
    this.filters = { ...this.filters, [key]: text };
  }

  clearFilters(): void {
    this.filters = {};
  }

  isHidden(key: string): boolean {
    return this.hidden.includes(key);
  }

  /** Hides or shows a column; a hidden column's filter goes with it, so no unseen filter hides rows. */
  setHidden(key: string, hide: boolean): void {
    this.hidden = hide ? [...new Set([...this.hidden, key])] : this.hidden.filter((k) => k !== key);
    if (hide && this.filters[key]) this.setFilter(key, '');
    writeHidden(this.hidden);
  }

  showAll(): void {
    this.hidden = [];
    writeHidden(this.hidden);
  }

  isSelected(row: RunsTableRow): boolean {
    return this.selected.includes(rowKey(row));
  }

  toggle(row: RunsTableRow): void {
    this.selected = toggleKey(this.selected, rowKey(row));
  }

  /** Ticks every model of one run (those not ticked yet, after the ones that are). */
  selectRun(runId: number): void {
    this.selected = [...new Set([...this.selected, ...runKeys(this.rows, runId)])];
  }

  clearSelection(): void {
    this.selected = [];
  }

  openComparison(): void {
    if (!this.compare.enabled) return;
    compareView.open(selectedModels(this.selected));
  }
}

export const runsTableState = new RunsTableState();
