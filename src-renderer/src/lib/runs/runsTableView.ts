/**
 * The runs table as data: its columns (the metric columns are the metrics
 * the rows hold), sorting, the filter syntax, which selections can be
 * compared, and the table as its exports take it. No state and no DOM, so
 * all of it is tested under Node.
 */
import type { Cell } from '../../../../src-main/core/evaluation/tsv';
import type { ParamValue } from '../../../../src-main/core/ml/params';
import { SCORER_NAMES } from '../../../../src-main/core/metrics/scorers';
import type { RunsTableRow } from '../../../../src-main/core/search/runsTable';
import { formatValue } from '../train/paramText';
import { formatDuration } from '../train/runText';
import { modelLabel } from '../train/trainForm';

export type ColumnGroup = 'run' | 'model' | 'cv' | 'validation' | 'test';

export const GROUP_LABELS: Record<ColumnGroup, string> = {
  run: 'Run',
  model: 'Model',
  cv: 'Cross-validation (mean ± std)',
  validation: 'Validation',
  test: 'Test (champion only)',
};

/** How an exported number is written in the picture; the TSV copy keeps every digit. */
export type ExportKind = 'text' | 'metric' | 'seconds';

export interface RunsColumn {
  key: string;
  label: string;
  group: ColumnGroup;
  /** Numeric columns sort by number and take the comparison filters. */
  numeric: boolean;
  /** The first column (the run, with the selection box) cannot be hidden. */
  fixed?: boolean;
  /** What sorts: a number, or text; null when the row has no value (it sorts last either way). */
  value(row: RunsTableRow): number | string | null;
  /** What the cell shows, and what a text filter searches. */
  text(row: RunsTableRow): string;
  /** The tooltip, where the cell abbreviates. */
  title?(row: RunsTableRow): string | undefined;
  /** The export's columns for this one: a CV column gives its mean and its std. */
  exports: { label: string; kind: ExportKind; cell(row: RunsTableRow): Cell }[];
}

const finite = (v: number | undefined | null): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const metricText = (v: number | undefined | null): string => (typeof v === 'number' ? (Number.isNaN(v) ? 'NaN' : v.toFixed(3)) : '');

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The scorers in the order Train lists them, then any others by name. */
export function metricOrder(metrics: Iterable<string>): string[] {
  const known = SCORER_NAMES as readonly string[];
  const rank = (m: string) => (known.includes(m) ? known.indexOf(m) : known.length);
  return [...new Set(metrics)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** `max_depth=5, n_estimators=300`: the best candidate's parameters, by name, as Python writes their values. */
export function paramsText(params: Record<string, ParamValue>): string {
  return Object.keys(params)
    .sort()
    .map((k) => `${k}=${formatValue(params[k])}`)
    .join(', ');
}

/** "2024-05-01 14:03" in local time: reads the same in every locale, and sorts as text in time order. */
export function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

export const roleText = (r: RunsTableRow): string => (r.champion ? 'champion' : r.partial ? 'partial' : '');

function textColumn(key: string, label: string, group: ColumnGroup, text: (r: RunsTableRow) => string, o: Partial<RunsColumn> = {}): RunsColumn {
  return {
    key,
    label,
    group,
    numeric: false,
    value: (r) => text(r) || null,
    text,
    exports: [{ label, kind: 'text', cell: (r) => text(r) || null }],
    ...o,
  };
}

function scoreColumn(group: 'validation' | 'test', metric: string): RunsColumn {
  const label = `${group === 'validation' ? 'val' : 'test'} ${metric}`;
  const score = (r: RunsTableRow) => r[group]?.[metric];
  return {
    key: `${group}:${metric}`,
    label,
    group,
    numeric: true,
    value: (r) => finite(score(r)),
    text: (r) => metricText(score(r)),
    exports: [{ label, kind: 'metric', cell: (r) => score(r) ?? null }],
  };
}

function cvColumn(metric: string): RunsColumn {
  const cv = (r: RunsTableRow) => r.cv[metric];
  return {
    key: `cv:${metric}`,
    label: `CV ${metric}`,
    group: 'cv',
    numeric: true,
    value: (r) => finite(cv(r)?.mean),
    text: (r) => {
      const c = cv(r);
      return c ? `${metricText(c.mean)} ± ${metricText(c.std)}` : '';
    },
    exports: [
      { label: `CV ${metric} mean`, kind: 'metric', cell: (r) => cv(r)?.mean ?? null },
      { label: `CV ${metric} std`, kind: 'metric', cell: (r) => cv(r)?.std ?? null },
    ],
  };
}

/**
 * Every column the rows can fill, in table order: the run and its model, CV
 * mean ± std per metric, validation and test per metric (only metrics some
 * row has), then the run's leakage flag, duration, date and tags.
 */
export function runsColumns(rows: readonly RunsTableRow[]): RunsColumn[] {
  const metrics = (pick: (r: RunsTableRow) => Record<string, unknown> | null) => metricOrder(rows.flatMap((r) => Object.keys(pick(r) ?? {})));
  return [
    textColumn('run', 'run', 'run', (r) => `${r.runTitle} #${r.runId}`, {
      fixed: true,
      exports: [
        { label: 'run id', kind: 'text', cell: (r) => r.runId },
        { label: 'run', kind: 'text', cell: (r) => r.runTitle },
      ],
    }),
    textColumn('recipe', 'recipe', 'run', (r) => r.recipeName),
    textColumn('dataset', 'dataset', 'run', (r) => r.datasetName),
    textColumn('hash', 'content hash', 'run', (r) => r.datasetHash?.slice(0, 8) ?? '', { title: (r) => r.datasetHash ?? 'This run did not record its dataset’s content hash.' }),
    textColumn('model', 'model', 'model', (r) => r.modelId),
    textColumn('role', 'role', 'model', roleText, {
      title: (r) => (r.champion ? 'The run’s champion: the only model scored on the test set.' : r.partial ? 'The run stopped before this model was refitted: cross-validation scores only.' : undefined),
    }),
    textColumn('type', 'type', 'model', (r) => modelLabel(r.type)),
    textColumn('params', 'best parameters', 'model', (r) => paramsText(r.bestParams)),
    ...metrics((r) => r.cv).map(cvColumn),
    ...metrics((r) => r.validation).map((m) => scoreColumn('validation', m)),
    ...metrics((r) => r.test).map((m) => scoreColumn('test', m)),
    textColumn('leakage', 'leakage', 'run', (r) => (r.leakage ? '⚠ leaks' : ''), {
      title: (r) => (r.leakage ? 'The recipe fits a step before the split: its scores are optimistic.' : undefined),
    }),
    {
      key: 'seconds',
      label: 'duration',
      group: 'run',
      numeric: true,
      value: (r) => finite(r.seconds),
      text: (r) => (r.seconds === null ? '' : formatDuration(r.seconds)),
      exports: [{ label: 'duration (s)', kind: 'seconds', cell: (r) => r.seconds }],
    },
    textColumn('date', 'date', 'run', (r) => formatDate(r.date), { value: (r) => r.date, title: (r) => r.date }),
    textColumn('tags', 'tags', 'run', (r) => r.tags.join(', '), {
      // A table picture takes cells of up to 200 characters; twenty long tags would be more.
      exports: [{ label: 'tags', kind: 'text', cell: (r) => clip(r.tags.join(', '), 200) || null }],
    }),
  ];
}

/** The columns not hidden; the fixed first column always shows. */
export function visibleColumns(columns: readonly RunsColumn[], hidden: Iterable<string>): RunsColumn[] {
  const h = new Set(hidden);
  return columns.filter((c) => c.fixed || !h.has(c.key));
}

/** The column chooser's lists: the hideable columns by what they describe, in table order within each. */
export function columnGroups(columns: readonly RunsColumn[]): { group: ColumnGroup; label: string; columns: RunsColumn[] }[] {
  const groups: { group: ColumnGroup; label: string; columns: RunsColumn[] }[] = [];
  for (const c of columns) {
    if (c.fixed) continue;
    let g = groups.find((x) => x.group === c.group);
    if (!g) groups.push((g = { group: c.group, label: GROUP_LABELS[c.group], columns: [] }));
    g.columns.push(c);
  }
  return groups;
}

// ---------- sorting ----------

export interface TableSort {
  key: string;
  descending: boolean;
}

/** A header click: a new column sorts ascending, the sorted one flips. */
export function nextSort(current: TableSort | null, key: string): TableSort {
  return current?.key === key ? { key, descending: !current.descending } : { key, descending: false };
}

export function ariaSort(sort: TableSort | null, key: string): 'ascending' | 'descending' | 'none' {
  return sort?.key !== key ? 'none' : sort.descending ? 'descending' : 'ascending';
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * Sorted by one column, numbers as numbers and text in natural order
 * ("run 2" before "run 10"); rows without a value last in either direction;
 * ties keep the order they came in (newest run first).
 */
export function sortRows(rows: readonly RunsTableRow[], column: RunsColumn | undefined, descending: boolean): RunsTableRow[] {
  if (!column) return [...rows];
  const indexed = rows.map((row, i) => ({ row, i, v: column.value(row) }));
  const dir = descending ? -1 : 1;
  indexed.sort((a, b) => {
    if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1;
    const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : collator.compare(String(a.v), String(b.v));
    return c !== 0 ? c * dir : a.i - b.i;
  });
  return indexed.map((x) => x.row);
}

// ---------- filtering ----------

/** One filter box's text, read: a comparison or a range for numeric columns, else a case-insensitive "contains". */
export type ColumnFilter =
  | { kind: 'contains'; text: string }
  | { kind: 'compare'; op: '<' | '<=' | '>' | '>=' | '='; value: number }
  | { kind: 'range'; low: number; high: number };

const NUMBER = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?`;
const COMPARE = new RegExp(`^(<=|>=|<|>|=)\\s*(${NUMBER})$`);
const RANGE = new RegExp(`^(${NUMBER})\\s*\\.\\.\\s*(${NUMBER})$`);

/**
 * `>0.9`, `<=10`, `=5`, `0.8..0.9` (inclusive, either way round) on a numeric
 * column; anything else, and every text column, looks for the text in what
 * the cell shows. Null for an empty box.
 */
export function parseFilter(input: string, numeric: boolean): ColumnFilter | null {
  const text = input.trim();
  if (text === '') return null;
  if (numeric) {
    const c = COMPARE.exec(text);
    if (c) return { kind: 'compare', op: c[1] as '<' | '<=' | '>' | '>=' | '=', value: Number(c[2]) };
    const r = RANGE.exec(text);
    if (r) {
      const [a, b] = [Number(r[1]), Number(r[2])];
      return { kind: 'range', low: Math.min(a, b), high: Math.max(a, b) };
    }
  }
  return { kind: 'contains', text: text.toLowerCase() };
}

export function matchesFilter(filter: ColumnFilter, column: RunsColumn, row: RunsTableRow): boolean {
  if (filter.kind === 'contains') return column.text(row).toLowerCase().includes(filter.text);
  const v = column.value(row);
  if (typeof v !== 'number') return false;
  if (filter.kind === 'range') return v >= filter.low && v <= filter.high;
  switch (filter.op) {
    case '<':
      return v < filter.value;
    case '<=':
      return v <= filter.value;
    case '>':
      return v > filter.value;
    case '>=':
      return v >= filter.value;
    default:
      return v === filter.value;
  }
}

/** The rows every filled filter box accepts (boxes of columns not given are ignored). */
export function filterRows(rows: readonly RunsTableRow[], columns: readonly RunsColumn[], filters: Record<string, string>): RunsTableRow[] {
  const active = columns.flatMap((c) => {
    const f = parseFilter(filters[c.key] ?? '', c.numeric);
    return f ? [{ c, f }] : [];
  });
  return active.length === 0 ? [...rows] : rows.filter((r) => active.every(({ c, f }) => matchesFilter(f, c, r)));
}

export function hasFilters(filters: Record<string, string>): boolean {
  return Object.values(filters).some((t) => t.trim() !== '');
}

/** "12 of 40 models", or "40 models" when nothing is filtered out. */
export function statusText(shown: number, total: number): string {
  const noun = total === 1 ? 'model' : 'models';
  return shown === total ? `${total} ${noun}` : `${shown} of ${total} ${noun}`;
}

// ---------- selection ----------

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 4;

/** A model's key in the selection: its run and its id. */
export const rowKey = (r: Pick<RunsTableRow, 'runId' | 'modelId'>): string => `${r.runId}#${r.modelId}`;

/** Ticks or unticks a model; the ticked ones stay in the order they were ticked (the first is A of the comparison). */
export function toggleKey(selected: readonly string[], key: string): string[] {
  return selected.includes(key) ? selected.filter((k) => k !== key) : [...selected, key];
}

/** The selection without models that are no longer in the table (a run deleted, another project opened). */
export function keepExisting(selected: readonly string[], rows: readonly RunsTableRow[]): string[] {
  const present = new Set(rows.map(rowKey));
  return selected.filter((k) => present.has(k));
}

/** The selected models as `run.compare` takes them, in selection order. */
export function selectedModels(selected: readonly string[]): { runId: number; modelId: string }[] {
  return selected.map((k) => {
    const at = k.indexOf('#');
    return { runId: Number(k.slice(0, at)), modelId: k.slice(at + 1) };
  });
}

/** Compare is possible for 2–4 models; otherwise the hint says what to do. */
export function compareRule(count: number): { enabled: boolean; label: string; hint: string | null } {
  const label = `Compare (${count})`;
  if (count < MIN_COMPARED) return { enabled: false, label, hint: `Select ${MIN_COMPARED}–${MAX_COMPARED} models to compare` };
  if (count > MAX_COMPARED) return { enabled: false, label, hint: `At most ${MAX_COMPARED} models can be compared; ${count} are selected` };
  return { enabled: true, label, hint: null };
}

/** The keys of one run's models, to select them together. */
export function runKeys(rows: readonly RunsTableRow[], runId: number): string[] {
  return rows.filter((r) => r.runId === runId).map(rowKey);
}

// ---------- export ----------

/** The table as shown (visible columns, filtered and sorted rows), for the TSV copy and the picture. */
export function exportTable(rows: readonly RunsTableRow[], columns: readonly RunsColumn[]): { header: string[]; rows: Cell[][]; kinds: ExportKind[] } {
  const parts = columns.flatMap((c) => c.exports);
  return {
    header: parts.map((p) => p.label),
    rows: rows.map((r) => parts.map((p) => p.cell(r))),
    kinds: parts.map((p) => p.kind),
  };
}

/** How the picture writes a number of each export column: scores with three decimals, durations as on screen. */
export function exportFormat(kinds: readonly ExportKind[]): (v: number, column: number) => string {
  return (v, column) => {
    const kind = kinds[column];
    if (kind === 'metric') return metricText(v);
    if (kind === 'seconds') return formatDuration(v);
    return String(v);
  };
}
