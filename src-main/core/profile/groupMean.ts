import { ApiError } from '../api/errors';
import { compareCodePoints } from '../features/countVectorizer';
import { column, type Frame } from '../recipe/frame';
import { factorizeNumbers, factorizeStrings, type Factorized } from './factorize';

/**
 * `df.groupby(key)[columns].mean()`: one row per distinct key value, sorted
 * (numbers ascending, text by code point as Python compares strings), rows
 * whose key is missing dropped (pandas' `dropna=True`). Each mean skips the
 * column's missing values and is NaN for a group without any; sums are
 * Kahan-compensated like pandas' `group_mean`.
 */
export interface GroupMeans {
  key: string;
  groups: (string | number)[];
  /** Rows in each group. */
  sizes: number[];
  columns: { name: string; means: Float64Array; counts: Float64Array }[];
}

export function groupMean(frame: Frame, key: string, valueColumns: readonly string[], factorized?: Factorized): GroupMeans {
  const k = column(frame, key, 'group column');
  const f: Factorized = factorized ?? (k.type === 'number' ? factorizeNumbers(k.values) : factorizeStrings(k.values));
  const g = f.uniques.length;
  const sortedGroups = Array.from({ length: g }, (_, i) => i);
  if (k.type === 'number') sortedGroups.sort((a, b) => (f.uniques[a] as number) - (f.uniques[b] as number));
  else sortedGroups.sort((a, b) => compareCodePoints(f.uniques[a] as string, f.uniques[b] as string));
  const position = new Int32Array(g);
  sortedGroups.forEach((u, p) => (position[u] = p));
  const codes = f.codes;
  const columns = valueColumns.map((name) => {
    const c = column(frame, name);
    if (c.type !== 'number') throw new ApiError('bad-input', `A group mean needs a numeric column, but "${name}" holds text.`);
    const v = c.values;
    const sums = new Float64Array(g);
    const comp = new Float64Array(g);
    const counts = new Float64Array(g);
    for (let i = 0; i < v.length; i++) {
      const u = codes[i];
      const x = v[i];
      if (u < 0 || x !== x) continue;
      const p = position[u];
      counts[p]++;
      const y = x - comp[p];
      const t = sums[p] + y;
      comp[p] = t - sums[p] - y;
      sums[p] = t;
    }
    const means = new Float64Array(g);
    for (let p = 0; p < g; p++) means[p] = counts[p] > 0 ? sums[p] / counts[p] : NaN;
    return { name, means, counts };
  });
  return {
    key,
    groups: sortedGroups.map((u) => f.uniques[u]),
    sizes: sortedGroups.map((u) => f.counts[u]),
    columns,
  };
}
