import { ApiError } from '../api/errors';
import { RandomState } from '../random/randomState';
import { logAxisName, logShift, negativeNote } from './logAxis';
import {
  baseOption,
  formatCount,
  humanize,
  inSentence,
  joinNotes,
  missingNote,
  paletteColor,
  valueAxis,
  type CategoricalColumn,
  type ChartResult,
  type ChartSpecBase,
  type NumericColumn,
} from './spec';

export interface ScatterSpec extends ChartSpecBase {
  kind: 'scatter';
  x: NumericColumn;
  y: NumericColumn;
  /** One colour per category (first-seen order). */
  hue?: CategoricalColumn;
  /** Above this many points a seeded sample is drawn (default 20,000). */
  maxPoints?: number;
  /** Seed of the sample (default 0). */
  seed?: number;
  /** A log axis (see logAxis: a column with zeros is drawn as 1 + x; negative values are left out). */
  logX?: boolean;
  logY?: boolean;
}

export const DEFAULT_MAX_POINTS = 20_000;

/**
 * The rows a scatter draws: all of them up to `maxPoints`, otherwise the rows
 * `df.sample(n=maxPoints, random_state=seed)` would take (numpy's legacy
 * `choice(n, size, replace=False)`), returned in ascending order so that the
 * drawing order does not depend on the sample.
 */
export function sampleRows(n: number, maxPoints: number, seed = 0): Int32Array {
  if (n <= maxPoints) return Int32Array.from({ length: n }, (_, i) => i);
  return new RandomState(seed).choiceWithoutReplacement(n, maxPoints).sort();
}

const LOG_AXIS = { type: 'log', logBase: 10 };

export interface ScatterResult extends ChartResult {
  /** Points drawn and points there were (after skipping missing values, and negative ones on a log axis). */
  shown: number;
  total: number;
}

/** Points of y against x, coloured by a categorical; large data is sampled with a note saying so. */
export function scatter(spec: ScatterSpec): ScatterResult {
  const xs = spec.x.values;
  const ys = spec.y.values;
  const hue = spec.hue?.values;
  if (ys.length !== xs.length || (hue && hue.length !== xs.length)) throw new ApiError('bad-input', 'The scatter plot columns have different lengths.');
  const maxPoints = spec.maxPoints ?? DEFAULT_MAX_POINTS;
  if (!Number.isInteger(maxPoints) || maxPoints < 1) throw new ApiError('bad-input', `The point limit must be a positive whole number, not ${maxPoints}.`);
  const rows: number[] = [];
  let skipped = 0;
  let negative = 0;
  for (let i = 0; i < xs.length; i++) {
    if (!(Number.isFinite(xs[i]) && Number.isFinite(ys[i]) && (!hue || hue[i] !== null))) skipped++;
    else if ((spec.logX && xs[i] < 0) || (spec.logY && ys[i] < 0)) negative++;
    else rows.push(i);
  }
  const shiftX = spec.logX ? logShift(xs, rows) : 0;
  const shiftY = spec.logY ? logShift(ys, rows) : 0;
  // A shifted axis draws 1 + x; the point keeps its own values for the tooltip.
  const shifted = shiftX + shiftY > 0;
  const total = rows.length;
  const picked = sampleRows(total, maxPoints, spec.seed ?? 0);
  const levels: string[] = [];
  const levelIndex = new Map<string, number>();
  // Levels come from all rows, so a category keeps its colour whatever the sample.
  if (hue) {
    for (const i of rows) {
      const h = hue[i]!;
      if (!levelIndex.has(h)) {
        levelIndex.set(h, levels.length);
        levels.push(h);
      }
    }
  } else levels.push('all');
  const points: number[][][] = levels.map(() => []);
  for (const p of picked) {
    const i = rows[p];
    const point = shifted ? [xs[i] + shiftX, ys[i] + shiftY, xs[i], ys[i]] : [xs[i], ys[i]];
    points[hue ? levelIndex.get(hue[i]!)! : 0].push(point);
  }
  const sampled = total > picked.length ? `showing ${formatCount(picked.length)} of ${formatCount(total)} points` : undefined;
  const note = joinNotes(sampled, missingNote(skipped), negativeNote(negative));
  const xName = humanize(spec.x.name);
  const yName = humanize(spec.y.name);
  const title = spec.title ?? `${yName} vs ${inSentence(spec.x.name)}${hue ? ` by ${inSentence(spec.hue!.name)}` : ''}`;
  const option = baseOption({ title, note, legend: !!hue });
  option.xAxis = valueAxis({ name: spec.xLabel ?? (spec.logX ? logAxisName(xName, shiftX) : xName), orient: 'x' }, spec.logX ? LOG_AXIS : {});
  option.yAxis = valueAxis({ name: spec.yLabel ?? (spec.logY ? logAxisName(yName, shiftY) : yName), orient: 'y' }, spec.logY ? LOG_AXIS : {});
  const symbolSize = picked.length > 5000 ? 4 : 6;
  option.series = levels.map((level, l) => ({
    type: 'scatter' as const,
    name: hue ? level : yName,
    symbolSize,
    itemStyle: { color: paletteColor(l), opacity: 0.55 },
    data: points[l],
    ...(shifted ? { dimensions: ['plotted x', 'plotted y', xName, yName], encode: { x: 0, y: 1, tooltip: [2, 3] } } : {}),
  }));
  return { option, note, shown: picked.length, total };
}
