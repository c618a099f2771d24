import { correlationMatrix as pearsonMatrix } from '../profile/correlation';
import { ApiError } from '../api/errors';
import { baseOption, CHART_FONT_FAMILY, formatCount, type ChartResult, type ChartSpecBase, type NumericColumn } from './spec';

export interface HeatmapSpec extends ChartSpecBase {
  kind: 'heatmap';
  /** A square matrix, row i / column j for labels i and j (NaN = undefined). */
  matrix: ArrayLike<number>[];
  labels: string[];
}

/** A diverging blue–white–red scale like seaborn's `vlag`, for −1 … 1. */
export const DIVERGING = ['#2369bd', '#6d9cd0', '#b9cfe6', '#f7f7f7', '#f0b8b0', '#d9705f', '#a9373b'] as const;

/** Cell text: two decimals, as `sns.heatmap(annot=True, fmt='.2f')`; "-0.00" reads as "0.00". */
export function formatCell(v: number): string {
  if (!Number.isFinite(v)) return '';
  const s = v.toFixed(2);
  return s === '-0.00' ? '0.00' : s;
}

/**
 * Pearson correlations as a square array for the heatmap; the statistics are
 * the profile's (pandas' `DataFrame.corr()`, pairwise complete rows).
 */
export function correlationMatrix(columns: NumericColumn[]): number[][] {
  const { matrix } = pearsonMatrix(columns.map((c) => ({ name: c.name, values: Float64Array.from(c.values) })), 'pearson');
  const k = columns.length;
  return Array.from({ length: k }, (_, a) => Array.from(matrix.subarray(a * k, (a + 1) * k)));
}

/** A correlation heatmap: cells coloured on a diverging −1 … 1 scale, each annotated with its value. */
export function heatmap(spec: HeatmapSpec): ChartResult {
  const k = spec.labels.length;
  if (spec.matrix.length !== k || spec.matrix.some((row) => row.length !== k)) {
    throw new ApiError('bad-input', `A heatmap needs a ${k}×${k} matrix for its ${k} labels.`);
  }
  const data: { value: [number, number, number | '-']; label?: { color: string } }[] = [];
  let undefinedCells = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const v = spec.matrix[i][j];
      // Dark cells (|r| ≥ 0.6) get white text.
      if (Number.isFinite(v)) data.push({ value: [j, i, v], label: { color: Math.abs(v) >= 0.6 ? '#ffffff' : '#262626' } });
      else {
        undefinedCells++;
        data.push({ value: [j, i, '-'] });
      }
    }
  }
  const note = undefinedCells ? `${formatCount(undefinedCells)} undefined cell${undefinedCells === 1 ? '' : 's'} left blank` : undefined;
  const option = baseOption({ title: spec.title ?? 'Correlation heatmap', note });
  const longest = spec.labels.reduce((m, l) => Math.max(m, l.length), 0);
  const axisLabel = { fontFamily: CHART_FONT_FAMILY, fontSize: 12, color: '#404040', interval: 0 };
  const axisName = { fontFamily: CHART_FONT_FAMILY, fontSize: 13, color: '#262626', fontWeight: 'bold' as const };
  option.grid = { ...(option.grid as object), right: 96 };
  option.xAxis = {
    type: 'category',
    data: spec.labels,
    name: spec.xLabel ?? '',
    nameLocation: 'middle',
    nameMoveOverlap: true,
    nameTextStyle: axisName,
    axisLabel: { ...axisLabel, rotate: k > 3 && longest > 6 ? 35 : 0 },
    axisTick: { show: false },
    axisLine: { show: false },
    splitArea: { show: false },
  };
  option.yAxis = {
    type: 'category',
    data: spec.labels,
    inverse: true,
    name: spec.yLabel ?? '',
    nameLocation: 'middle',
    nameMoveOverlap: true,
    nameTextStyle: axisName,
    axisLabel,
    axisTick: { show: false },
    axisLine: { show: false },
  };
  option.visualMap = {
    type: 'continuous',
    min: -1,
    max: 1,
    calculable: false,
    orient: 'vertical',
    right: 16,
    top: 'middle',
    itemWidth: 14,
    itemHeight: 220,
    precision: 1,
    text: ['1', '−1'],
    textGap: 6,
    inRange: { color: [...DIVERGING] },
    textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 12, color: '#404040' },
  };
  const cellFont = k > 12 ? 10 : k > 8 ? 11 : 13;
  option.series = [
    {
      type: 'heatmap',
      name: 'Correlation',
      data,
      itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
      label: {
        show: true,
        fontFamily: CHART_FONT_FAMILY,
        fontSize: cellFont,
        formatter: (p: { value: unknown }) => {
          const v = (p.value as [number, number, number | '-'])[2];
          return typeof v === 'number' ? formatCell(v) : '';
        },
      },
      emphasis: { disabled: true },
    },
  ];
  return { option, note };
}
