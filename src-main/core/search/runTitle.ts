import type { ModelConfig, Recipe, Step } from '../recipe/schema';

/** What a run's default title is made from: the recipe it ran and the dataset it ran on. */
export interface TitledRun {
  recipe: Recipe;
  datasetName: string;
}

/** Changes named in a title before the rest are only counted. */
const SHOWN_CHANGES = 3;

/** The longest title a run can have, named or default (a list row, not a paragraph). */
export const MAX_RUN_TITLE = 200;

/** What a re-run's title adds to its source's. */
const rerunSuffix = (sourceId: number) => ` · re-run of #${sourceId}`;
const RERUN_SUFFIXES = / · re-run of #\d+$/;

/**
 * A run's default title: the recipe name, and what differs from the previous
 * run of the same recipe in the analyst's words (`grid max_depth 5,7 →
 * 5,7,None`, `dataset videos`, `seed 0 → 1`), so that runs of one recipe can
 * be told apart in a list. Nothing differs: `re-run of #<id>`.
 */
export function runTitle(next: TitledRun, previous: (TitledRun & { id: number }) | null): string {
  if (!previous) return clip(next.recipe.name, MAX_RUN_TITLE);
  const changes = recipeChanges(next, previous);
  if (changes.length === 0) return rerunTitle(next.recipe.name, previous.id);
  const shown = changes.slice(0, SHOWN_CHANGES);
  if (changes.length > SHOWN_CHANGES) shown.push(`+${changes.length - SHOWN_CHANGES} more`);
  return clip(`${next.recipe.name} · ${shown.join('; ')}`, MAX_RUN_TITLE);
}

/**
 * A re-run's default title: its source's title, without the re-run it may
 * itself name (a re-run of a re-run names only its own source, rather than
 * the whole chain), and the source's id; the source part is cut short so the
 * whole fits {@link MAX_RUN_TITLE}.
 */
export function rerunTitle(sourceTitle: string, sourceId: number): string {
  let base = sourceTitle;
  while (RERUN_SUFFIXES.test(base)) base = base.replace(RERUN_SUFFIXES, '');
  const suffix = rerunSuffix(sourceId);
  return clip(base, MAX_RUN_TITLE - suffix.length) + suffix;
}

/** `text` cut to at most `max` UTF-16 units, ending in "…" when cut, never inside a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}

/** Every difference, most telling first: data, target, models, steps, features, then how the search scores. */
export function recipeChanges(next: TitledRun, previous: TitledRun): string[] {
  const a = previous.recipe;
  const b = next.recipe;
  const out: string[] = [];
  if (next.datasetName !== previous.datasetName) out.push(`dataset ${next.datasetName}`);
  if (a.target.column !== b.target.column) out.push(`target ${a.target.column} → ${b.target.column}`);
  else if (a.target.positive !== b.target.positive) out.push(`positive ${a.target.positive ?? 'none'} → ${b.target.positive ?? 'none'}`);
  out.push(...modelChanges(a.models, b.models));
  out.push(...stepChanges(a.steps, b.steps));
  if (!sameJson(a.features ?? null, b.features ?? null)) out.push('features changed');
  if (a.cv.folds !== b.cv.folds) out.push(`folds ${a.cv.folds} → ${b.cv.folds}`);
  if (a.cv.stratified !== b.cv.stratified) out.push(`cv stratified ${py(a.cv.stratified)} → ${py(b.cv.stratified)}`);
  if (a.refit !== b.refit) out.push(`refit ${a.refit} → ${b.refit}`);
  if (a.scoring.join(',') !== b.scoring.join(',')) out.push(`scoring ${a.scoring.join(',')} → ${b.scoring.join(',')}`);
  if (a.champion.metric !== b.champion.metric) out.push(`champion ${a.champion.metric} → ${b.champion.metric}`);
  if (a.champion.on !== b.champion.on) out.push(`champion on ${a.champion.on} → ${b.champion.on}`);
  return out;
}

function modelChanges(before: ModelConfig[], after: ModelConfig[]): string[] {
  const out: string[] = [];
  const old = new Map(before.map((m) => [m.id, m]));
  const kept = new Set(after.map((m) => m.id));
  for (const m of after) if (!old.has(m.id)) out.push(`+ model ${m.id}`);
  for (const m of before) if (!kept.has(m.id)) out.push(`− model ${m.id}`);
  // With one model there is no doubt which one a parameter belongs to.
  const prefix = (m: ModelConfig) => (after.length > 1 ? `${m.id} ` : '');
  for (const m of after) {
    const p = old.get(m.id);
    if (!p) continue;
    if (p.type !== m.type) {
      out.push(`model ${m.id} ${p.type} → ${m.type}`);
      continue;
    }
    const names = [...new Set([...Object.keys(m.grid), ...Object.keys(m.params), ...Object.keys(p.grid), ...Object.keys(p.params)])];
    for (const name of names) {
      const was = paramText(p, name);
      const now = paramText(m, name);
      if (was === now) continue;
      const searched = name in m.grid || name in p.grid;
      out.push(`${prefix(m)}${searched ? 'grid ' : ''}${name} ${was} → ${now}`);
    }
  }
  return out;
}

/** A parameter as the model sets it: its grid values, its fixed value, or the learner's default. */
function paramText(m: ModelConfig, name: string): string {
  if (name in m.grid) return m.grid[name].map(py).join(',');
  if (name in m.params) return py(m.params[name]);
  return 'default';
}

/**
 * Steps are matched by operation in order (longest common subsequence), so
 * an added or removed step is named as such and the others are compared
 * field by field; what has no short name is "steps changed".
 */
function stepChanges(before: Step[], after: Step[]): string[] {
  const pairs = commonSubsequence(
    before.map((s) => s.op),
    after.map((s) => s.op),
  );
  const matchedBefore = new Set(pairs.map(([i]) => i));
  const matchedAfter = new Set(pairs.map(([, j]) => j));
  const removed = before.filter((_, i) => !matchedBefore.has(i)).map((s) => s.op);
  const added = after.filter((_, j) => !matchedAfter.has(j)).map((s) => s.op);
  const out: string[] = [];
  let other = removed.some((op) => added.includes(op));
  if (!other) {
    for (const op of added) out.push(`+ step ${op}`);
    for (const op of removed) out.push(`− step ${op}`);
  }
  for (const [i, j] of pairs) {
    const named = stepFieldChanges(before[i], after[j]);
    if (named === null) other = true;
    else out.push(...named);
  }
  if (other) out.push('steps changed');
  return out;
}

/** The named differences of two steps of one operation, or null when they differ in a way with no short name. */
function stepFieldChanges(a: Step, b: Step): string[] | null {
  if (sameJson(a, b)) return [];
  if (a.op === 'split' && b.op === 'split') {
    const out: string[] = [];
    if (a.randomState !== b.randomState) out.push(`seed ${a.randomState} → ${b.randomState}`);
    if (a.test !== b.test) out.push(`split test ${py(a.test)} → ${py(b.test)}`);
    if (a.validation !== b.validation) out.push(`split validation ${py(a.validation)} → ${py(b.validation)}`);
    if (a.stratify !== b.stratify) out.push(`split stratify ${py(a.stratify)} → ${py(b.stratify)}`);
    return out;
  }
  if (a.op === 'resample' && b.op === 'resample') {
    const out: string[] = [];
    if (a.randomState !== b.randomState) out.push(`resample seed ${a.randomState} → ${b.randomState}`);
    if (a.strategy !== b.strategy) out.push(`resample ${a.strategy} → ${b.strategy}`);
    return sameJson({ ...a, randomState: 0, strategy: '' }, { ...b, randomState: 0, strategy: '' }) ? out : null;
  }
  return null;
}

/** Index pairs of a longest common subsequence of two lists. */
function commonSubsequence(a: readonly string[], b: readonly string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const len: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) len[i][j] = a[i] === b[j] ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if (len[i + 1][j] >= len[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}

/** A value as Python prints it: None, True/False, 0.5, 1e-05; strings bare. */
export function py(v: number | string | boolean | null): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'string') return v;
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
  const abs = Math.abs(v);
  // Python's repr switches to exponent notation below 1e-4 and from 1e16; JavaScript at 1e-7 and 1e21.
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e16)) {
    const [mantissa, exponent] = v.toExponential().split('e');
    const sign = exponent.startsWith('-') ? '-' : '+';
    const digits = exponent.replace(/^[+-]/, '').padStart(2, '0');
    return `${mantissa}e${sign}${digits}`;
  }
  return String(v);
}

/** Deep equality of JSON values, whatever order their keys were written in. */
function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}
