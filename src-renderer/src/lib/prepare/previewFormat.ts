import type { PreviewCell, PreviewPart, RecipePreview } from '../../../../src-main/core/recipe/preview';
import type { RecipeWarning } from '../../../../src-main/core/recipe/warnings';
import { RARE_CLASS_SHARE } from '../../../../src-main/core/recipe/warnings';
import type { TargetBalance } from '../../../../src-main/core/recipe/preview';

/** How the preview panel words the table's shape and cells. */

const count = (n: number) => n.toLocaleString('en-US');

/** "11,450 × 25" per part, in the order train, validation, test; else the table the steps left (before a failing step). */
export function shapeLines(p: RecipePreview): { part: PreviewPart; label: string; rows: number; text: string }[] {
  const cols = p.mode === 'split' ? p.features.length : p.columns.length;
  const whole = p.failure?.step !== undefined ? `Before step ${p.failure.step + 1}` : 'Whole table';
  const parts: [PreviewPart, string, number | null | undefined][] =
    p.mode === 'split'
      ? [
          ['train', 'Train', p.rows.train],
          ['validation', 'Validation', p.rows.validation],
          ['test', 'Test', p.rows.test],
        ]
      : [['whole', whole, p.rows.whole]];
  return parts
    .filter((x): x is [PreviewPart, string, number] => typeof x[2] === 'number')
    .map(([part, label, rows]) => ({ part, label, rows, text: `${count(rows)} × ${count(cols)}` }));
}

/** Class shares of one part, e.g. "claim 50.3 % · opinion 49.7 %". */
export function classShares(counts: readonly { label: string; rows: number }[]): string {
  const total = counts.reduce((s, c) => s + c.rows, 0);
  if (!total) return '';
  return counts.map((c) => `${c.label} ${((100 * c.rows) / total).toFixed(1)} %`).join(' · ');
}

export function formatCell(v: PreviewCell): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
  return v.length > 60 ? `${v.slice(0, 57)}…` : v;
}

const ORDER: Record<RecipeWarning['severity'], number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then notes; the engine's order within each. */
export function sortedWarnings(ws: readonly RecipeWarning[]): RecipeWarning[] {
  return ws.map((w, i) => ({ w, i })).sort((a, b) => ORDER[a.w.severity] - ORDER[b.w.severity] || a.i - b.i).map((x) => x.w);
}

/** What a warning's details toggle holds, e.g. "4 pairs, 5 VIFs". */
export function detailsSummary(w: RecipeWarning): string {
  const pairs = w.group?.pairs.length ?? 0;
  const vifs = w.group?.vifs.length ?? 0;
  const parts = [pairs ? `${pairs} ${pairs === 1 ? 'pair' : 'pairs'} with r` : '', vifs ? `${vifs === 1 ? 'the VIF' : `${vifs} VIFs`}` : ''].filter(Boolean);
  return parts.length ? parts.join(', ') : `${w.details?.length ?? 0} lines`;
}

export interface BalanceBar {
  name: string;
  count: number;
  share: number;
  /** "1,639 · 8.5 %" */
  text: string;
  /** Bar length in % of the widest class's bar. */
  width: number;
  /** Below the share the rare-class warning reports (its wording and fix are in the warnings list). */
  rare: boolean;
}

/** The target's classes as bars: count and share of the prepared rows, the largest class a full bar. */
export function balanceBars(b: TargetBalance | null | undefined): BalanceBar[] {
  if (!b || !b.classes.length) return [];
  const max = Math.max(...b.classes.map((c) => c.count), 1);
  return b.classes.map((c) => ({
    name: c.name,
    count: c.count,
    share: c.share,
    text: `${count(c.count)} · ${(100 * c.share).toFixed(1)} %`,
    width: (100 * c.count) / max,
    rare: c.share < RARE_CLASS_SHARE,
  }));
}
