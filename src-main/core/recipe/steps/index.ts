import type { Step } from '../schema';
import { capOutliersIqr, countVectorizer, oneHot, textLength } from './features';
import { resample } from './resample';
import { dropColumns, dropMissing, selectColumns } from './rowsAndColumns';
import type { StepImpl } from './stepTypes';

/** Every recipe step by its `op`; `split` is handled by the pipeline itself. */
export const STEPS: { [K in Step['op']]: K extends 'split' ? null : StepImpl<Extract<Step, { op: K }>> } = {
  dropMissing,
  dropColumns,
  selectColumns,
  capOutliersIqr,
  textLength,
  countVectorizer,
  oneHot,
  resample,
  split: null,
};
