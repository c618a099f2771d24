import type { StepOp } from '../../../../src-main/core/recipe/schema';
import type { StepDraft } from './draft';

/**
 * What the step editor knows about each step type: a label, a sentence on
 * what it does, a new step's values, and the fields of its form. Defaults
 * follow the schema's, so a new step means what it would in a JSON recipe.
 */
export type FieldSpec =
  | { key: string; label: string; kind: 'columns'; optional?: boolean; help?: string }
  | { key: string; label: string; kind: 'column'; optional?: boolean; help?: string }
  | { key: string; label: string; kind: 'text'; help?: string }
  | { key: string; label: string; kind: 'number'; integer?: boolean; optional?: boolean; step?: number; help?: string }
  | { key: string; label: string; kind: 'range'; help?: string }
  | { key: string; label: string; kind: 'choice'; options: { value: string | null; label: string }[]; help?: string }
  | { key: string; label: string; kind: 'boolean'; help?: string };

export interface StepType {
  op: StepOp;
  label: string;
  summary: string;
  fields: FieldSpec[];
  create(): StepDraft;
}

export const STEP_TYPES: StepType[] = [
  {
    op: 'dropMissing',
    label: 'Drop missing rows',
    summary: 'Drops rows with a missing value (pandas dropna).',
    fields: [{ key: 'columns', label: 'In columns', kind: 'columns', optional: true, help: 'empty = any column' }],
    create: () => ({ op: 'dropMissing' }),
  },
  {
    op: 'dropColumns',
    label: 'Drop columns',
    summary: 'Removes columns, such as identifiers.',
    fields: [{ key: 'columns', label: 'Columns', kind: 'columns' }],
    create: () => ({ op: 'dropColumns', columns: [] }),
  },
  {
    op: 'selectColumns',
    label: 'Keep columns',
    summary: 'Keeps only these columns (and the target), in this order.',
    fields: [{ key: 'columns', label: 'Columns', kind: 'columns' }],
    create: () => ({ op: 'selectColumns', columns: [] }),
  },
  {
    op: 'capOutliersIqr',
    label: 'Cap outliers (IQR)',
    summary: 'Caps values beyond Q1/Q3 ± k·IQR at those bounds.',
    fields: [
      { key: 'columns', label: 'Columns', kind: 'columns' },
      { key: 'k', label: 'k', kind: 'number', step: 0.1 },
      { key: 'side', label: 'Side', kind: 'choice', options: [{ value: 'upper', label: 'upper only' }, { value: 'both', label: 'both' }] },
    ],
    create: () => ({ op: 'capOutliersIqr', columns: [], k: 1.5, side: 'upper' }),
  },
  {
    op: 'textLength',
    label: 'Text length',
    summary: 'Adds the length of a text column (str.len()).',
    fields: [
      { key: 'column', label: 'Text column', kind: 'column' },
      { key: 'output', label: 'New column', kind: 'text' },
    ],
    create: () => ({ op: 'textLength', column: '', output: 'text_length' }),
  },
  {
    op: 'countVectorizer',
    label: 'Word n-gram counts',
    summary: 'CountVectorizer: one count column per frequent n-gram of a text column.',
    fields: [
      { key: 'column', label: 'Text column', kind: 'column' },
      { key: 'ngramRange', label: 'n-grams', kind: 'range' },
      { key: 'maxFeatures', label: 'Max features', kind: 'number', integer: true, optional: true, help: 'empty = all' },
      { key: 'stopWords', label: 'Stop words', kind: 'choice', options: [{ value: null, label: 'none' }, { value: 'english', label: 'English' }] },
      { key: 'dropSource', label: 'Drop the text column', kind: 'boolean' },
    ],
    create: () => ({ op: 'countVectorizer', column: '', ngramRange: [1, 1], stopWords: null, dropSource: true }),
  },
  {
    op: 'oneHot',
    label: 'One-hot encode',
    summary: 'One indicator column per category (get_dummies / OneHotEncoder).',
    fields: [
      { key: 'columns', label: 'Columns', kind: 'columns' },
      { key: 'dropFirst', label: 'Drop the first category', kind: 'boolean' },
      {
        key: 'style',
        label: 'Style',
        kind: 'choice',
        options: [{ value: 'getDummies', label: 'pandas get_dummies' }, { value: 'encoder', label: 'sklearn OneHotEncoder' }],
      },
    ],
    create: () => ({ op: 'oneHot', columns: [], dropFirst: false, style: 'getDummies' }),
  },
  {
    op: 'resample',
    label: 'Resample classes',
    summary: 'Balances two classes of the training rows (sklearn resample).',
    fields: [
      { key: 'strategy', label: 'Strategy', kind: 'choice', options: [{ value: 'upsample', label: 'upsample the minority' }, { value: 'downsample', label: 'downsample the majority' }] },
      { key: 'column', label: 'Class column', kind: 'column', optional: true, help: 'empty = the target' },
      { key: 'randomState', label: 'Seed', kind: 'number', integer: true },
    ],
    create: () => ({ op: 'resample', strategy: 'upsample', randomState: 0 }),
  },
  {
    op: 'split',
    label: 'Split train / validation / test',
    summary: 'Holds out test rows, then validation rows (train_test_split).',
    fields: [
      { key: 'test', label: 'Test share', kind: 'number', step: 0.05 },
      { key: 'validation', label: 'Validation share', kind: 'number', step: 0.05, help: 'of the rest; 0 = none' },
      { key: 'randomState', label: 'Seed', kind: 'number', integer: true },
      { key: 'stratify', label: 'Stratify by the target', kind: 'boolean' },
    ],
    create: () => ({ op: 'split', test: 0.2, validation: 0, randomState: 0, stratify: false }),
  },
];

export function stepType(op: StepOp): StepType {
  const t = STEP_TYPES.find((s) => s.op === op);
  if (!t) throw new Error(`unknown step type ${op}`);
  return t;
}

/** A one-line description of a configured step, for the collapsed list. */
export function stepSummary(step: StepDraft): string {
  const s = step as Record<string, unknown>;
  const cols = (v: unknown) => (Array.isArray(v) && v.length ? v.join(', ') : '…');
  switch (step.op) {
    case 'dropMissing':
      return Array.isArray(s.columns) && s.columns.length ? `in ${cols(s.columns)}` : 'in any column';
    case 'dropColumns':
    case 'selectColumns':
    case 'capOutliersIqr':
    case 'oneHot':
      return cols(s.columns);
    case 'textLength':
      return `${s.column || '…'} → ${s.output ?? 'text_length'}`;
    case 'countVectorizer': {
      const r = Array.isArray(s.ngramRange) ? s.ngramRange : [1, 1];
      return `${s.column || '…'}, ${r[0]}–${r[1]}-grams${s.maxFeatures ? `, ${s.maxFeatures} features` : ''}`;
    }
    case 'resample':
      return `${s.strategy} ${s.column ?? 'the target'}`;
    case 'split':
      return `test ${s.test}${s.validation ? `, validation ${s.validation}` : ''}, seed ${s.randomState ?? 0}`;
  }
}
