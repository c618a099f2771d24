import { POOL_START_SECONDS, type SearchCosts } from './estimate';

/**
 * Whether a search is small enough to run in the calling thread rather than
 * in worker processes: when the estimated seconds of all its fits together
 * (cross-validation, refits and their scoring, one after another) are no
 * more than starting one worker costs. A pool of w workers takes about
 * start + work / w, so below that line it cannot win for any w, and the
 * calling thread is never held for long (each job yields to it in turn).
 */
export function isSmallSearch(costs: SearchCosts): boolean {
  let seconds = 0;
  for (const j of costs.cv) seconds += j.seconds;
  for (const j of costs.refit) seconds += j.seconds + j.scoreSeconds;
  return seconds <= POOL_START_SECONDS;
}
