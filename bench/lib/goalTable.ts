/**
 * The goals of a benchmark run as data: one line per measured goal, with
 * Assay's figure, the reference's, the target and whether it was met. Pure,
 * so the summary's verdicts and formatting are tested apart from the
 * benchmarks that take minutes to produce the figures.
 */

/**
 * How a goal is judged:
 * - `ratio`: Assay / reference ≤ max (time against pandas, scikit-learn, …);
 * - `max`: Assay ≤ max, or < max when `strict` (peak memory, start-up time);
 * - `plus`: Assay ≤ reference + max (validation errors);
 * - `within`: |Assay − reference| ≤ max (best CV recall).
 */
export type GoalTarget =
  | { kind: 'ratio'; max: number }
  | { kind: 'max'; max: number; strict?: boolean }
  | { kind: 'plus'; max: number }
  | { kind: 'within'; max: number };

export type GoalUnit = 's' | 'ms' | 'MB' | 'errors' | 'recall';

export interface GoalLine {
  /** The goal's number in issue 16. */
  goal: number;
  /** What is measured, e.g. "1M rows: total / search time". */
  what: string;
  unit: GoalUnit;
  assay: number;
  /** The reference's figure; null when the goal has none (an absolute target) or it could not be run. */
  reference: number | null;
  target: GoalTarget;
  /** The data it was measured on. */
  on: string;
  /** When it was measured (ISO), set by whoever records it. */
  at?: string;
}

export type GoalVerdict = 'met' | 'missed' | 'no reference';

const needsReference = (t: GoalTarget) => t.kind !== 'max';

export function goalVerdict(l: GoalLine): GoalVerdict {
  const t = l.target;
  if (t.kind === 'max') return (t.strict ? l.assay < t.max : l.assay <= t.max) ? 'met' : 'missed';
  if (l.reference === null) return 'no reference';
  const ok =
    t.kind === 'ratio' ? l.assay / l.reference <= t.max : t.kind === 'plus' ? l.assay <= l.reference + t.max : Math.abs(l.assay - l.reference) <= t.max;
  return ok ? 'met' : 'missed';
}

const digits = (unit: GoalUnit) => (unit === 'recall' ? 4 : unit === 's' ? 2 : 0);

function number(x: number, d: number): string {
  return x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
}

function figure(x: number | null, unit: GoalUnit): string {
  if (x === null) return '—';
  const n = number(x, digits(unit));
  return unit === 'recall' || unit === 'errors' ? n : `${n} ${unit}`;
}

/** The ratio for ratio and absolute targets, the signed difference for difference targets. */
export function goalComparison(l: GoalLine): string {
  if (l.reference === null) return '—';
  if (l.target.kind === 'plus' || l.target.kind === 'within') {
    const d = l.assay - l.reference;
    // U+2212 for the minus sign, as the README's tables print it.
    return `${d < 0 ? '−' : '+'}${number(Math.abs(d), digits(l.unit))}`;
  }
  return l.reference === 0 ? '—' : `${(l.assay / l.reference).toFixed(2)}×`;
}

export function targetText(t: GoalTarget, unit: GoalUnit): string {
  switch (t.kind) {
    case 'ratio':
      return `≤ ${t.max}×`;
    case 'max':
      return `${t.strict ? '<' : '≤'} ${figure(t.max, unit)}`;
    case 'plus':
      return `≤ reference + ${t.max}`;
    case 'within':
      return `within ± ${t.max}`;
  }
}

/** The last line recorded for each goal and measure (a rerun replaces its figure), by goal number. */
export function latestPerMeasure(lines: readonly GoalLine[]): GoalLine[] {
  const byKey = new Map<string, GoalLine>();
  for (const l of lines) {
    const key = `${l.goal}\u0000${l.what}`;
    byKey.delete(key);
    byKey.set(key, l);
  }
  return [...byKey.values()].sort((a, b) => a.goal - b.goal);
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

/** A markdown table, one row per line, in the order given. */
export function formatGoalTable(lines: readonly GoalLine[]): string {
  const out = ['| goal | measure | Assay | reference | ratio | target | result | data |', '|---|---|---|---|---|---|---|---|'];
  for (const l of lines) {
    const reference = needsReference(l.target) || l.reference !== null ? figure(l.reference, l.unit) : '—';
    out.push(
      `| ${[String(l.goal), l.what, figure(l.assay, l.unit), reference, goalComparison(l), targetText(l.target, l.unit), goalVerdict(l), l.on].map(cell).join(' | ')} |`,
    );
  }
  return out.join('\n') + '\n';
}
