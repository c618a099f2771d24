import type { RunEstimate, RunProgress, RunSummary } from '../../../../src-main/core/search/runSummary';
import type { RunRecord } from '../../../../src-main/core/search/runRecord';
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

/** "96 candidates · 485 fits · about 2 min 10 s" */
export function describeEstimate(e: RunEstimate): string {
  const parts = [`${count(e.candidates)} candidate${e.candidates === 1 ? '' : 's'}`, `${count(e.fits)} fits (${e.folds}-fold)`];
  parts.push(e.seconds === null ? 'time unknown (no dataset)' : `about ${formatDuration(Math.max(1, e.seconds))}`);
  return parts.join(' · ');
}

/** "12 of 485 fits · 0:42 elapsed · about 3 min left" */
export function describeProgress(p: RunProgress): string {
  const parts = [`${count(Math.floor(p.fitsDone))} of ${count(p.fitsTotal)} fits`, `${formatDuration(p.elapsedSeconds)} elapsed`];
  if (p.etaSeconds !== null && p.fitsDone < p.fitsTotal) parts.push(`about ${formatDuration(p.etaSeconds)} left`);
  return parts.join(' · ');
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
