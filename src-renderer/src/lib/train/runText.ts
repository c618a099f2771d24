import type { RunEstimate, RunProgress, RunSummary } from '../../../../src-main/core/search/runSummary';
import type { RunRecord } from '../../../../src-main/core/search/runRecord';
import { PHASE_LABELS } from '../../../../src-main/core/search/searchProgress';
import { modelLabel } from './trainForm';

/** 5 → "5 s", 75 → "1 min 15 s", 4000 → "1 h 07 min". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

const count = (n: number) => n.toLocaleString('en-US');

export function percentOf(done: number, total: number): number {
  return total > 0 ? Math.min(100, Math.max(0, Math.floor((done / total) * 100))) : 0;
}

/**
 * A span of time while it is uncertain: "20–40 s", "1–3 min", "45 s – 2 min",
 * "1 h 05 min – 2 h 10 min"; minutes are rounded outward so the span holds.
 */
export function formatRange(low: number, high: number): string {
  if (!Number.isFinite(low) || !Number.isFinite(high) || low < 0 || high < low) return '—';
  const lo = Math.round(low);
  const hi = Math.max(lo + 1, Math.round(high));
  if (hi < 60) return `${lo}–${hi} s`;
  if (hi < 3600 && lo >= 60) {
    const a = Math.floor(lo / 60);
    const b = Math.max(a + 1, Math.ceil(hi / 60));
    return `${a}–${b} min`;
  }
  return `${formatDuration(lo)} – ${formatDuration(hi)}`;
}

/** The time left or taken: a range while uncertain, else one number. */
function timeText(seconds: number, range: { low: number; high: number } | null): string {
  return range ? formatRange(range.low, range.high) : formatDuration(seconds);
}

/** "96 candidates · 182 fits (5-fold) · about 1–3 min" */
export function describeEstimate(e: RunEstimate): string {
  const parts = [`${count(e.candidates)} candidate${e.candidates === 1 ? '' : 's'}`, `${count(e.fits)} fits (${e.folds}-fold)`];
  parts.push(e.seconds === null ? 'time unknown (no dataset)' : `about ${timeText(Math.max(1, e.seconds), e.range)}`);
  return parts.join(' · ');
}

/** "12 of 485 fits · 42 s elapsed · about 1–3 min left" */
export function describeProgress(p: RunProgress): string {
  const parts = [`${count(Math.floor(p.fitsDone))} of ${count(p.fitsTotal)} fits`, `${formatDuration(p.elapsedSeconds)} elapsed`];
  if (p.etaSeconds !== null && p.fitsDone < p.fitsTotal) parts.push(`about ${timeText(p.etaSeconds, p.etaRange)} left`);
  return parts.join(' · ');
}

/** The step the run is in, with its own clock: "Refitting the best candidates · 4 s". */
export function describePhase(p: RunProgress): string {
  return `${PHASE_LABELS[p.phase]} · ${formatDuration(p.phaseElapsedSeconds)}`;
}

/**
 * What Cancel asks before it stops a run that has done real work (at least
 * one fit finished), or null when there is nothing to lose.
 */
export function cancelQuestion(p: RunProgress | null): string | null {
  if (!p || p.fitsFinished < 1) return null;
  return (
    `${count(p.fitsFinished)} of ${count(p.fitsTotal)} fits are done. A cancelled run keeps only the candidates scored on every fold, ` +
    'without refitting them, and the rest of this work is lost.'
  );
}

export function modelProgressLabel(m: RunProgress['models'][number]): string {
  const parts = [`${m.modelId} (${modelLabel(m.type)}): ${count(Math.floor(m.fitsDone))} of ${count(m.fitsTotal)} fits`];
  if (m.elapsedSeconds > 0) parts.push(`${formatDuration(m.elapsedSeconds)} elapsed`);
  if (m.etaSeconds !== null && m.fitsDone < m.fitsTotal) parts.push(`about ${formatDuration(m.etaSeconds)} left`);
  else if (m.fitsDone >= m.fitsTotal) parts.push('done');
  return parts.join(' · ');
}

export const STATUS_LABELS: Record<RunSummary['status'], string> = {
  queued: 'Queued',
  running: 'Running',
  complete: 'Complete',
  cancelled: 'Cancelled',
  failed: 'Failed',
};

/** One line under a run in a list: its champion, or why it stopped. */
export function runOutcome(s: RunSummary): string {
  if (s.status === 'complete' && s.champion) return `Champion ${s.champion.modelId}: test ${s.champion.metric} ${s.champion.value.toFixed(3)}`;
  if (s.status === 'queued') return 'Waiting for the run before it';
  if (s.status === 'running') return s.progress ? describeProgress(s.progress) : 'Preparing the data';
  return s.error ?? STATUS_LABELS[s.status];
}

/** The line under a run's title: dataset, start, the three parts' rows and how long it took. */
export function describeRun(s: RunSummary, record: RunRecord | null): string {
  return [
    s.datasetName,
    `started ${formatWhen(s.createdAt)}`,
    record ? `${count(record.rows.train)} training, ${count(record.rows.validation)} validation, ${count(record.rows.test)} test rows` : null,
    record ? `took ${formatDuration(record.seconds.total)}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** "22 Nov, 13:05" in the analyst's locale. */
export function formatWhen(iso: string): string {
  const d = new Date(iso);
  return d.toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}
