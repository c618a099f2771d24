import { averageRanks, sortPresent, type SortedColumn } from './sorting';

/**
 * Pearson and Spearman correlation matrices as pandas' `DataFrame.corr()`:
 * each pair over the rows where both columns have a value (pairwise complete
 * observations), NaN when there is no such row or a column is constant
 * over them (pandas: a zero divisor gives NaN).
 *
 * Pearson: two passes over the pair's complete rows (means, then centred
 * cross products); pandas uses Welford's update, which agrees to ~1e-15.
 * Spearman: Pearson on average ranks. Ranks come from each column's single
 * sort; as in pandas, a pair whose missing rows differ between its two
 * columns is re-ranked over its own complete rows.
 */
export interface CorrelationMatrix {
  columns: string[];
  /** Row-major columns × columns, symmetric, 1 on the diagonal where defined. */
  matrix: Float64Array;
}

export type CorrelationMethod = 'pearson' | 'spearman';

export interface NumericInput {
  name: string;
  values: Float64Array;
  /** The column's present values sorted (reused from describe when given). */
  sorted?: SortedColumn;
}

export function correlationMatrix(columns: readonly NumericInput[], method: CorrelationMethod = 'pearson'): CorrelationMatrix {
  const k = columns.length;
  const matrix = new Float64Array(k * k);
  const names = columns.map((c) => c.name);
  if (k === 0) return { columns: names, matrix };
  const rows = columns[0].values.length;
  const sorted = method === 'spearman' ? columns.map((c) => c.sorted ?? sortPresent(c.values)) : [];
  const ranks = sorted.map((s) => averageRanks(s, rows));
  // Re-ranks depend only on which rows the other column misses: share them between columns with the same gaps.
  const gaps = method === 'spearman' ? missingPatterns(columns.map((c) => c.values)) : new Int32Array(0);
  const reranked = new Map<string, Float64Array>();
  const ranksAmong = (a: number, b: number): Float64Array => {
    const key = `${a}:${gaps[b]}`;
    let r = reranked.get(key);
    if (!r) reranked.set(key, (r = ranksWhere(sorted[a], columns[b].values)));
    return r;
  };
  for (let a = 0; a < k; a++) {
    for (let b = 0; b <= a; b++) {
      const r =
        method === 'pearson'
          ? pearsonPair(columns[a].values, columns[b].values)
          : spearmanPair(columns[a].values, columns[b].values, sorted[a], sorted[b], ranks[a], ranks[b], () => ranksAmong(a, b), () => ranksAmong(b, a));
      matrix[a * k + b] = r;
      matrix[b * k + a] = r;
    }
  }
  return { columns: names, matrix };
}

/** Per column, an id shared exactly by the columns missing the same rows. */
function missingPatterns(columns: readonly Float64Array[]): Int32Array {
  const ids = new Int32Array(columns.length);
  const seen: number[] = [];
  columns.forEach((v, c) => {
    let id = seen.findIndex((d) => sameGaps(columns[d], v));
    if (id < 0) {
      id = seen.length;
      seen.push(c);
    }
    ids[c] = id;
  });
  return ids;
}

function sameGaps(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if ((a[i] !== a[i]) !== (b[i] !== b[i])) return false;
  return true;
}

/** Pearson's r over the rows where both x and y are present. */
export function pearsonPair(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  let nobs = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    const vx = x[i];
    const vy = y[i];
    if (vx === vx && vy === vy) {
      nobs++;
      sx += vx;
      sy += vy;
    }
  }
  if (nobs < 1) return NaN;
  const mx = sx / nobs;
  const my = sy / nobs;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const vx = x[i];
    const vy = y[i];
    if (vx === vx && vy === vy) {
      const dx = vx - mx;
      const dy = vy - my;
      sxx += dx * dx;
      syy += dy * dy;
      sxy += dx * dy;
    }
  }
  const divisor = Math.sqrt(sxx * syy);
  return divisor !== 0 ? clamp(sxy / divisor) : NaN;
}

/** pandas clips |r| to 1 against rounding. */
function clamp(r: number): number {
  return r > 1 ? 1 : r < -1 ? -1 : r;
}

/**
 * Spearman's rho of x and y over their complete rows, from each column's
 * sort: a column that misses exactly the pair's missing rows keeps its own
 * ranks; the other is re-ranked over the pair's rows by walking its sorted
 * order (no second sort). The sums run in row order with the ranks' mean
 * (nobs + 1) / 2, as pandas' nancorr_spearman.
 */
function spearmanPair(
  x: Float64Array,
  y: Float64Array,
  sx: SortedColumn,
  sy: SortedColumn,
  rx: Float64Array,
  ry: Float64Array,
  rerankX: () => Float64Array,
  rerankY: () => Float64Array,
): number {
  const n = x.length;
  let nobs = 0;
  for (let i = 0; i < n; i++) if (x[i] === x[i] && y[i] === y[i]) nobs++;
  if (nobs < 1) return NaN;
  const ranksX = nobs === sx.sorted.length ? rx : rerankX();
  const ranksY = nobs === sy.sorted.length ? ry : rerankY();
  const mean = (nobs + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const a = ranksX[i];
    const b = ranksY[i];
    if (a === a && b === b) {
      const dx = a - mean;
      const dy = b - mean;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
  }
  const divisor = Math.sqrt(sxx * syy);
  return divisor !== 0 ? clamp(sxy / divisor) : NaN;
}

/** Average ranks of a sorted column among the rows where `other` has a value (NaN elsewhere). */
function ranksWhere(s: SortedColumn, other: Float64Array): Float64Array {
  const { sorted, order } = s;
  const m = sorted.length;
  const ranks = new Float64Array(other.length).fill(NaN);
  // Sorted positions whose row the other column also has.
  const kept = new Int32Array(m);
  let k = 0;
  for (let t = 0; t < m; t++) {
    const r = order[t];
    if (other[r] === other[r]) kept[k++] = t;
  }
  let i = 0;
  while (i < k) {
    let j = i + 1;
    while (j < k && sorted[kept[j]] === sorted[kept[i]]) j++;
    const r = (i + j + 1) / 2;
    for (let t = i; t < j; t++) ranks[order[kept[t]]] = r;
    i = j;
  }
  return ranks;
}
