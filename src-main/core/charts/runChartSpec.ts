import { ApiError } from '../api/errors';
import { classConfusion, classScores, hasClassProbabilities } from '../evaluation/multiclass';
import { confusionAtThreshold } from '../metrics/thresholds';
import type { ModelResult, RunRecord } from '../search/runRecord';
import type { RunChartRequest, RunChartSpec } from './runCharts';

const SET_NAMES = { validation: 'validation set', test: 'test set' } as const;

function modelOf(record: RunRecord, modelId: string): ModelResult {
  const m = record.models.find((x) => x.modelId === modelId);
  if (!m) throw new ApiError('not-found', `The run has no model "${modelId}"; its models are ${record.models.map((x) => x.modelId).join(', ')}.`);
  return m;
}

function heldOutOf(m: ModelResult, set: 'validation' | 'test') {
  const s = m.heldOut?.[set];
  if (!s) {
    const why = set === 'test' ? 'only the champion is scored on the test set' : "the recipe's split has no validation set";
    throw new ApiError('bad-input', `Model "${m.modelId}" has no ${SET_NAMES[set]} predictions: ${why}${m.partial ? ', and the run stopped before it was refitted' : ''}.`);
  }
  return s;
}

/**
 * The chart a Run view asks for, with its data taken from the stored run:
 * held-out predictions for the confusion matrix and curves (at the asked
 * threshold), or one of the model's importance lists.
 */
export function runChartSpec(record: RunRecord, modelId: string, request: RunChartRequest): RunChartSpec {
  const m = modelOf(record, modelId);
  const at = (t: number | null) => (t === null ? '' : `, threshold ${t.toFixed(2)}`);
  switch (request.kind) {
    case 'confusion': {
      const s = heldOutOf(m, request.set);
      if (hasClassProbabilities(s)) {
        // k classes: the model's own predictions (the most probable class); a threshold belongs to one class, not to the matrix.
        return {
          kind: 'confusion',
          matrix: classConfusion(classScores(s, record.classes.length, `Model "${m.modelId}", ${SET_NAMES[request.set]}`)),
          classes: [...record.classes],
          normalize: request.normalize,
          title: request.title ?? `Confusion matrix: ${m.modelId}, ${SET_NAMES[request.set]}`,
          subtitle: request.subtitle ?? `${record.recipeName}, the most probable class`,
        };
      }
      const t = request.threshold ?? 0.5;
      const c = confusionAtThreshold(Int32Array.from(s.y), s.score, t);
      return {
        kind: 'confusion',
        matrix: [
          [c.tn, c.fp],
          [c.fn, c.tp],
        ],
        classes: [...record.classes],
        normalize: request.normalize,
        title: request.title ?? `Confusion matrix: ${m.modelId}, ${SET_NAMES[request.set]}`,
        subtitle: request.subtitle ?? `${record.recipeName}${at(t)}`,
      };
    }
    case 'roc':
    case 'pr': {
      const s = heldOutOf(m, request.set);
      if (hasClassProbabilities(s)) {
        const what = request.kind === 'roc' ? 'ROC curves' : 'Precision–recall curves';
        const mark = request.classIndex !== undefined && request.threshold !== null ? { classIndex: request.classIndex, threshold: request.threshold } : undefined;
        return {
          kind: request.kind === 'roc' ? 'rocClasses' : 'prClasses',
          classes: [...record.classes],
          scores: s,
          mark,
          title: request.title ?? `${what} per class: ${m.modelId}, ${SET_NAMES[request.set]}`,
        };
      }
      return {
        kind: request.kind,
        y: s.y,
        score: s.score,
        threshold: request.threshold ?? undefined,
        title: request.title ?? `${request.kind === 'roc' ? 'ROC curve' : 'Precision–recall curve'}: ${m.modelId}, ${SET_NAMES[request.set]}`,
        label: record.classes[1],
      };
    }
    case 'importance': {
      const set = m.importances?.[request.importance];
      if (!set) throw new ApiError('bad-input', `Model "${m.modelId}" has no importance list ${request.importance}${m.partial ? ' (the run stopped before it was refitted)' : ''}.`);
      return { kind: 'importance', set, top: request.top, title: request.title ?? `${set.title}: ${m.modelId}` };
    }
  }
}
