/**
 * The fitted preparation of a run, from its recipe, what its fitted steps
 * learned (`PreparedData.learned`: caps, vocabulary, indicator columns) and
 * the training data's columns. No data is read again: the steps' learned
 * state is all a new row needs.
 *
 * Column lineage is followed through the steps so the file keeps only what
 * the features come from: a column the model never uses (an identifier that
 * was dropped, the target) is neither required nor checked when scoring.
 */
import { ApiError } from '../api/errors';
import type { ColumnInfo } from '../data/columns';
import type { Recipe, Step } from '../recipe/schema';
import type { FittedStepJson, Preparation, RawColumn } from './fittedSteps';

type Deps = Map<string, Set<string>>;

const SKIPPED: Partial<Record<Step['op'], string>> = {
  split: 'The split only chooses training and held-out rows; every row to score is kept.',
  resample: 'Resampling only copies or drops training rows; rows to score are kept as they are.',
};

function internal(message: string): ApiError {
  return new ApiError('internal', `The run's preparation cannot be kept with the model: ${message}.`);
}

function learnedObject(learned: Record<number, unknown>, i: number, op: string): Record<string, unknown> {
  const l = learned[i];
  if (typeof l !== 'object' || l === null) throw internal(`step ${i + 1} (${op}) recorded nothing it learned`);
  return l as Record<string, unknown>;
}

function stringList(v: unknown, what: string): string[] {
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw internal(`${what} is not a list of names`);
  return v as string[];
}

/** The step column an indicator name belongs to: the longest that prefixes it, so "a_b" wins over "a" for "a_b_x" (as dummyFeatures reads them). */
function ownerColumn(columns: readonly string[], output: string): string | null {
  return [...columns].sort((a, b) => b.length - a.length).find((c) => output.startsWith(`${c}_`)) ?? null;
}

/**
 * An encoder's categories from its output names and dropped bases. `nan` is
 * the missing-value category: ingest reads the text "nan" as missing, so no
 * real category has that name.
 */
function encoderCategories(columns: readonly string[], outputs: readonly string[], base: Record<string, unknown>, dropFirst: boolean) {
  const asCategory = (s: string) => (s === 'nan' ? null : s);
  return columns.map((column) => {
    const categories: (string | null)[] = [];
    if (dropFirst) {
      const b = base[column];
      if (typeof b !== 'string') throw internal(`the encoder recorded no base category for "${column}"`);
      categories.push(asCategory(b));
    }
    for (const o of outputs) if (ownerColumn(columns, o) === column) categories.push(asCategory(o.slice(column.length + 1)));
    return { column, categories };
  });
}

/** A getDummies step's categories per column, as its fit recorded them; null when the run recorded none. */
function seenCategories(v: unknown, columns: readonly string[], where: string): Record<string, string[]> | null {
  if (v === undefined) return null;
  const record = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
  return Object.fromEntries(columns.map((c) => [c, stringList(record[c], `${where}'s categories of "${c}"`)]));
}

function setColumn(names: string[], deps: Deps, name: string, from: Set<string>): void {
  if (!deps.has(name)) names.push(name);
  deps.set(name, from);
}

function dropColumn(names: string[], deps: Deps, name: string): void {
  const at = names.indexOf(name);
  if (at >= 0) names.splice(at, 1);
  deps.delete(name);
}

function depsOf(deps: Deps, name: string, where: string): Set<string> {
  const d = deps.get(name);
  if (!d) throw internal(`${where} reads "${name}", which does not exist at that point`);
  return d;
}

interface Traced {
  fitted: FittedStepJson;
  /** Lineage of every column before the step. */
  before: Deps;
}

/** Each step with what it learned, following which raw columns every column comes from. */
function traceSteps(recipe: Recipe, learned: Record<number, unknown>, rawNames: string[]) {
  const target = recipe.target.column;
  const names = [...rawNames];
  const deps: Deps = new Map(rawNames.map((n) => [n, new Set([n])]));
  const traced: Traced[] = [];
  const skipped: Preparation['skipped'] = [];
  recipe.steps.forEach((step, i) => {
    const before: Deps = new Map(deps);
    const where = `step ${i + 1} (${step.op})`;
    const push = (fitted: FittedStepJson) => traced.push({ fitted, before });
    switch (step.op) {
      case 'split':
      case 'resample':
        skipped.push({ step: i, op: step.op, why: SKIPPED[step.op]! });
        return;
      case 'dropMissing':
        push({ op: 'dropMissing', step: i, columns: (step.columns ?? names).filter((c) => c !== target) });
        return;
      case 'dropColumns':
        push({ op: 'dropColumns', step: i, columns: [...step.columns] });
        for (const c of step.columns) dropColumn(names, deps, c);
        return;
      case 'selectColumns': {
        push({ op: 'selectColumns', step: i, columns: step.columns.filter((c) => c !== target) });
        const keep = [...step.columns.filter((c) => c !== target), target];
        for (const n of [...names]) if (!keep.includes(n)) dropColumn(names, deps, n);
        names.splice(0, names.length, ...keep.filter((n) => deps.has(n)));
        return;
      }
      case 'capOutliersIqr': {
        const l = learned[i];
        if (!Array.isArray(l)) throw internal(`${where} recorded no caps`);
        const caps = step.columns.map((column) => {
          const c = (l as { column?: unknown; upper?: unknown; lower?: unknown }[]).find((x) => x.column === column);
          if (!c || typeof c.upper !== 'number') throw internal(`${where} recorded no cap for "${column}"`);
          return { column, upper: c.upper, lower: step.side === 'both' && typeof c.lower === 'number' ? c.lower : null };
        });
        push({ op: 'capOutliersIqr', step: i, caps });
        return;
      }
      case 'textLength':
        push({ op: 'textLength', step: i, column: step.column, output: step.output });
        setColumn(names, deps, step.output, depsOf(deps, step.column, where));
        return;
      case 'countVectorizer': {
        const vocabulary = stringList(learnedObject(learned, i, step.op).vocabulary, `${where}'s vocabulary`);
        const from = depsOf(deps, step.column, where);
        push({ op: 'countVectorizer', step: i, column: step.column, ngramRange: [...step.ngramRange], stopWords: step.stopWords, dropSource: step.dropSource, vocabulary });
        if (step.dropSource) dropColumn(names, deps, step.column);
        for (const term of vocabulary) setColumn(names, deps, term, from);
        return;
      }
      case 'oneHot': {
        const l = learnedObject(learned, i, step.op);
        const outputs = stringList(l.columns, `${where}'s columns`);
        const from = new Map(step.columns.map((c) => [c, depsOf(deps, c, where)]));
        if (step.style === 'encoder') {
          const base = (typeof l.base === 'object' && l.base !== null ? l.base : {}) as Record<string, unknown>;
          push({ op: 'oneHotEncoder', step: i, dropFirst: step.dropFirst, columns: encoderCategories(step.columns, outputs, base, step.dropFirst) });
        } else {
          const categories = seenCategories(l.categories, step.columns, where);
          push({ op: 'oneHot', step: i, style: 'getDummies', columns: [...step.columns], outputs, ...(categories ? { categories } : {}) });
        }
        for (const c of step.columns) dropColumn(names, deps, c);
        for (const o of outputs) {
          const owner = ownerColumn(step.columns, o);
          if (!owner) throw internal(`${where} made "${o}", which names none of its columns`);
          setColumn(names, deps, o, from.get(owner)!);
        }
        return;
      }
    }
  });
  return { traced, skipped, names, deps };
}

/** Keeps, in each step, only the columns computable from the needed raw columns; steps left with nothing to do go. */
function prune(traced: Traced[], needed: Set<string>): FittedStepJson[] {
  const out: FittedStepJson[] = [];
  for (const { fitted: s, before } of traced) {
    const ok = (c: string) => {
      const d = before.get(c);
      return d !== undefined && d.size > 0 && [...d].every((r) => needed.has(r));
    };
    switch (s.op) {
      case 'dropMissing':
      case 'dropColumns':
      case 'selectColumns': {
        const columns = s.columns.filter(ok);
        if (columns.length || s.op === 'selectColumns') out.push({ ...s, columns });
        break;
      }
      case 'capOutliersIqr': {
        const caps = s.caps.filter((c) => ok(c.column));
        if (caps.length) out.push({ ...s, caps });
        break;
      }
      case 'textLength':
      case 'countVectorizer':
        if (ok(s.column)) out.push(s);
        break;
      case 'oneHot': {
        const columns = s.columns.filter(ok);
        const outputs = s.outputs.filter((o) => columns.includes(ownerColumn(s.columns, o) ?? ''));
        const categories = s.categories && Object.fromEntries(columns.map((c) => [c, s.categories![c]]));
        if (columns.length) out.push({ ...s, columns, outputs, ...(categories ? { categories } : {}) });
        break;
      }
      case 'oneHotEncoder': {
        const columns = s.columns.filter((c) => ok(c.column));
        if (columns.length) out.push({ ...s, columns });
        break;
      }
    }
  }
  return out;
}

/**
 * The preparation to keep with a run's models. `features` are the run's
 * (PreparedData.features); `columns` the training dataset's, for their kinds.
 */
export function buildPreparation(recipe: Recipe, learned: Record<number, unknown>, columns: readonly Pick<ColumnInfo, 'name' | 'kind'>[], features: readonly string[]): Preparation {
  const rawNames = columns.map((c) => c.name);
  const { traced, skipped, deps } = traceSteps(recipe, learned, rawNames);
  const order = new Map(rawNames.map((n, i) => [n, i]));
  const featureList = features.map((name) => {
    const from = deps.get(name);
    if (!from) throw internal(`the feature "${name}" is not made by the recipe's steps`);
    return { name, from: [...from].sort((a, b) => order.get(a)! - order.get(b)!) };
  });
  const needed = new Set(featureList.flatMap((f) => f.from));
  const raw: RawColumn[] = columns.filter((c) => needed.has(c.name)).map((c) => ({ name: c.name, kind: c.kind }));
  return { columns: raw, steps: prune(traced, needed), skipped, features: featureList };
}
