import type { JobCost } from './estimate';
import { POOL_START_SECONDS } from './estimate';

/**
 * Time left in a search, from the cost model corrected by the fits seen so
 * far. Each model's correction (actual ÷ estimated seconds) is a running
 * ratio that starts from the prior, worth PRIOR_JOBS jobs, so the first few
 * fits move it without taking it over; a model that has not yet finished a
 * fit borrows the correction of the others (the machine is the same).
 */

/** How many jobs' worth of evidence the cost model counts for. */
export const PRIOR_JOBS = 2;

/** Below this range ratio (high ÷ estimate) the time left is shown as one number. */
export const RANGE_SHOWN_ABOVE = 1.25;

export type JobState =
  | { state: 'queued' }
  /** `share` of the job took `elapsed` seconds; `left` of it remains. */
  | { state: 'running'; elapsed: number; share: number; left: number }
  | { state: 'done'; seconds: number };

export interface TimeLeftInput {
  /** Cross-validation jobs with their prior seconds, and where each is. */
  cv: { cost: JobCost; job: JobState }[];
  /** One refit per model: its fit and its scoring (permutation importance, predictions) in prior seconds. */
  refit: { cost: JobCost; scoreSeconds: number; job: JobState }[];
  workers: number;
  /** How many times off the prior may be before any fit has finished (2 for built-in rates). */
  priorSpread: number;
  /** True once the refit pool has started (its start-up is then spent). */
  refitStarted: boolean;
}

export interface TimeLeft {
  seconds: number;
  /** Where it may fall while few fits are done; null once the estimate has settled. */
  range: { low: number; high: number } | null;
  /** Per model id: time until its last job (refit included) ends. */
  models: Record<string, number>;
  /** The correction applied per model id (1 = as the cost model said). */
  correction: Record<string, number>;
}

function observed(j: JobState, prior: number): { actual: number; expected: number } | null {
  if (j.state === 'done') return { actual: j.seconds, expected: prior };
  // A running job that has grown part of its ensemble tells as much as that part.
  if (j.state === 'running' && j.share > 0) return { actual: j.elapsed, expected: prior * j.share };
  return null;
}

/** Actual ÷ prior seconds per model, each pulled toward the all-model ratio by PRIOR_JOBS average jobs. */
export function corrections(jobs: { cost: JobCost; job: JobState }[]): Record<string, number> {
  const byModel = new Map<string, { actual: number; expected: number; prior: number; n: number }>();
  let actual = 0;
  let expected = 0;
  let priorSum = 0;
  for (const { cost, job } of jobs) {
    const m = byModel.get(cost.modelId) ?? { actual: 0, expected: 0, prior: 0, n: 0 };
    m.prior += cost.seconds;
    m.n++;
    const o = observed(job, cost.seconds);
    if (o) {
      m.actual += o.actual;
      m.expected += o.expected;
      actual += o.actual;
      expected += o.expected;
    }
    priorSum += cost.seconds;
    byModel.set(cost.modelId, m);
  }
  const meanJob = jobs.length ? priorSum / jobs.length : 0;
  const all = (actual + PRIOR_JOBS * meanJob) / (expected + PRIOR_JOBS * meanJob) || 1;
  const out: Record<string, number> = {};
  for (const [id, m] of byModel) {
    const mean = m.n ? m.prior / m.n : 0;
    out[id] = (m.actual + PRIOR_JOBS * mean * all) / (m.expected + PRIOR_JOBS * mean) || all;
  }
  return out;
}

/** Longest first onto the worker free soonest, as the pool runs them; the finish time of each job. */
function schedule(seconds: number[], workers: number, busy: number[]): number[] {
  const free = Array.from({ length: Math.max(1, workers) }, (_, i) => busy[i] ?? 0);
  const order = seconds.map((_, i) => i).sort((a, b) => seconds[b] - seconds[a]);
  const end = new Array<number>(seconds.length).fill(0);
  for (const i of order) {
    let k = 0;
    for (let w = 1; w < free.length; w++) if (free[w] < free[k]) k = w;
    free[k] += seconds[i];
    end[i] = free[k];
  }
  return end;
}

/** The time left and its range, from the prior cost of every job and what the finished and running ones took. */
export function timeLeft(input: TimeLeftInput): TimeLeft {
  const c = corrections([...input.cv, ...input.refit.map((r) => ({ cost: { ...r.cost, seconds: r.cost.seconds + r.scoreSeconds }, job: r.job }))]);
  const left = (cost: JobCost, job: JobState, extra = 0) => {
    const total = (cost.seconds + extra) * (c[cost.modelId] ?? 1);
    if (job.state === 'done') return 0;
    // A job that reports its trees is that share done; one that does not (a linear fit) has spent its elapsed time.
    if (job.state === 'running') return job.share > 0 ? total * job.left : Math.max(0, total - job.elapsed);
    return total;
  };
  const models: Record<string, number> = {};
  const running = input.cv.filter((j) => j.job.state === 'running').map((j) => left(j.cost, j.job));
  const queued = input.cv.filter((j) => j.job.state === 'queued');
  const ends = schedule(queued.map((j) => left(j.cost, j.job)), input.workers, running);
  const cvEnd = Math.max(0, ...ends, ...running);
  input.cv.forEach((j) => {
    if (j.job.state === 'running') models[j.cost.modelId] = Math.max(models[j.cost.modelId] ?? 0, left(j.cost, j.job));
  });
  queued.forEach((j, i) => (models[j.cost.modelId] = Math.max(models[j.cost.modelId] ?? 0, ends[i])));
  const refitWorkers = Math.max(1, Math.min(input.workers, input.refit.length));
  const refitLeft = input.refit.map((r) => left(r.cost, r.job, r.scoreSeconds));
  const refitStart = cvEnd + (input.refitStarted ? 0 : POOL_START_SECONDS);
  const refitEnds = schedule(refitLeft, refitWorkers, []);
  input.refit.forEach((r, i) => (models[r.cost.modelId] = refitStart + refitEnds[i]));
  const seconds = refitStart + Math.max(0, ...refitEnds);

  const finished = [...input.cv, ...input.refit].filter((j) => j.job.state === 'done').length;
  const ratio = rangeRatio(input.priorSpread, finished);
  return { seconds, range: ratio >= RANGE_SHOWN_ABOVE ? { low: seconds / ratio, high: seconds * ratio } : null, models, correction: c };
}

/** How far the time left may be off: the prior's spread, narrowing as 1/√(1 + fits finished). */
export function rangeRatio(priorSpread: number, finished: number): number {
  return 1 + (priorSpread - 1) / Math.sqrt(1 + finished);
}
