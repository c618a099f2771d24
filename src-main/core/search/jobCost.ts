import type { SearchJob } from './jobs';

/**
 * Relative cost of a search job, so the pool starts the longest first and
 * the workers finish together: trees × depth (an unlimited depth counts as
 * 16), a refit a quarter more for its scoring.
 */
export function jobCost(job: SearchJob): number {
  const p = job.kind === 'cv' ? job.group.params : job.params;
  const trees = typeof p.nEstimators === 'number' ? p.nEstimators : 1;
  const depth = typeof p.maxDepth === 'number' ? p.maxDepth : 16;
  return trees * depth * (job.kind === 'final' ? 1.25 : 1);
}
