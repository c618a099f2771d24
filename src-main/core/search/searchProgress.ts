import type { SearchCosts } from './estimate';
import type { ModelPlan } from './plan';
import type { RunPhase, RunProgress } from './runSummary';
import { timeLeft, type JobState } from './timeLeft';

/** What each phase is called where a run's progress is shown. */
export const PHASE_LABELS: Record<RunPhase, string> = {
  'cross-validating': 'Cross-validating',
  refitting: 'Refitting the best candidates',
  scoring: 'Scoring held-out rows',
};

interface Job {
  model: number;
  /** When the job was sent to a worker. */
  startedAt: number | null;
  /** When its first units came, and the share then: a new worker boots before its first job, which is not the job's cost. */
  firstUnits: { at: number; share: number } | null;
  share: number;
  seconds: number | null;
}

/**
 * Where a search is: which cross-validation and refit jobs are queued,
 * running (with the share of their ensemble grown) or done (with how long
 * they took), the phase and when it began. Snapshots carry the time left
 * from the cost model corrected by the jobs seen so far. `now` is in seconds.
 */
export class SearchProgress {
  private readonly cv: Job[];
  private readonly refit: Job[];
  private readonly start: number;
  private phaseName: RunPhase = 'cross-validating';
  private phaseStart: number;
  private refitStarted = false;
  private readonly modelStart: (number | null)[];

  constructor(
    private readonly plans: ModelPlan[],
    private readonly costs: SearchCosts,
    private readonly workers: number,
    private readonly priorSpread: number,
    private readonly now: () => number,
  ) {
    const index = new Map(plans.map((p, i) => [p.modelId, i]));
    this.cv = costs.cv.map((c) => ({ model: index.get(c.modelId)!, startedAt: null, firstUnits: null, share: 0, seconds: null }));
    this.refit = plans.map((_, i) => ({ model: i, startedAt: null, firstUnits: null, share: 0, seconds: null }));
    this.start = now();
    this.phaseStart = this.start;
    this.modelStart = plans.map(() => null);
  }

  get phase(): RunPhase {
    return this.phaseName;
  }

  private job(kind: 'cv' | 'refit', id: number): Job {
    return (kind === 'cv' ? this.cv : this.refit)[id];
  }

  started(kind: 'cv' | 'refit', id: number): void {
    const j = this.job(kind, id);
    if (j.startedAt !== null) return;
    j.startedAt = this.now();
    this.modelStart[j.model] ??= j.startedAt;
    if (kind === 'refit') this.refitStarted = true;
  }

  /** Units (trees, rounds) grown inside a running job; once a refit has grown all of them, what remains is scoring. */
  units(kind: 'cv' | 'refit', id: number, share: number): void {
    this.started(kind, id);
    const j = this.job(kind, id);
    j.share = Math.min(1, Math.max(0, share));
    j.firstUnits ??= { at: this.now(), share: j.share };
    if (kind === 'refit' && this.phaseName === 'refitting' && this.refit.every((r) => r.seconds !== null || r.share >= 1)) this.enter('scoring');
  }

  /** `seconds`: what the worker measured the job took, when it says (a worker's boot is then left out). */
  finished(kind: 'cv' | 'refit', id: number, seconds?: number): void {
    this.started(kind, id);
    const j = this.job(kind, id);
    j.seconds = seconds ?? this.now() - (j.firstUnits?.at ?? j.startedAt!);
    j.share = 1;
  }

  /** A new phase starts its own clock, so a long refit never looks like a frozen counter. */
  enter(phase: RunPhase): void {
    if (phase === this.phaseName) return;
    this.phaseName = phase;
    this.phaseStart = this.now();
  }

  /** Fits finished so far, refits included (a cancelled run says how many). */
  get fitsFinished(): number {
    return [...this.cv, ...this.refit].filter((j) => j.seconds !== null).length;
  }

  snapshot(message: string): RunProgress {
    const t = this.now();
    const state = (j: Job): JobState => {
      if (j.seconds !== null) return { state: 'done', seconds: j.seconds };
      if (j.startedAt === null) return { state: 'queued' };
      // Timed from its first units, the share grown since then is what the elapsed time bought.
      if (j.firstUnits && j.share > j.firstUnits.share) {
        return { state: 'running', elapsed: t - j.firstUnits.at, share: j.share - j.firstUnits.share, left: 1 - j.share };
      }
      return { state: 'running', elapsed: t - j.startedAt, share: 0, left: 1 };
    };
    const left = timeLeft({
      cv: this.costs.cv.map((cost, i) => ({ cost, job: state(this.cv[i]) })),
      refit: this.costs.refit.map((cost, i) => ({ cost, scoreSeconds: cost.scoreSeconds, job: state(this.refit[i]) })),
      workers: this.workers,
      priorSpread: this.priorSpread,
      refitStarted: this.refitStarted,
    });
    const totals = this.plans.map((_, i) => this.cv.filter((j) => j.model === i).length + 1);
    const done = this.plans.map((_, i) => [...this.cv, this.refit[i]].filter((j) => j.model === i).reduce((s, j) => s + (j.seconds !== null ? 1 : j.share), 0));
    const fitsTotal = totals.reduce((a, b) => a + b, 0);
    return {
      fitsDone: Math.min(fitsTotal, done.reduce((a, b) => a + b, 0)),
      fitsFinished: this.fitsFinished,
      fitsTotal,
      elapsedSeconds: t - this.start,
      etaSeconds: left.seconds,
      etaRange: left.range,
      phase: this.phaseName,
      phaseElapsedSeconds: t - this.phaseStart,
      message,
      models: this.plans.map((p, i) => {
        const since = this.modelStart[i];
        return {
          modelId: p.modelId,
          type: p.type,
          fitsDone: Math.min(totals[i], done[i]),
          fitsTotal: totals[i],
          elapsedSeconds: since === null ? 0 : t - since,
          etaSeconds: left.models[p.modelId] ?? null,
        };
      }),
    };
  }
}
