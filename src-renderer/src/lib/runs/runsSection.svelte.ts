import type { RunsMode } from '../state/route';

/** Which of the Runs section's modes is shown: one run, the table of all runs, or the comparison. */
class RunsSection {
  mode = $state<RunsMode>('run');
}

export const runsSection = new RunsSection();
