import type { RunRecord } from './runRecord';

/** Where a run is in its life; only queued and running runs change. */
export type RunStatus = 'queued' | 'running' | 'complete' | 'cancelled' | 'failed';

export interface ModelProgress {
  modelId: string;
  type: string;
  /** Fits done, fractional while an ensemble is part grown. */
  fitsDone: number;
  fitsTotal: number;
  /** Since this model's first fit started (models share the workers, so they overlap). */
  elapsedSeconds: number;
  /** At this model's pace so far; null before any of its fits has progressed. */
  etaSeconds: number | null;
}

export interface RunProgress {
  fitsDone: number;
  fitsTotal: number;
  elapsedSeconds: number;
  etaSeconds: number | null;
  /** Per model, in recipe order. */
  models: ModelProgress[];
  message: string;
}

/** A run as the queue and the runs list show it. */
export interface RunSummary {
  id: number;
  recipeId: number | null;
  recipeName: string;
  datasetName: string;
  status: RunStatus;
  createdAt: string;
  finishedAt: string | null;
  /** Live while queued or running; the last progress of a cancelled or failed run. */
  progress: RunProgress | null;
  /** The champion's test-set value of the champion metric. */
  champion: { modelId: string; metric: string; value: number } | null;
  /** Why a run failed, or how far a cancelled one got. */
  error: string | null;
}

export interface RunDetail {
  summary: RunSummary;
  /** What the run found; for a cancelled or failed run what it completed (models marked partial), or null. */
  record: RunRecord | null;
}

/** The size of a search before it starts. */
export interface RunEstimate {
  models: { modelId: string; type: string; candidates: number; fits: number }[];
  candidates: number;
  /** Cross-validation fits plus one refit per model. */
  fits: number;
  folds: number;
  /** Wall-clock guess from this project's past runs of the same model types, or null when there is none. */
  seconds: number | null;
  /** How the guess was made, for the tooltip. */
  basis: string;
}

export const ACTIVE_STATUSES: readonly RunStatus[] = ['queued', 'running'];

export function isActive(status: RunStatus): boolean {
  return status === 'queued' || status === 'running';
}
