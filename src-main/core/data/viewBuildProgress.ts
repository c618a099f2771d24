import type { Progress } from '../api/contract';
import type { ColumnInfo } from './columns';
import type { GridQuery } from './query';

/**
 * How far a view's build has got. SQLite reads every row (`reading`, `done`
 * of `total` rows), sorts them (`ordering`: SQLite's sorter says nothing
 * while it works, so this phase has no count), then the row ids are copied
 * out in view order (`writing`, `done` of `total` ids kept) — for unfiltered
 * views only: a filtered view's count is known only at its end, so it stays
 * in `ordering` until done.
 */
export interface ViewBuildProgress {
  phase: 'reading' | 'ordering' | 'writing';
  done: number;
  total: number;
}

/**
 * A view build's progress as the grid shows it: "Sorting 1,000,000 rows by
 * video_view_count: reading rows" with `done` of `total`, or no total while
 * the rows are being ordered (an indeterminate bar). Measured on 1,000,000
 * generated rows sorted by `video_view_count` on a loaded 2-core machine:
 * reading 1.0 s, ordering 5.5 s, writing 1.0 s.
 */
export function viewBuildProgress(p: ViewBuildProgress, query: GridQuery, columns: readonly Pick<ColumnInfo, 'index' | 'name'>[], rows: number): Progress {
  const sortName = query.sort ? (columns.find((c) => c.index === query.sort!.column)?.name ?? `column ${query.sort.column}`) : null;
  const verb = query.filters.length && sortName ? 'Filtering and sorting' : sortName ? 'Sorting' : 'Filtering';
  const what = `${verb} ${rows.toLocaleString('en')} rows${sortName ? ` by ${sortName}` : ''}`;
  switch (p.phase) {
    case 'reading':
      return { done: Math.min(p.done, p.total), total: p.total, unit: 'rows', message: `${what}: reading rows` };
    case 'ordering':
      return { done: 0, unit: 'rows', message: `${what}: ordering them` };
    case 'writing':
      return { done: Math.min(p.done, p.total), total: p.total, unit: 'rows', message: `${what}: writing the view` };
  }
}
