import type { Progress } from '../../../../src-main/core/api/contract';
import { formatBytes, formatCount } from '../grid/format';

export interface ProgressView {
  /** 0–100, or null when the total is unknown. */
  percent: number | null;
  /** e.g. "3.20 MB of 10.0 MB" or "12,000 rows". */
  amount: string;
}

export function describeProgress(p: Progress): ProgressView {
  const fmt = (n: number) => (p.unit === 'bytes' ? formatBytes(n) : `${formatCount(n)} ${p.unit}`);
  const total = p.total !== undefined && p.total > 0 ? p.total : undefined;
  const percent = total !== undefined ? Math.min(100, Math.max(0, Math.floor((p.done / total) * 100))) : null;
  const amount = total !== undefined ? `${fmt(p.done)} of ${fmt(total)}` : fmt(p.done);
  return { percent, amount };
}
