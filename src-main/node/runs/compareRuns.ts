import { ApiError } from '../../core/api/errors';
import { buildComparison } from '../../core/compare/comparison';
import type { CompareInput, CompareOptions, Comparison } from '../../core/compare/types';
import { isActive } from '../../core/search/runSummary';
import type { RunQueue } from './runQueue';

/** A model of a stored run, as the comparison view names it. */
export interface RunModelRef {
  runId: number;
  modelId: string;
}

/**
 * The compared models with their runs' records. Each run is read once,
 * however many of its models are compared: the queue keeps only a few
 * records parsed, and four runs would push each other out.
 */
export function compareInputs(runs: RunQueue, models: RunModelRef[]): CompareInput[] {
  const loaded = new Map<number, Omit<CompareInput, 'modelId'>>();
  for (const { runId } of models) if (!loaded.has(runId)) loaded.set(runId, finishedRun(runs, runId));
  return models.map(({ runId, modelId }) => ({ ...loaded.get(runId)!, modelId }));
}

function finishedRun(runs: RunQueue, id: number): Omit<CompareInput, 'modelId'> {
  const summary = runs.summary(id);
  if (isActive(summary.status)) throw new ApiError('conflict', `Run ${id} is still ${summary.status}; compare it once it finishes.`);
  const record = runs.record(id);
  if (!record) {
    const why = summary.status === 'cancelled' ? 'it was cancelled' : 'it failed';
    throw new ApiError('not-found', `Run ${id} has no results to compare: ${why} before any model was scored.`);
  }
  return { run: id, title: summary.title || summary.recipeName, record };
}

/** The side-by-side comparison of 2–4 models of the project's runs, with its statistics. */
export function compareRuns(runs: RunQueue, models: RunModelRef[], options: CompareOptions): Comparison {
  return buildComparison(compareInputs(runs, models), options);
}
