/**
 * The comparison's tables as data: what each side-by-side table shows, and
 * the same rows for its exports (`toTsv` copies them at full precision; the
 * picture is drawn from them as shown).
 */
import type { ParamValue } from '../../../../src-main/core/ml/params';
import type { Cell, Table } from '../../../../src-main/core/evaluation/tsv';
import type { ComparedModel, Comparison, MetricRow, ParamRow, StepsSide } from '../../../../src-main/core/compare/types';
import { stepName, upperFirst } from '../../../../src-main/core/recipe/recipePaths';
import { formatValue } from '../train/paramText';

export type ScoredSet = 'cv' | 'validation' | 'test';

export const SET_LABELS: Record<ScoredSet, string> = { cv: 'CV mean ± std', validation: 'Validation', test: 'Test' };

/** Shown where a model has no value: no such score, or no such parameter. */
export const NONE = '—';

export interface MetricCell {
  text: string;
  best: boolean;
}

export interface MetricsView {
  /** The sets any model was scored on, in this order. */
  sets: ScoredSet[];
  /** cells[model][set], sets as in `sets`. */
  rows: { metric: string; cells: MetricCell[][] }[];
}

const SETS: readonly ScoredSet[] = ['cv', 'validation', 'test'];
const score = (x: number) => x.toFixed(3);

function hasSet(rows: readonly MetricRow[], set: ScoredSet): boolean {
  return rows.some((r) => (set === 'cv' ? r.cv : r[set]).some((v) => v !== null));
}

/** Rows = metrics, per model one column per set; the best model(s) of each row and set marked. */
export function metricsView(c: Pick<Comparison, 'models' | 'metrics'>): MetricsView {
  const sets = SETS.filter((s) => hasSet(c.metrics, s));
  const rows = c.metrics.map((r) => ({
    metric: r.metric,
    cells: c.models.map((_, m) =>
      sets.map((s) => {
        if (s === 'cv') {
          const cv = r.cv[m];
          return { text: cv ? `${score(cv.mean)} ± ${score(cv.std)}` : NONE, best: !!cv && r.best.cv.includes(m) };
        }
        const v = r[s][m];
        return { text: v === null ? NONE : score(v), best: v !== null && r.best[s].includes(m) };
      }),
    ),
  }));
  return { sets, rows };
}

/** Every set, mean and std apart, so a spreadsheet gets numbers it can compute with. */
export function metricsExport(c: Pick<Comparison, 'models' | 'metrics'>): Table {
  const header = ['metric', ...c.models.flatMap((m) => [`${m.label} CV mean`, `${m.label} CV std`, `${m.label} validation`, `${m.label} test`])];
  const rows = c.metrics.map((r) => [r.metric, ...c.models.flatMap((_, i) => [r.cv[i]?.mean ?? null, r.cv[i]?.std ?? null, r.validation[i], r.test[i]])]);
  return { header, rows };
}

/** As Python prints it, since the analyst compares against scikit-learn; a dash where the model type has no such parameter. */
export function paramText(v: ParamValue | undefined): string {
  return v === undefined ? NONE : formatValue(v);
}

export function shownParams(rows: readonly ParamRow[], differencesOnly: boolean): ParamRow[] {
  return differencesOnly ? rows.filter((r) => r.differs) : [...rows];
}

const paramCell = (v: ParamValue | undefined): Cell => (v === undefined ? null : typeof v === 'number' ? v : formatValue(v));

export function paramsExport(models: readonly ComparedModel[], rows: readonly ParamRow[]): Table {
  return { header: ['parameter', ...models.map((m) => m.label)], rows: rows.map((r) => [r.name, ...r.values.map(paramCell)]) };
}

export interface StepsRow {
  /** One per model: the step in words ('' past the end of its recipe) and the leakage note on it, if any. */
  cells: { text: string; leak: string | null }[];
  differs: boolean;
}

/** The recipes' steps lined up by position. */
export function stepsView(sides: readonly StepsSide[]): StepsRow[] {
  const length = Math.max(0, ...sides.map((s) => s.steps.length));
  return Array.from({ length }, (_, i) => {
    const cells = sides.map((s) => ({
      text: s.steps[i] ?? '',
      leak: s.steps[i] === undefined ? null : (s.leakage.filter((l) => l.step === i).map((l) => l.message).join(' ') || null),
    }));
    return { cells, differs: cells.some((x) => x.text !== cells[0].text) };
  });
}

export function stepsExport(models: readonly ComparedModel[], rows: readonly StepsRow[]): Table {
  return { header: ['step', ...models.map((m) => m.label)], rows: rows.map((r, i) => [i + 1, ...r.cells.map((c) => c.text || null)]) };
}

/** The leakage each run was warned of, per model; once for all when every model ran the same steps (the same warnings). */
export function leakageNotes(models: readonly ComparedModel[], steps: Comparison['steps']): { model: string | null; text: string }[] {
  const notes = models.flatMap((m, i) => (steps.sides[i]?.leakage ?? []).map((l) => ({ model: m.label, text: `${upperFirst(stepName(l.step, l.op))}: ${l.message}` })));
  if (steps.differ) return notes;
  return [...new Set(notes.map((n) => n.text))].map((text) => ({ model: null, text }));
}

/** Row shares of a 2×2 (or k×k) matrix, rows = actual class. */
function rowShares(m: number[][]): number[] {
  return m.flatMap((row) => {
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((x) => (total ? x / total : 0));
  });
}

/** The top of the one colour scale the matrices share: the largest count, or the largest row share, of any of them. */
export function sharedScaleMax(matrices: readonly (number[][] | null)[], normalize: boolean): number {
  const values = matrices.flatMap((m) => (m ? (normalize ? rowShares(m) : m.flat()) : []));
  return Math.max(1e-12, ...values);
}

/** What the matrices are of: the set and rows they share, or why there is no such set. */
export function confusionNote(c: Pick<Comparison, 'models' | 'confusion' | 'settings'>): string {
  const set = c.confusion.set;
  if (!set) return `No side-by-side matrices: ${c.confusion.reason ?? 'the models share no held-out set.'}`;
  const rows = c.models[0]?.rows[set] ?? 0;
  const rule = (c.models[0]?.classes.length ?? 2) > 2 ? 'each row predicted as its most probable class' : `positive when p > ${c.settings.threshold}`;
  return `On the same ${rows.toLocaleString('en-US')} ${set} rows for every model, ${rule}; one colour scale for all.`;
}

export function confusionExport(models: readonly ComparedModel[], matrices: readonly (number[][] | null)[]): Table {
  const classes = models[0]?.classes ?? ['0', '1'];
  const rows = models.flatMap((m, i) => (matrices[i] ?? []).map((row, r): Cell[] => [m.label, m.classes[r] ?? String(r), ...row]));
  return { header: ['model', 'actual', ...classes.map((c) => `predicted ${c}`)], rows };
}

/** The set to overlay curves on: the one the matrices share, else one every model was scored on (each on its own rows). */
export function curveSet(c: Pick<Comparison, 'models' | 'confusion'>): 'validation' | 'test' | null {
  if (c.confusion.set) return c.confusion.set;
  if (c.models.every((m) => m.validation !== null)) return 'validation';
  if (c.models.every((m) => m.test !== null)) return 'test';
  return null;
}

export function curvesNote(c: Pick<Comparison, 'models' | 'confusion'>): string {
  const set = curveSet(c);
  if (!set) return 'No curves: the models were not all scored on one held-out set.';
  if (set === c.confusion.set) return `On the same ${set} rows for every model.`;
  return `Each model on its own ${set} rows: they are not the same rows, so read the differences with care.`;
}

export function importancesExport(models: readonly ComparedModel[], importances: NonNullable<Comparison['importances']>): Table {
  return {
    header: ['feature', ...models.map((m) => m.label)],
    rows: importances.features.map((f, i) => [f, ...models.map((_, m) => importances.values[m]?.[i] ?? null)]),
  };
}
