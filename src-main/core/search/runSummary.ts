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

/** The steps of a search, each shown with its own elapsed time. */
export type RunPhase = 'cross-validating' | 'refitting' | 'scoring';

export interface RunProgress {
  /** Fits done, fractional while an ensemble is part grown. */
  fitsDone: number;
  /** Fits that have ended (what a cancelled run can keep). */
  fitsFinished: number;
  fitsTotal: number;
  elapsedSeconds: number;
  etaSeconds: number | null;
  /** Where the time left may fall while few fits have finished; null once it has settled. */
  etaRange: { low: number; high: number } | null;
  phase: RunPhase;
  /** Since the phase began. */
  phaseElapsedSeconds: number;
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
  /** The run's name: the analyst's, or made from the recipe name and what changed since the previous run of the same recipe. */
  title: string;
  /** The title the run gets when the analyst has not named it (shown as the rename box's placeholder). */
  defaultTitle: string;
  note: string;
  tags: string[];
  /** The models the recipe searches, with their candidate counts. */
  models: { modelId: string; type: string; candidates: number }[];
  /** The dataset's content hash as the run recorded it (null before it finished, or for old runs). */
  datasetHash: string | null;
  /** Wall time of a finished run; null while it is active or when it never started. */
  seconds: number | null;
}

export interface RunDetail {
  summary: RunSummary;
  /** What the run found; for a cancelled or failed run what it completed (models marked partial), or null. */
  record: RunRecord | null;
}

/** The size of a search before it starts. */
export interface RunEstimate {
  /** `explanation`: where the model's fit count comes from, in words that match its type. */
  models: { modelId: string; type: string; candidates: number; fits: number; explanation: string }[];
  candidates: number;
  /** Cross-validation fits plus one refit per model. */
  fits: number;
  /** What scikit-learn's GridSearchCV fits for the same grids (candidates × folds + 1 refit per model). */
  sklearnFits: number;
  /** Why `fits` and `sklearnFits` differ, or null when they do not. */
  fitsNote: string | null;
  folds: number;
  /** Wall-clock guess from the work of each fit (and this project's past runs), or null when there is no dataset. */
  seconds: number | null;
  /** Where the time may fall, as the rate is not known before a fit of this run has finished. */
  range: { low: number; high: number } | null;
  /** How the guess was made, for the tooltip. */
  basis: string;
}

export const ACTIVE_STATUSES: readonly RunStatus[] = ['queued', 'running'];

export function isActive(status: RunStatus): boolean {
  return status === 'queued' || status === 'running';
}
