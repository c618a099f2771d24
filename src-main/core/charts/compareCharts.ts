import { z } from 'zod';
import { ApiError } from '../api/errors';
import type { ComparedModel, Comparison } from '../compare/types';
import type { HeldOutScores, ImportanceKind, ModelResult } from '../search/runRecord';
import { classScores, hasClassProbabilities, oneVsRest, rarestClass } from '../evaluation/multiclass';
import { compareConfusionChart, type CompareConfusionSpec } from './compareConfusionChart';
import { comparePrChart, compareRocChart, type CompareCurveSpec } from './compareCurveChart';
import { compareImportanceChart, type CompareImportanceSpec } from './compareImportanceChart';
import { metricBarsChart, type MetricBarsSpec } from './compareMetricChart';
import type { ChartResult } from './spec';

const text = z.string().max(200).optional();

/** What the renderer may ask for of a comparison; the data comes from the stored runs, never from the request. */
export const compareChartRequestSchema = z.discriminatedUnion('kind', [
  /** One metric: CV mean with ±std error bars, validation and test, per model. */
  z.object({ kind: z.literal('metricBars'), metric: z.string().min(1).max(60), title: text, subtitle: text }).strict(),
  /** classIndex: for targets of more than two classes, the class drawn against the rest (default the rarest). */
  z.object({ kind: z.literal('roc'), set: z.enum(['validation', 'test']), classIndex: z.number().int().min(0).max(1000).optional(), title: text, subtitle: text }).strict(),
  z.object({ kind: z.literal('pr'), set: z.enum(['validation', 'test']), classIndex: z.number().int().min(0).max(1000).optional(), title: text, subtitle: text }).strict(),
  z.object({ kind: z.literal('confusion'), set: z.enum(['validation', 'test']), normalize: z.boolean(), title: text, subtitle: text }).strict(),
  z.object({ kind: z.literal('importance'), top: z.number().int().min(1).max(50).default(15), title: text, subtitle: text }).strict(),
]);
export type CompareChartRequest = z.infer<typeof compareChartRequestSchema>;

/** Every chart of a comparison, with its data. */
export type CompareChartSpec = MetricBarsSpec | CompareCurveSpec | CompareConfusionSpec | CompareImportanceSpec;

export function compareChart(spec: CompareChartSpec): ChartResult {
  switch (spec.kind) {
    case 'metricBars':
      return metricBarsChart(spec);
    case 'roc':
      return compareRocChart(spec);
    case 'pr':
      return comparePrChart(spec);
    case 'confusion':
      return compareConfusionChart(spec);
    case 'importance':
      return compareImportanceChart(spec);
  }
}

/** What the charts draw: the comparison, and the compared models' stored results (in `comparison.models` order) for what it does not carry. */
export interface CompareChartData {
  comparison: Comparison;
  results: Pick<ModelResult, 'heldOut' | 'importances'>[];
}

/**
 * The chart the comparison view asks for, with its data: metrics, matrices
 * (the stored evaluations, at p > 0.5) and aligned importances from the
 * comparison; the curves from the models' held-out predictions.
 */
export function compareChartSpec(data: CompareChartData, request: CompareChartRequest): CompareChartSpec {
  const { models } = data.comparison;
  const texts = { title: request.title, subtitle: request.subtitle };
  switch (request.kind) {
    case 'metricBars': {
      const metric = request.metric;
      const scored = (m: ComparedModel) => metric in m.cv || (m.validation?.metrics[metric] ?? m.test?.metrics[metric]) !== undefined;
      if (!models.some(scored)) {
        const known = [...new Set(models.flatMap((m) => Object.keys(m.cv)))];
        throw new ApiError('bad-input', `None of the models has a ${metric} score; they were scored on ${known.join(', ')}.`);
      }
      return {
        kind: 'metricBars',
        metric,
        models: models.map((m) => {
          const cv = m.cv[metric];
          return {
            label: m.label,
            cv: cv ? { mean: cv.mean, std: cv.std, folds: cv.folds.length } : null,
            validation: m.validation?.metrics[metric] ?? null,
            test: m.test?.metrics[metric] ?? null,
          };
        }),
        ...texts,
      };
    }
    case 'roc':
    case 'pr': {
      const classes = sharedClasses(models);
      const scores = models.map((_, i) => data.results[i]?.heldOut?.[request.set] ?? null);
      if (classes.length > 2) {
        // k classes: one class against the rest for every model, on its own probability.
        const first = scores.find(hasClassProbabilities);
        const c = request.classIndex ?? (first ? rarestClass(classScores(first, classes.length, `${models[scores.indexOf(first)].label}, ${request.set} set`)) : 0);
        if (c >= classes.length) throw new ApiError('bad-input', `There is no class ${c + 1}: the target has ${classes.length} classes.`);
        return {
          kind: request.kind,
          set: request.set,
          models: models.map((m, i) => ({ label: m.label, scores: oneClassScores(scores[i], classes.length, c, m.label, request.set) })),
          positive: classes[c],
          ...texts,
          subtitle: request.subtitle ?? `“${classes[c]}” against the other ${classes.length - 1} classes, by p(${classes[c]})`,
        };
      }
      return {
        kind: request.kind,
        set: request.set,
        models: models.map((m, i) => ({ label: m.label, scores: scores[i] })),
        positive: classes[1],
        ...texts,
      };
    }
    case 'confusion':
      return {
        kind: 'confusion',
        set: request.set,
        classes: sharedClasses(models),
        models: models.map((m) => ({ label: m.label, matrix: m[request.set]?.confusion ?? null })),
        normalize: request.normalize,
        ...texts,
      };
    case 'importance': {
      const imp = data.comparison.importances;
      if (!imp) throw new ApiError('bad-input', 'The models have no kind of feature importance in common to compare.');
      const kind = imp.kind as ImportanceKind;
      const first = data.results.flatMap((r) => r.importances ?? []).find((s) => s.kind === kind);
      return {
        kind: 'importance',
        importance: kind,
        setTitle: first?.title ?? kind,
        features: imp.features,
        models: models.map((m, i) => ({ label: m.label, values: imp.values[i] })),
        top: request.top,
        ...texts,
      };
    }
  }
}

/** A k-class model's held-out rows as one class against the rest (y = 1 for the class, score = its probability). */
function oneClassScores(h: HeldOutScores | null, k: number, c: number, label: string, set: string): HeldOutScores | null {
  if (!h) return null;
  const { y, score } = oneVsRest(classScores(h, k, `${label}, ${set} set`), c);
  return { y: Array.from(y), score: Array.from(score) };
}

/** Matrices and curves of models that predict different classes cannot share axes. */
function sharedClasses(models: ComparedModel[]): string[] {
  const [first] = models;
  const other = models.find((m) => m.classes.length !== first.classes.length || m.classes.some((c, i) => c !== first.classes[i]));
  if (other) {
    throw new ApiError('bad-input', `${first.label} predicts ${first.classes.join(' / ')} but ${other.label} predicts ${other.classes.join(' / ')}; their charts cannot share axes.`);
  }
  return first.classes;
}
