import { isRope } from '../../../../src-main/core/compare/types';
import type { Comparison } from '../../../../src-main/core/compare/types';

/** The ROPE field: a half-width between 0 and 1 (what `run.compare` accepts), or why not. */
export function parseRope(text: string): { value: number | null; error: string | null } {
  const t = text.trim();
  const x = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t) ? Number(t) : NaN;
  if (!isRope(x)) return { value: null, error: 'The region of practical equivalence is a half-width from 0 to below 1.' };
  return { value: x, error: null };
}

/** The metrics the corrected t-test can use: those every model has cross-validation scores for, in the table's order. */
export function testMetrics(c: Pick<Comparison, 'models' | 'metrics'>): string[] {
  return c.metrics.map((r) => r.metric).filter((metric) => c.models.every((m) => m.cv[metric] !== undefined));
}
