import type { ModelResult } from '../../../../src-main/core/search/runRecord';
import type { ParamValue } from '../../../../src-main/core/ml/params';
import { formatValue } from '../train/paramText';
import { distinguishingDecimals } from '../../../../src-main/core/evaluation/format';

export interface CvColumn {
  key: string;
  label: string;
  kind: 'param' | 'mean' | 'rank' | 'time';
  metric?: string;
}

export interface CvTableRow {
  candidate: number;
  best: boolean;
  cells: Record<string, { text: string; sort: number | string }>;
}

export interface CvSort {
  key: string;
  descending: boolean;
}

const num = (v: number, digits = 3) => (Number.isNaN(v) ? 'NaN' : v.toFixed(digits));

/** The searched parameters (those that vary), then mean ± std per metric, the refit rank and fit time. */
export function cvColumns(model: ModelResult, metrics: string[]): CvColumn[] {
  const rows = model.cv.rows;
  const varying = Object.keys(rows[0]?.params ?? {}).filter((k) => new Set(rows.map((r) => JSON.stringify(r.params[k]))).size > 1);
  return [
    ...varying.map((k): CvColumn => ({ key: `param:${k}`, label: k, kind: 'param' })),
    ...metrics.map((m): CvColumn => ({ key: `mean:${m}`, label: m, kind: 'mean', metric: m })),
    { key: `rank`, label: `rank (${model.cv.refit})`, kind: 'rank' },
    { key: 'time', label: 'fit time (s)', kind: 'time' },
  ];
}

const paramSort = (v: ParamValue): number | string => (typeof v === 'number' ? v : v === null ? Infinity : String(v));

export function cvRows(model: ModelResult, columns: CvColumn[], sort: CvSort): CvTableRow[] {
  // Each metric column gets the decimals that tell its neighbouring candidates apart; its std uses the same.
  const digits = new Map(columns.filter((c) => c.kind === 'mean').map((c) => [c.key, distinguishingDecimals(model.cv.rows.map((r) => r.mean[c.metric!]))]));
  const rows = model.cv.rows.map((r): CvTableRow => {
    const cells: CvTableRow['cells'] = {};
    for (const c of columns) {
      if (c.kind === 'param') {
        const v = r.params[c.key.slice(6)];
        cells[c.key] = { text: formatValue(v), sort: paramSort(v) };
      } else if (c.kind === 'mean') {
        const m = r.mean[c.metric!];
        const d = digits.get(c.key);
        cells[c.key] = { text: `${num(m, d)} ± ${num(r.std[c.metric!], d)}`, sort: Number.isNaN(m) ? -Infinity : m };
      } else if (c.kind === 'rank') {
        cells[c.key] = { text: String(r.rank[model.cv.refit]), sort: r.rank[model.cv.refit] };
      } else {
        cells[c.key] = { text: r.meanFitSeconds.toFixed(2), sort: r.meanFitSeconds };
      }
    }
    return { candidate: r.candidate, best: r.candidate === model.cv.best, cells };
  });
  const dir = sort.descending ? -1 : 1;
  return rows.sort((a, b) => {
    const x = a.cells[sort.key]?.sort ?? 0;
    const y = b.cells[sort.key]?.sort ?? 0;
    if (x === y) return a.candidate - b.candidate;
    return (x < y ? -1 : 1) * dir;
  });
}

/** Clicking a header: a new column sorts best first (high scores, low ranks and times); the same column flips. */
export function nextSort(current: CvSort, column: CvColumn): CvSort {
  if (current.key === column.key) return { key: column.key, descending: !current.descending };
  return { key: column.key, descending: column.kind === 'mean' };
}
