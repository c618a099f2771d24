import { z } from 'zod';
import { ApiError } from '../api/errors';
import type { Frame } from '../recipe/frame';
import { buildChart, type ChartResult, type ChartSpec } from './index';
import { correlationMatrix } from './heatmap';
import { textLength } from '../features/textLength';
import type { CategoricalColumn, NumericColumn } from './spec';

/**
 * A chart as the UI asks for it: columns by name plus the editable texts.
 * The host resolves the names against the dataset and builds the option, so
 * a chart never carries the data over the API.
 */
const column = z.string().min(1).max(500);
/**
 * A numeric axis: a numeric column, or the length of a text column (pandas'
 * `str.len()`), as the seed notebook plots transcription length by class.
 */
const numericRef = z.union([column, z.object({ lengthOf: column }).strict()]);
export type NumericRef = z.infer<typeof numericRef>;
const texts = { title: z.string().max(300).optional(), xLabel: z.string().max(200).optional(), yLabel: z.string().max(200).optional() };

export const chartRequestSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('histogram'),
      x: numericRef,
      hue: column.optional(),
      bins: z.union([z.number().int().min(1).max(500), z.literal('auto')]).optional(),
      multiple: z.enum(['stack', 'dodge', 'layer']).optional(),
      ...texts,
    })
    .strict(),
  z.object({ kind: z.literal('box'), x: numericRef, by: column.optional(), ...texts }).strict(),
  z.object({ kind: z.literal('barCounts'), x: column, hue: column.optional(), normalize: z.boolean().optional(), ...texts }).strict(),
  z.object({ kind: z.literal('heatmap'), columns: z.array(column).min(2).max(60), ...texts }).strict(),
  z.object({ kind: z.literal('scatter'), x: numericRef, y: numericRef, hue: column.optional(), logX: z.boolean().optional(), logY: z.boolean().optional(), ...texts }).strict(),
  z.object({ kind: z.literal('groupedMean'), by: column, y: numericRef, ...texts }).strict(),
]);
export type ChartRequest = z.infer<typeof chartRequestSchema>;

function numeric(frame: Frame, ref: NumericRef): NumericColumn {
  if (typeof ref !== 'string') {
    const c = frame.columns.get(ref.lengthOf);
    if (!c) throw new ApiError('bad-input', `There is no column "${ref.lengthOf}" to measure.`);
    if (c.type !== 'string') throw new ApiError('bad-input', `"${ref.lengthOf}" is not text; only a text column has a length.`);
    // Named so the default label reads "Length of video transcription text", as the analyst picked it.
    return { name: `length_of_${ref.lengthOf}`, values: textLength(c.values) };
  }
  const name = ref;
  const c = frame.columns.get(name);
  if (!c) throw new ApiError('bad-input', `There is no column "${name}" to chart.`);
  if (c.type !== 'number') throw new ApiError('bad-input', `"${name}" is not numeric; choose a numeric column for this axis, or a bar chart of counts.`);
  return { name, values: c.values };
}

function categorical(frame: Frame, name: string): CategoricalColumn {
  const c = frame.columns.get(name);
  if (!c) throw new ApiError('bad-input', `There is no column "${name}" to chart.`);
  if (c.type === 'string') return { name, values: c.values };
  // Numbers (a 0/1 flag, a small integer code) group by their text.
  return { name, values: Array.from(c.values, (v) => (Number.isNaN(v) ? null : String(v))) };
}

/** Resolves a chart request against a dataset's columns and builds its echarts option. */
export function chartFromRequest(frame: Frame, r: ChartRequest): ChartResult {
  const t = { title: r.title, xLabel: r.xLabel, yLabel: r.yLabel };
  let spec: ChartSpec;
  switch (r.kind) {
    case 'histogram':
      spec = { kind: 'histogram', ...t, x: numeric(frame, r.x), hue: r.hue ? categorical(frame, r.hue) : undefined, bins: r.bins, multiple: r.multiple };
      break;
    case 'box':
      spec = { kind: 'box', ...t, x: numeric(frame, r.x), by: r.by ? categorical(frame, r.by) : undefined };
      break;
    case 'barCounts':
      spec = { kind: 'barCounts', ...t, x: categorical(frame, r.x), hue: r.hue ? categorical(frame, r.hue) : undefined, normalize: r.normalize };
      break;
    case 'heatmap': {
      const cols = r.columns.map((n) => numeric(frame, n));
      spec = { kind: 'heatmap', ...t, matrix: correlationMatrix(cols), labels: r.columns };
      break;
    }
    case 'scatter':
      spec = { kind: 'scatter', ...t, x: numeric(frame, r.x), y: numeric(frame, r.y), hue: r.hue ? categorical(frame, r.hue) : undefined, logX: r.logX, logY: r.logY };
      break;
    case 'groupedMean':
      spec = { kind: 'groupedMean', ...t, by: categorical(frame, r.by), y: numeric(frame, r.y) };
      break;
  }
  return buildChart(spec);
}
