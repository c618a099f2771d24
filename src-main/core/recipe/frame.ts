import { ApiError } from '../api/errors';
import type { ColumnKind } from '../data/columns';

/**
 * A table in memory while a recipe runs: named columns of numbers (NaN =
 * missing) or strings (null = missing), all of `rows` length. Steps return new
 * frames and never change the one they are given.
 */
export type FrameColumn =
  | { type: 'number'; values: Float64Array; kind?: ColumnKind }
  | { type: 'string'; values: (string | null)[]; kind?: ColumnKind };

export interface Frame {
  rows: number;
  names: string[];
  columns: Map<string, FrameColumn>;
}

export function makeFrame(rows: number, entries: [string, FrameColumn][]): Frame {
  return { rows, names: entries.map(([n]) => n), columns: new Map(entries) };
}

export function column(frame: Frame, name: string, what = 'column'): FrameColumn {
  const c = frame.columns.get(name);
  if (!c) {
    throw new ApiError('bad-input', `The ${what} "${name}" does not exist at this point of the recipe. Columns: ${frame.names.join(', ')}.`);
  }
  return c;
}

export function numberColumn(frame: Frame, name: string, purpose: string): Float64Array {
  const c = column(frame, name);
  if (c.type !== 'number') throw new ApiError('bad-input', `${purpose} needs a numeric column, but "${name}" holds text.`);
  return c.values;
}

export function stringColumn(frame: Frame, name: string, purpose: string): (string | null)[] {
  const c = column(frame, name);
  if (c.type !== 'string') throw new ApiError('bad-input', `${purpose} needs a text or categorical column, but "${name}" is numeric.`);
  return c.values;
}

export function isMissingAt(c: FrameColumn, i: number): boolean {
  return c.type === 'number' ? Number.isNaN(c.values[i]) : c.values[i] === null;
}

export function takeFrameRows(frame: Frame, idx: ArrayLike<number>): Frame {
  const n = idx.length;
  const entries: [string, FrameColumn][] = frame.names.map((name) => {
    const c = frame.columns.get(name)!;
    if (c.type === 'number') {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = c.values[idx[i]];
      return [name, { type: 'number', values: out, kind: c.kind }];
    }
    const out = new Array<string | null>(n);
    for (let i = 0; i < n; i++) out[i] = c.values[idx[i]];
    return [name, { type: 'string', values: out, kind: c.kind }];
  });
  return makeFrame(n, entries);
}

export function withColumns(frame: Frame, changes: { set?: [string, FrameColumn][]; drop?: readonly string[] }): Frame {
  const drop = new Set(changes.drop ?? []);
  const names = frame.names.filter((n) => !drop.has(n));
  const columns = new Map([...frame.columns].filter(([n]) => !drop.has(n)));
  for (const [name, col] of changes.set ?? []) {
    if (!columns.has(name)) names.push(name);
    columns.set(name, col);
  }
  return { rows: frame.rows, names, columns };
}

export function concatFrames(a: Frame, b: Frame): Frame {
  const entries: [string, FrameColumn][] = a.names.map((name) => {
    const x = a.columns.get(name)!;
    const y = column(b, name);
    if (x.type === 'number' && y.type === 'number') {
      const out = new Float64Array(a.rows + b.rows);
      out.set(x.values, 0);
      out.set(y.values, a.rows);
      return [name, { type: 'number', values: out, kind: x.kind }];
    }
    return [name, { type: 'string', values: [...(x.values as (string | null)[]), ...(y.values as (string | null)[])], kind: x.kind }];
  });
  return makeFrame(a.rows + b.rows, entries);
}
