import type { ModelCheck } from '../../../../src-main/core/scoring/scoreTypes';
import type { ThresholdInput } from './thresholdInput';

/** Where the column check of the chosen model against the chosen dataset stands. */
export type CheckState =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'done'; result: ModelCheck }
  /** The model or dataset could not be read (a damaged or foreign file, a run without its model): the host's sentence. */
  | { status: 'error'; message: string };

export interface ScoreInputs {
  hasModel: boolean;
  hasDataset: boolean;
  check: CheckState;
  threshold: ThresholdInput;
  scoring: boolean;
  importing: boolean;
}

/** Why Score cannot run now, in a sentence shown beside the disabled button; null when it can. */
export function scoreBlocker(s: ScoreInputs): string | null {
  if (s.scoring) return 'A scoring is running; wait for it or cancel it.';
  if (!s.hasModel) return 'Choose a model: from a finished run, or open a .assaymodel file.';
  if (s.importing) return 'Wait for the import to finish.';
  if (!s.hasDataset) return 'Choose a dataset to score, or import one.';
  switch (s.check.status) {
    case 'idle':
    case 'checking':
      return 'Checking the columns the model needs…';
    case 'error':
      return 'The model could not be checked against this dataset (see above).';
    case 'done':
      if (!s.check.result.check.ok) {
        const n = s.check.result.check.problems.length;
        return `The dataset does not fit the model: ${n} column problem${n === 1 ? '' : 's'} (listed above).`;
      }
  }
  if (!s.threshold.ok) return s.threshold.message;
  return null;
}
