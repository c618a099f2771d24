import type { DatasetInfo } from '../../../../src-main/core/data/columns';
import type { RunSummary } from '../../../../src-main/core/search/runSummary';
import { modelLabel } from '../train/trainForm';

/** The model the Score view scores with: a model of a finished run, or a `.assaymodel` file staged on the host. */
export type ModelChoice = { kind: 'run'; runId: number; modelId: string } | { kind: 'file'; path: string; displayName: string };

/** The `source` the model.* API methods take. */
export type ModelSource = { runId: number; modelId: string } | { path: string; displayName: string };

export function modelSource(c: ModelChoice): ModelSource {
  return c.kind === 'run' ? { runId: c.runId, modelId: c.modelId } : { path: c.path, displayName: c.displayName };
}

export function sameChoice(a: ModelChoice | null, b: ModelChoice | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind === 'run' && b.kind === 'run') return a.runId === b.runId && a.modelId === b.modelId;
  if (a.kind === 'file' && b.kind === 'file') return a.path === b.path;
  return false;
}

/**
 * Runs whose models can be scored, newest first: the finished ones, and the
 * cancelled ones, which keep the models they refitted before they stopped
 * (the host names a model that was not refitted when it is checked).
 */
export function scorableRuns(list: readonly RunSummary[]): RunSummary[] {
  return list.filter((r) => r.status === 'complete' || r.status === 'cancelled').sort((a, b) => b.id - a.id);
}

export interface ModelOption {
  modelId: string;
  label: string;
  champion: boolean;
}

/** A run's models for a select, the champion first (it is the one a run is usually scored with). */
export function runModelOptions(run: RunSummary): ModelOption[] {
  const champion = run.champion?.modelId ?? null;
  const options = run.models.map((m) => ({
    modelId: m.modelId,
    champion: m.modelId === champion,
    label: `${m.modelId}${m.modelId === champion ? ' ★ champion' : ''} · ${modelLabel(m.type)}`,
  }));
  return [...options.filter((o) => o.champion), ...options.filter((o) => !o.champion)];
}

/** The model of `run` to score with: the one asked for if the run has it, else its champion, else its first. */
export function settleModel(run: RunSummary, wanted: string | null): string | null {
  const options = runModelOptions(run);
  return options.find((o) => o.modelId === wanted)?.modelId ?? options[0]?.modelId ?? null;
}

/** How a run reads in a select: its number, title and result. */
export function runOptionLabel(run: RunSummary): string {
  return `#${run.id} ${run.title}${run.status === 'cancelled' ? ' (cancelled)' : ''}`;
}

/**
 * The dataset scored by default: the one the model was trained on (the same
 * content, else the same name), else the one shown in the Data view, else the
 * first — a model is most often checked first on the data it came from.
 */
export function defaultDataset(list: readonly DatasetInfo[], trainedOn: { contentHash: string | null; name: string } | null, shown: number | null): number | null {
  if (trainedOn) {
    const same = (trainedOn.contentHash !== null && list.find((d) => d.contentHash === trainedOn.contentHash)) || list.find((d) => d.name === trainedOn.name);
    if (same) return same.id;
  }
  return list.find((d) => d.id === shown)?.id ?? list[0]?.id ?? null;
}
