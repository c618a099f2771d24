import { z } from 'zod';
import { classPrChart, classRocChart, type ClassCurveSpec } from './classCurveChart';
import { confusionChart, type ConfusionSpec } from './confusionChart';
import { prChart, rocChart, type CurveSpec } from './curveChart';
import { importanceChart, type ImportanceSpec } from './importanceChart';
import type { ChartResult } from './spec';

/** Every chart of a run's results, with its data. */
export type RunChartSpec = ConfusionSpec | CurveSpec | ClassCurveSpec | ImportanceSpec;

export function runChart(spec: RunChartSpec): ChartResult {
  switch (spec.kind) {
    case 'confusion':
      return confusionChart(spec);
    case 'roc':
      return rocChart(spec);
    case 'pr':
      return prChart(spec);
    case 'rocClasses':
      return classRocChart(spec);
    case 'prClasses':
      return classPrChart(spec);
    case 'importance':
      return importanceChart(spec);
  }
}

const text = z.string().max(200).optional();
const set = z.enum(['validation', 'test']);
const threshold = z.number().min(0).max(1).nullable();
/** Counts (false), shares of the actual class (true or 'row') or of the predicted class ('column'). */
const normalize = z.union([z.boolean(), z.enum(['row', 'column'])]);
/** For a target of more than two classes: the class whose threshold the curves mark. */
const classIndex = z.number().int().min(0).max(1000).optional();

/** What the renderer may ask for; the data comes from the stored run, never from the request. */
export const runChartRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('confusion'), set, normalize, threshold, title: text, subtitle: text }).strict(),
  z.object({ kind: z.literal('roc'), set, threshold, classIndex, title: text, subtitle: text }).strict(),
  z.object({ kind: z.literal('pr'), set, threshold, classIndex, title: text, subtitle: text }).strict(),
  z.object({ kind: z.literal('importance'), importance: z.number().int().min(0).max(20), top: z.number().int().min(1).max(100).default(15), title: text, subtitle: text }).strict(),
]);
export type RunChartRequest = z.infer<typeof runChartRequestSchema>;
