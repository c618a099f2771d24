import { ApiError } from '../api/errors';
import { unscoredNote } from './compareCurveChart';
import { confusionChart } from './confusionChart';
import { baseOption, CHART_FONT_FAMILY, formatCount, joinNotes, TEXT_COLOR, type ChartResult } from './spec';

export interface CompareConfusionSpec {
  kind: 'confusion';
  set: 'validation' | 'test';
  /** Rows = actual class, columns = predicted, in `classes` order. */
  classes: string[];
  /** One per model in comparison order; null where the model was not scored on the set. */
  models: { label: string; matrix: number[][] | null }[];
  /** Each row as shares of its actual class (scikit-learn's normalize='true'). */
  normalize: boolean;
  title?: string;
  subtitle?: string;
}

const SET_NAMES = { validation: 'validation set', test: 'test set' } as const;

type Cell = { value: [number, number, number]; label: { formatter: string; color: string } };
type Option = Record<string, unknown>;

/** Where each matrix goes, as shares of the image: one row of up to three, a 2 × 2 block for four. */
function cells(n: number, top: number): { left: number; top: number; width: number; height: number }[] {
  const cols = n <= 3 ? n : 2;
  const rows = Math.ceil(n / cols);
  // The right edge keeps room for the shared colour scale.
  const [x0, x1, y1] = [2, 88, 99];
  const w = (x1 - x0) / cols;
  const h = (y1 - top) / rows;
  return Array.from({ length: n }, (_, i) => ({ left: x0 + (i % cols) * w, top: top + Math.floor(i / cols) * h, width: w, height: h }));
}

const pct = (v: number) => `${v}%`;

/**
 * The models' confusion matrices side by side on one colour scale: each is
 * the single-model chart's grid (same cells, axes and texts), titled with
 * its model's label, and one colour bar shared by all, its top the largest
 * count (or share) of any matrix, so equal colours mean equal numbers.
 */
export function compareConfusionChart(spec: CompareConfusionSpec): ChartResult {
  const drawn = spec.models.filter((m): m is { label: string; matrix: number[][] } => m.matrix !== null);
  const missing = spec.models.filter((m) => m.matrix === null).map((m) => m.label);
  const set = SET_NAMES[spec.set];
  if (drawn.length === 0) {
    throw new ApiError('bad-input', `None of the models has ${set} predictions${spec.set === 'test' ? ': only a run’s champion is scored on the test set' : ''}.`);
  }
  const singles = drawn.map((m) => confusionChart({ kind: 'confusion', matrix: m.matrix, classes: spec.classes, normalize: spec.normalize }).option as Option);
  const max = Math.max(...singles.map((o) => (o.visualMap as { max: number }).max));
  const note = joinNotes(
    `${spec.classes.length > 2 ? 'predicted: the most probable class' : `predicted ${spec.classes[1] ?? 'positive'} when p > 0.50`}${spec.normalize ? '; shares of each actual class' : ''}`,
    unscoredNote(spec.set, missing),
  );
  const option = baseOption({ title: spec.title ?? `Confusion matrices, ${set}`, note: spec.subtitle ?? note });
  const boxes = cells(drawn.length, 22);
  option.grid = boxes.map((b) => ({ left: pct(b.left), top: pct(b.top), width: pct(b.width - 2), height: pct(b.height - 4), outerBoundsMode: 'same', outerBoundsContain: 'all' })) as never;
  option.xAxis = [
    ...singles.map((o, i) => ({ ...(o.xAxis as Option), gridIndex: i })),
    // An empty axis along each matrix's top carries its model's label, centred on the cells whatever the width of the class names.
    ...drawn.map((m, i) => ({
      type: 'category',
      gridIndex: i,
      position: 'top',
      data: spec.classes,
      name: m.label,
      nameLocation: 'middle',
      nameGap: 12,
      nameTextStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 14, fontWeight: 'bold', color: TEXT_COLOR },
      axisLabel: { show: false },
      axisTick: { show: false },
      axisLine: { show: false },
    })),
  ] as never;
  // Every matrix names its classes, so all are drawn the same size.
  option.yAxis = singles.map((o, i) => ({ ...(o.yAxis as Option), gridIndex: i })) as never;
  const visualMap = singles[0].visualMap as Option;
  option.visualMap = {
    ...visualMap,
    max,
    text: [spec.normalize ? max.toFixed(2) : formatCount(max), '0'],
    seriesIndex: drawn.map((_, i) => i),
  } as never;
  option.series = singles.map((o, i) => {
    const s = (o.series as Option[])[0];
    return {
      ...s,
      name: drawn[i].label,
      xAxisIndex: i,
      yAxisIndex: i,
      // The single chart chose white text on the cells dark on its own scale; here the scale is shared.
      data: (s.data as Cell[]).map((c) => ({ ...c, label: { ...c.label, color: c.value[2] / max > 0.5 ? '#ffffff' : TEXT_COLOR } })),
    };
  }) as never;
  return { option, note };
}
