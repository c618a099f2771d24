import type { RunProgress } from './runSummary';

/**
 * A progress snapshot `seconds` after it was taken: the elapsed clocks (the
 * run's, the phase's, each started model's) move on and the time left
 * counts down, never below zero, so a phase that reports nothing for a
 * while (a refit, the scoring) does not look frozen.
 */
export function advanceProgress(p: RunProgress, seconds: number): RunProgress {
  const dt = Math.max(0, seconds);
  if (dt === 0) return p;
  const down = (eta: number | null) => (eta === null ? null : Math.max(0, eta - dt));
  return {
    ...p,
    elapsedSeconds: p.elapsedSeconds + dt,
    phaseElapsedSeconds: p.phaseElapsedSeconds + dt,
    etaSeconds: down(p.etaSeconds),
    etaRange: p.etaRange && { low: Math.max(0, p.etaRange.low - dt), high: Math.max(0, p.etaRange.high - dt) },
    models: p.models.map((m) => ({
      ...m,
      elapsedSeconds: m.elapsedSeconds > 0 && m.fitsDone < m.fitsTotal ? m.elapsedSeconds + dt : m.elapsedSeconds,
      etaSeconds: m.fitsDone < m.fitsTotal ? down(m.etaSeconds) : m.etaSeconds,
    })),
  };
}
