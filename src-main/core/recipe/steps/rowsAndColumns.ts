import { ApiError } from '../../api/errors';
import { column, isMissingAt, takeFrameRows, withColumns } from '../frame';
import type { Step } from '../schema';
import { stateless, type StepImpl } from './stepTypes';

type Of<K extends Step['op']> = Extract<Step, { op: K }>;

/** `dropna(axis=0)`, optionally restricted to some columns (`subset=`). */
export const dropMissing: StepImpl<Of<'dropMissing'>> = {
  fit: (_frame, step) =>
    stateless((frame) => {
      const cols = (step.columns ?? frame.names).map((n) => column(frame, n));
      const keep: number[] = [];
      for (let i = 0; i < frame.rows; i++) if (!cols.some((c) => isMissingAt(c, i))) keep.push(i);
      return keep.length === frame.rows ? frame : takeFrameRows(frame, keep);
    }),
};

export const dropColumns: StepImpl<Of<'dropColumns'>> = {
  fit: (_frame, step, ctx) => {
    if (step.columns.includes(ctx.target)) {
      throw new ApiError('bad-input', `dropColumns would drop the target "${ctx.target}".`);
    }
    return stateless((frame) => {
      for (const n of step.columns) column(frame, n);
      return withColumns(frame, { drop: step.columns });
    });
  },
};

/** Keeps the listed columns (and the target), in the listed order. */
export const selectColumns: StepImpl<Of<'selectColumns'>> = {
  fit: (_frame, step, ctx) =>
    stateless((frame) => {
      const names = [...step.columns.filter((n) => n !== ctx.target), ctx.target];
      return { rows: frame.rows, names, columns: new Map(names.map((n) => [n, column(frame, n)])) };
    }),
};
