import type { Progress } from '../../../../src-main/core/api/contract';

export interface BuildProgressView {
  /** "Sorting 1,000,000 rows by video_view_count… 40 %". */
  text: string;
  /** 0–100, or null while the host has not said how far it is (an indeterminate bar). */
  percent: number | null;
}

/** What the grid shows while the host builds a sorted or filtered view; `p` null before its first report. */
export function buildProgressView(p: Progress | null): BuildProgressView {
  if (!p) return { text: 'Preparing the view…', percent: null };
  const message = p.message ?? 'Preparing the view';
  if (!p.total) return { text: `${message}…`, percent: null };
  // Floored, so 100 % only shows when the work is done.
  const percent = Math.max(0, Math.min(100, Math.floor((100 * p.done) / p.total)));
  return { text: `${message}… ${percent} %`, percent };
}
