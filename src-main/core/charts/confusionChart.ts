import { ApiError } from '../api/errors';
import { baseOption, CHART_FONT_FAMILY, formatCount, TEXT_COLOR, type ChartResult } from './spec';

export interface ConfusionSpec {
  kind: 'confusion';
  /** Rows = actual class, columns = predicted, in `classes` order. */
  matrix: number[][];
  classes: string[];
  /**
   * true or 'row': each row as shares of its actual class (scikit-learn's
   * normalize='true'); 'column': each column as shares of its predicted class
   * (normalize='pred'); false: counts.
   */
  normalize: boolean | 'row' | 'column';
  title?: string;
  subtitle?: string;
}

/** A sequential blue scale like matplotlib's `Blues`, the seeds' ConfusionMatrixDisplay default. */
export const BLUES = ['#f7fbff', '#c6dbef', '#6baed6', '#2171b5', '#08306b'] as const;

const percent = (v: number) => `${(v * 100).toFixed(1)}%`;

function check(spec: ConfusionSpec): void {
  const k = spec.classes.length;
  if (k < 2) throw new ApiError('bad-input', 'A confusion matrix needs at least two classes.');
  if (spec.matrix.length !== k || spec.matrix.some((r) => r.length !== k)) {
    throw new ApiError('bad-input', `A confusion matrix of ${k} classes needs ${k}×${k} counts.`);
  }
  if (spec.matrix.some((r) => r.some((v) => !Number.isFinite(v) || v < 0))) {
    throw new ApiError('bad-input', 'Confusion matrix counts must be finite numbers ≥ 0.');
  }
}

/** What the cells show: counts, or shares of the actual (row) or predicted (column) class. */
export function sharesOf(normalize: ConfusionSpec['normalize']): 'count' | 'row' | 'column' {
  return normalize === true || normalize === 'row' ? 'row' : normalize === 'column' ? 'column' : 'count';
}

/**
 * The confusion matrix as `ConfusionMatrixDisplay` draws it: actual classes
 * down, predicted across, the first class top left, a blue scale; each cell
 * shows its count and share of all rows, or (normalized) the share of its
 * actual class with the count beneath.
 */
export function confusionChart(spec: ConfusionSpec): ChartResult {
  check(spec);
  const k = spec.classes.length;
  const total = spec.matrix.flat().reduce((a, b) => a + b, 0);
  const shares = sharesOf(spec.normalize);
  const rowTotals = spec.matrix.map((r) => r.reduce((a, b) => a + b, 0));
  const columnTotals = spec.matrix[0].map((_, j) => spec.matrix.reduce((a, r) => a + r[j], 0));
  const shown = spec.matrix.map((r, i) =>
    r.map((v, j) => (shares === 'row' ? (rowTotals[i] ? v / rowTotals[i] : 0) : shares === 'column' ? (columnTotals[j] ? v / columnTotals[j] : 0) : v)),
  );
  const normalized = shares !== 'count';
  const max = Math.max(...shown.flat(), 1);
  const data = [];
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const v = shown[i][j];
      const n = spec.matrix[i][j];
      // The headline number large, the other one small beneath it (echarts rich text).
      const text = normalized ? `{big|${v.toFixed(2)}}\n{small|${formatCount(n)} rows}` : `{big|${formatCount(n)}}\n{small|${total ? percent(n / total) : '0%'}}`;
      data.push({ value: [j, i, v], label: { formatter: text, color: v / max > 0.5 ? '#ffffff' : TEXT_COLOR } });
    }
  }
  const option = baseOption({ title: spec.title ?? 'Confusion matrix', note: spec.subtitle });
  const axisName = { fontFamily: CHART_FONT_FAMILY, fontSize: 13, color: TEXT_COLOR, fontWeight: 'bold' as const };
  const axisLabel = { fontFamily: CHART_FONT_FAMILY, fontSize: 13, color: '#404040', interval: 0 };
  option.grid = { ...(option.grid as object), right: 96, left: 24, bottom: 16 };
  option.xAxis = {
    type: 'category',
    data: spec.classes,
    name: 'Predicted',
    nameLocation: 'middle',
    nameGap: 30,
    nameTextStyle: axisName,
    axisLabel,
    axisTick: { show: false },
    axisLine: { show: false },
    splitArea: { show: false },
  };
  option.yAxis = {
    type: 'category',
    data: spec.classes,
    inverse: true,
    name: 'Actual',
    nameLocation: 'middle',
    nameGap: 16 + 8 * Math.max(...spec.classes.map((c) => c.length)),
    nameTextStyle: axisName,
    axisLabel,
    axisTick: { show: false },
    axisLine: { show: false },
  };
  option.visualMap = {
    type: 'continuous',
    min: 0,
    max,
    calculable: false,
    orient: 'vertical',
    right: 16,
    top: 'middle',
    itemWidth: 14,
    itemHeight: 200,
    precision: normalized ? 2 : 0,
    text: [normalized ? max.toFixed(2) : formatCount(max), '0'],
    textGap: 6,
    inRange: { color: [...BLUES] },
    textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 12, color: '#404040' },
  };
  option.series = [
    {
      type: 'heatmap',
      name: 'Confusion matrix',
      data,
      itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
      label: {
        show: true,
        fontFamily: CHART_FONT_FAMILY,
        rich: {
          big: { fontFamily: CHART_FONT_FAMILY, fontSize: k > 4 ? 13 : 18, lineHeight: k > 4 ? 17 : 24, fontWeight: 'bold' },
          small: { fontFamily: CHART_FONT_FAMILY, fontSize: k > 4 ? 10 : 12, lineHeight: k > 4 ? 13 : 16 },
        },
      },
      emphasis: { disabled: true },
    },
  ];
  return { option };
}
