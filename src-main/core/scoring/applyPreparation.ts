/**
 * A kept preparation applied to new raw rows. Every row stays in its place:
 * where the run would have dropped a row (a missing value in a dropMissing
 * column) or could not encode it (a category the encoder never saw), the row
 * gets a note naming the column, and the caller leaves its prediction empty.
 *
 * Each step is the same computation the recipe's step does on held-out rows
 * (the same feature functions, the same learned numbers), so the run's own
 * held-out rows come out as exactly the matrix the run scored.
 */
import { ApiError } from '../api/errors';
import { CountVectorizer } from '../features/countVectorizer';
import { getDummies, OneHotEncoder, type CategoricalColumn } from '../features/oneHot';
import { textLength } from '../features/textLength';
import type { FeatureMatrix } from '../ml/types';
import { isMissingAt, makeFrame, withColumns, type Frame, type FrameColumn } from '../recipe/frame';
import type { FittedStepJson, Preparation } from './fittedSteps';

export interface PreparedRows {
  X: FeatureMatrix;
  /** Per row: why it cannot be scored, or null. */
  notes: (string | null)[];
  /** Per row: what a scored row should carry in its note (a category not seen in training), or null. */
  warnings: (string | null)[];
}

/** Collects each row's reasons once each, in the order found: those that stop it being scored, and those it is scored with. */
export class RowNotes {
  private readonly reasons: (string[] | null)[];
  private readonly cautions: (string[] | null)[];
  constructor(readonly rows: number) {
    this.reasons = new Array<string[] | null>(rows).fill(null);
    this.cautions = new Array<string[] | null>(rows).fill(null);
  }
  add(row: number, reason: string): void {
    const r = (this.reasons[row] ??= []);
    if (!r.includes(reason)) r.push(reason);
  }
  /** A note for a row that is still scored. */
  warn(row: number, caution: string): void {
    const r = (this.cautions[row] ??= []);
    if (!r.includes(caution)) r.push(caution);
  }
  has(row: number): boolean {
    return this.reasons[row] !== null;
  }
  notes(): (string | null)[] {
    return this.reasons.map((r) => (r ? r.join('; ') : null));
  }
  warnings(): (string | null)[] {
    return this.cautions.map((r) => (r ? r.join('; ') : null));
  }
}

const num = (values: Float64Array): FrameColumn => ({ type: 'number', values, kind: 'float' });

function get(frame: Frame, name: string, step: FittedStepJson): FrameColumn {
  const c = frame.columns.get(name);
  if (!c) throw new ApiError('internal', `Scoring step ${step.step + 1} (${step.op}) needs the column "${name}", which is not there.`);
  return c;
}

function numbers(frame: Frame, name: string, step: FittedStepJson): Float64Array {
  const c = get(frame, name, step);
  if (c.type !== 'number') throw new ApiError('bad-input', `The column "${name}" holds text, but the model needs numbers there.`);
  return c.values;
}

function strings(frame: Frame, name: string, step: FittedStepJson): (string | null)[] {
  const c = get(frame, name, step);
  if (c.type !== 'string') throw new ApiError('bad-input', `The column "${name}" holds numbers, but the model needs text there.`);
  return c.values;
}

/** As the recipe's oneHot step reads a column: numbers by their text, as pandas' get_dummies does. */
function categorical(frame: Frame, name: string, step: FittedStepJson): CategoricalColumn {
  const c = get(frame, name, step);
  const values = c.type === 'string' ? c.values : Array.from(c.values, (v) => (Number.isNaN(v) ? null : String(v)));
  return { name, values };
}

function describeValue(v: string): string {
  return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
}

/**
 * A getDummies value not seen in training is encoded as all zeros, as the
 * run encoded it: the row is scored, as the dropped base category when there
 * is one, and its note says so.
 */
function noteUnseenDummies(frame: Frame, s: Extract<FittedStepJson, { op: 'oneHot' }>, notes: RowNotes): void {
  for (const column of s.columns) {
    const seen = s.categories?.[column];
    if (!seen) continue;
    const known = new Set(seen);
    const base = seen.length > 0 && !s.outputs.includes(`${column}_${seen[0]}`) ? seen[0] : null;
    const scoredAs = base === null ? `scored with every ${column} indicator 0` : `scored as the baseline category ${describeValue(base)}`;
    const values = categorical(frame, column, s).values;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v !== null && !known.has(v)) notes.warn(i, `${column}: ${describeValue(v)} was not seen in training; ${scoredAs}`);
    }
  }
}

function applyStep(frame: Frame, s: FittedStepJson, notes: RowNotes): Frame {
  switch (s.op) {
    case 'dropMissing':
      for (const name of s.columns) {
        const c = frame.columns.get(name);
        if (!c) continue;
        for (let i = 0; i < frame.rows; i++) if (isMissingAt(c, i)) notes.add(i, `missing value in "${name}"`);
      }
      return frame;
    case 'dropColumns':
      return withColumns(frame, { drop: s.columns.filter((c) => frame.columns.has(c)) });
    case 'selectColumns': {
      const names = s.columns.filter((n) => frame.columns.has(n));
      return { rows: frame.rows, names, columns: new Map(names.map((n) => [n, frame.columns.get(n)!])) };
    }
    case 'capOutliersIqr':
      return withColumns(frame, {
        set: s.caps.map(({ column, upper, lower }) => {
          const xs = numbers(frame, column, s);
          const out = new Float64Array(xs.length);
          for (let i = 0; i < xs.length; i++) {
            const x = xs[i];
            out[i] = x > upper ? upper : lower !== null && x < lower ? lower : x;
          }
          return [column, num(out)];
        }),
      });
    case 'textLength':
      return withColumns(frame, { set: [[s.output, num(textLength(strings(frame, s.column, s)))]] });
    case 'countVectorizer': {
      const analyzer = new CountVectorizer({ ngramRange: s.ngramRange, stopWords: s.stopWords });
      const vocab = new Map(s.vocabulary.map((t, j) => [t, j]));
      const texts = strings(frame, s.column, s);
      const columns = s.vocabulary.map(() => new Float64Array(frame.rows));
      for (let d = 0; d < texts.length; d++) {
        for (const term of analyzer.analyze(texts[d])) {
          const j = vocab.get(term);
          if (j !== undefined) columns[j][d]++;
        }
      }
      return withColumns(frame, { drop: s.dropSource ? [s.column] : [], set: s.vocabulary.map((t, j) => [t, num(columns[j])]) });
    }
    case 'oneHot': {
      if (s.categories) noteUnseenDummies(frame, s, notes);
      const d = getDummies(
        s.columns.map((c) => categorical(frame, c, s)),
        { dropFirst: false },
      );
      const byName = new Map(d.names.map((n, j) => [n, d.columns[j]]));
      return withColumns(frame, { drop: s.columns, set: s.outputs.map((n) => [n, num(byName.get(n) ?? new Float64Array(frame.rows))]) });
    }
    case 'oneHotEncoder': {
      const cols = s.columns.map(({ column }) => categorical(frame, column, s));
      // Fitting on the categories themselves gives back exactly those categories (sorted, missing last).
      const encoder = new OneHotEncoder({ drop: s.dropFirst ? 'first' : null, handleUnknown: 'ignore' });
      encoder.fit(s.columns.map(({ column, categories }) => ({ name: column, values: categories })));
      s.columns.forEach(({ column, categories }, j) => {
        const known = new Set(categories);
        const values = cols[j].values;
        for (let i = 0; i < values.length; i++) {
          const v = values[i];
          if (!known.has(v)) notes.add(i, v === null ? `missing value in "${column}"` : `"${column}" is ${describeValue(v)}, a category not seen in training`);
        }
      });
      const m = encoder.transform(cols);
      return withColumns(frame, { drop: s.columns.map((c) => c.column), set: m.names.map((n, j) => [n, num(m.columns[j])]) });
    }
  }
}

/** The raw columns narrowed to the preparation's, then every kept step in order. */
function runSteps(prep: Preparation, raw: Frame, notes: RowNotes): Frame {
  const names = prep.columns.map((c) => c.name);
  for (const n of names) if (!raw.columns.has(n)) throw new ApiError('bad-input', `The data has no column "${n}", which the model needs.`);
  let frame: Frame = { rows: raw.rows, names, columns: new Map(names.map((n) => [n, raw.columns.get(n)!])) };
  for (const s of prep.steps) frame = applyStep(frame, s, notes);
  return frame;
}

/**
 * Prepares raw rows (a frame holding at least the preparation's raw columns,
 * typed as in training) into the model's feature matrix, with a note for
 * each row that cannot be scored.
 */
export function applyPreparation(prep: Preparation, raw: Frame): PreparedRows {
  const notes = new RowNotes(raw.rows);
  const frame = runSteps(prep, raw, notes);
  const columns = prep.features.map((f) => {
    const c = frame.columns.get(f.name);
    if (!c) throw new ApiError('internal', `The preparation did not make the feature "${f.name}".`);
    if (c.type !== 'number') throw new ApiError('bad-input', `The feature "${f.name}" holds text, but the model needs numbers there.`);
    return c.values;
  });
  return { X: { rows: raw.rows, columns, names: prep.features.map((f) => f.name) }, notes: notes.notes(), warnings: notes.warnings() };
}

/**
 * The columns the preparation's steps make from its raw columns, in the
 * order they come out: the steps run on no rows, so the order is the one
 * scoring (and the run, on its own rows) produces. Without a `features` list
 * in the recipe, a run's features are exactly these, in this order.
 */
export function preparationOutputs(prep: Preparation): string[] {
  const empty = makeFrame(
    0,
    prep.columns.map(({ name, kind }): [string, FrameColumn] =>
      kind === 'integer' || kind === 'float' || kind === 'boolean' ? [name, { type: 'number', values: new Float64Array(0), kind }] : [name, { type: 'string', values: [], kind }],
    ),
  );
  return runSteps(prep, empty, new RowNotes(0)).names;
}
