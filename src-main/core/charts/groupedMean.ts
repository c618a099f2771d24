import { ApiError } from '../api/errors';
import {
  baseOption,
  categoryAxis,
  compareStrings,
  formatCount,
  humanize,
  joinNotes,
  paletteColor,
  valueAxis,
  type CategoricalColumn,
  type ChartResult,
  type ChartSpecBase,
  type NumericColumn,
} from './spec';

export interface GroupedMeanSpec extends ChartSpecBase {
  kind: 'groupedMean';
  /** The grouping column (pandas `groupby` key). */
  by: CategoricalColumn;
  /** The column averaged in each group. */
  y: NumericColumn;
}

export interface GroupMean {
  group: string;
  mean: number;
  /** Values averaged (present ones). */
  n: number;
}

/**
 * `df.groupby(by)[y].mean()`: groups sorted by key, a missing key dropped
 * (`dropna=True`), missing values skipped within a group (NaN for a group
 * with none present).
 */
export function groupMeans(spec: Pick<GroupedMeanSpec, 'by' | 'y'>): { groups: GroupMean[]; missingKeys: number; missingValues: number } {
  const keys = spec.by.values;
  const ys = spec.y.values;
  if (keys.length !== ys.length) throw new ApiError('bad-input', `"${spec.by.name}" and "${spec.y.name}" have different lengths.`);
  const acc = new Map<string, { sum: number; n: number }>();
  let missingKeys = 0;
  let missingValues = 0;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k === null) {
      missingKeys++;
      continue;
    }
    let a = acc.get(k);
    if (!a) acc.set(k, (a = { sum: 0, n: 0 }));
    if (Number.isFinite(ys[i])) {
      a.sum += ys[i];
      a.n++;
    } else missingValues++;
  }
  const groups = [...acc.keys()].sort(compareStrings).map((group) => {
    const a = acc.get(group)!;
    return { group, mean: a.n ? a.sum / a.n : NaN, n: a.n };
  });
  return { groups, missingKeys, missingValues };
}

export interface GroupedMeanResult extends ChartResult {
  groups: GroupMean[];
}

/** Bars of the mean of a numeric column per category, each labelled with its value. */
export function groupedMean(spec: GroupedMeanSpec): GroupedMeanResult {
  const { groups, missingKeys, missingValues } = groupMeans(spec);
  const yName = humanize(spec.y.name);
  const byName = humanize(spec.by.name);
  const note = joinNotes(
    missingKeys ? `${formatCount(missingKeys)} row${missingKeys === 1 ? '' : 's'} with a missing ${byName.toLowerCase()} skipped` : undefined,
    missingValues ? `${formatCount(missingValues)} missing value${missingValues === 1 ? '' : 's'} skipped` : undefined,
  );
  const option = baseOption({ title: spec.title ?? `Mean ${yName.toLowerCase()} by ${byName.toLowerCase()}`, note });
  option.xAxis = categoryAxis({ name: spec.xLabel ?? byName, orient: 'x' }, groups.map((g) => g.group));
  option.yAxis = valueAxis({ name: spec.yLabel ?? `Mean ${yName.toLowerCase()}`, orient: 'y' });
  option.series = [
    {
      type: 'bar',
      name: `Mean ${yName.toLowerCase()}`,
      barMaxWidth: 90,
      data: groups.map((g, i) => ({ value: Number.isFinite(g.mean) ? g.mean : '-', itemStyle: { color: paletteColor(i) } })),
      label: {
        show: true,
        position: 'top',
        fontSize: 12,
        color: '#262626',
        formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? formatMean(p.value) : ''),
      },
    },
  ];
  return { option, note, groups };
}

/** Bar labels: whole numbers with separators from 1,000 up ("506,870"), two decimals below. */
export function formatMean(v: number): string {
  return Math.abs(v) >= 1000 ? formatCount(Math.round(v)) : v.toFixed(2);
}
