/**
 * Before anything is scored: does the data have every raw column the model's
 * preparation reads, each holding the kind of values it held in training?
 * Kinds are compared by what the preparation does with them: numbers
 * (integer or float — a count read as float in a new file is still a count),
 * true/false values, text of any kind (categorical, text, identifier: the
 * same strings whatever inference called them in a smaller file), dates.
 * Every problem is listed, not just the first.
 */
import type { ColumnKind } from '../data/columns';
import type { RawColumn } from './fittedSteps';

type KindGroup = 'number' | 'boolean' | 'text' | 'datetime';

const GROUP: Record<ColumnKind, KindGroup> = {
  integer: 'number',
  float: 'number',
  boolean: 'boolean',
  categorical: 'text',
  text: 'text',
  identifier: 'text',
  datetime: 'datetime',
};

const GROUP_WORDS: Record<KindGroup, string> = {
  number: 'numbers',
  boolean: 'true/false values',
  text: 'text',
  datetime: 'dates and times',
};

export interface ColumnCheckRow {
  name: string;
  /** The kind in the training data. */
  expected: ColumnKind;
  /** The kind in the data to score; null when the column is not there. */
  found: ColumnKind | null;
  ok: boolean;
}

export interface ColumnCheck {
  ok: boolean;
  columns: ColumnCheckRow[];
  /** One sentence per problem, naming the column and what was expected. */
  problems: string[];
  /** Whether the data has the target column too, so the scored rows can be checked against their labels. */
  hasLabels: boolean;
}

/** Whether data of kind `found` can stand where the model saw `expected`. */
export function kindsCompatible(expected: ColumnKind, found: ColumnKind): boolean {
  return GROUP[expected] === GROUP[found];
}

/**
 * `examples` may give, per column, a value that shows its kind (the first
 * that is not a number, for a column that should hold numbers).
 */
export function checkColumns(
  needed: readonly RawColumn[],
  available: readonly { name: string; kind: ColumnKind }[],
  target?: string,
  examples?: ReadonlyMap<string, string>,
): ColumnCheck {
  const byName = new Map(available.map((c) => [c.name, c.kind]));
  const problems: string[] = [];
  const columns = needed.map((c): ColumnCheckRow => {
    const found = byName.get(c.name) ?? null;
    const expected = `${GROUP_WORDS[GROUP[c.kind]]} (${c.kind} in training)`;
    if (found === null) {
      problems.push(`The column "${c.name}" is missing; the model needs it, holding ${expected}.`);
      return { name: c.name, expected: c.kind, found, ok: false };
    }
    if (!kindsCompatible(c.kind, found)) {
      const example = examples?.get(c.name);
      const shown = example === undefined ? '' : `, such as ${JSON.stringify(example.length > 40 ? `${example.slice(0, 40)}…` : example)}`;
      problems.push(`The column "${c.name}" holds ${GROUP_WORDS[GROUP[found]]} (${found}${shown}), but the model needs ${expected}.`);
      return { name: c.name, expected: c.kind, found, ok: false };
    }
    return { name: c.name, expected: c.kind, found, ok: true };
  });
  return { ok: problems.length === 0, columns, problems, hasLabels: target !== undefined && byName.has(target) };
}

/** The check's problems as one message naming the data. */
export function columnCheckMessage(check: ColumnCheck, data: string): string {
  const n = check.problems.length;
  return `${data} does not fit the model (${n} problem${n === 1 ? '' : 's'}):\n  ${check.problems.join('\n  ')}`;
}
