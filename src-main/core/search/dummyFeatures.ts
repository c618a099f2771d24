/**
 * Which features are 0/1 indicators made by a oneHot step, with the category
 * each one stands for and the base it is compared with (the dropped first
 * category), so a coefficient reads "being opinion rather than claim"
 * instead of "each additional unit of claim_status_opinion".
 */
import type { Step } from '../recipe/schema';

export interface DummyFeature {
  feature: string;
  /** The encoded column ("claim_status"). */
  column: string;
  /** The category the indicator is 1 for ("opinion"). */
  value: string;
  /** The dropped first category ("claim"); null when no category was dropped. */
  base: string | null;
}

interface OneHotLearned {
  columns?: unknown;
  base?: Record<string, unknown>;
}

/** The indicators among `features`, from the recipe's oneHot steps and what they learned (by step index). */
export function dummyFeatures(steps: readonly Step[], learned: Record<number, unknown>, features: readonly string[]): DummyFeature[] {
  const kept = new Set(features);
  const out: DummyFeature[] = [];
  steps.forEach((step, i) => {
    if (step.op !== 'oneHot') return;
    const l = (learned[i] ?? {}) as OneHotLearned;
    const names = Array.isArray(l.columns) ? l.columns.filter((n): n is string => typeof n === 'string') : [];
    for (const feature of names) {
      if (!kept.has(feature)) continue;
      // The longest listed column that prefixes the name, so "a_b" wins over "a" for "a_b_x".
      const column = [...step.columns].sort((a, b) => b.length - a.length).find((c) => feature.startsWith(`${c}_`));
      if (!column) continue;
      const base = l.base?.[column];
      out.push({ feature, column, value: feature.slice(column.length + 1), base: typeof base === 'string' ? base : null });
    }
  });
  return out;
}
