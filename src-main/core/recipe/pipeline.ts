import { ApiError } from '../api/errors';
import type { FeatureMatrix } from '../ml/types';
import { trainTestSplit } from '../modelSelection/trainTestSplit';
import { column, takeFrameRows, type Frame } from './frame';
import type { Recipe, Step } from './schema';
import { STEPS } from './steps';
import type { FittedStep, RowRole } from './steps/stepTypes';
import type { LeakNote } from '../search/runRecord';

export interface PreparedPart {
  X: FeatureMatrix;
  y: Int32Array;
}

/** The recipe's data, ready for models: features and 0/1 labels for each part. */
export interface PreparedData {
  /** [negative, positive]: y = 1 is `classes[1]`, the recipe's positive class. */
  classes: [string, string];
  features: string[];
  train: PreparedPart;
  validation: PreparedPart | null;
  test: PreparedPart;
  leakage: LeakNote[];
  notes: string[];
  /** What fitted steps learned (vocabulary, caps, categories), by step index. */
  learned: Record<number, unknown>;
}

type SplitStep = Extract<Step, { op: 'split' }>;

function runStep(step: Step, frame: Frame, target: string): FittedStep {
  const impl = STEPS[step.op] as { fit(f: Frame, s: Step, c: { target: string }): FittedStep };
  return impl.fit(frame, step, { target });
}

function targetValues(frame: Frame, target: string): string[] {
  const c = column(frame, target, 'target column');
  const out = new Array<string>(frame.rows);
  for (let i = 0; i < frame.rows; i++) {
    const v = c.type === 'number' ? (Number.isNaN(c.values[i]) ? null : String(c.values[i])) : c.values[i];
    if (v === null) {
      throw new ApiError(
        'bad-input',
        `The target "${target}" is missing in ${countMissing(c)} rows; add a dropMissing step for it before the split.`,
      );
    }
    out[i] = v;
  }
  return out;
}

function countMissing(c: ReturnType<typeof column>): number {
  let n = 0;
  for (let i = 0; i < c.values.length; i++) if (c.type === 'number' ? Number.isNaN(c.values[i]) : c.values[i] === null) n++;
  return n;
}

/** Encodes the target as 0/1 with the recipe's positive class as 1. */
function encodeTarget(values: string[], target: string, positive: string): { y: Int32Array; classes: [string, string] } {
  const seen = [...new Set(values)].sort();
  if (seen.length !== 2) {
    throw new ApiError(
      'bad-input',
      seen.length < 2
        ? `The target "${target}" has only one class (${seen.join(', ') || 'none'}) in these rows; a classifier needs two.`
        : `The target "${target}" has ${seen.length} classes (${seen.slice(0, 12).join(', ')}${seen.length > 12 ? ', …' : ''}); Assay's models are binary for now, so keep two classes (for example with a filter) or choose another target.`,
    );
  }
  if (!seen.includes(positive)) {
    throw new ApiError('bad-input', `The positive class "${positive}" does not occur in "${target}"; its classes are ${seen.join(' and ')}.`);
  }
  const negative = seen.find((s) => s !== positive)!;
  const y = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) y[i] = values[i] === positive ? 1 : 0;
  return { y, classes: [negative, positive] };
}

function splitRows(frame: Frame, step: SplitStep, target: string): { train: Int32Array; validation: Int32Array | null; test: Int32Array } {
  // Classes numbered in sorted order, as np.unique numbers them for stratify=.
  const values = step.stratify ? targetValues(frame, target) : [];
  const codes = new Map([...new Set(values)].sort().map((v, i) => [v, i]));
  const labels = (idx: ArrayLike<number> | null) => {
    const n = idx ? idx.length : frame.rows;
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = codes.get(values[idx ? idx[i] : i])!;
    return out;
  };
  const first = trainTestSplit(frame.rows, {
    testSize: step.test,
    randomState: step.randomState,
    stratify: step.stratify ? labels(null) : undefined,
  });
  if (!step.validation) return { train: first.train, validation: null, test: first.test };
  const second = trainTestSplit(first.train.length, {
    testSize: step.validation,
    randomState: step.randomState,
    stratify: step.stratify ? labels(first.train) : undefined,
  });
  const pick = (idx: Int32Array) => Int32Array.from(idx, (i) => first.train[i]);
  return { train: pick(second.train), validation: pick(second.test), test: first.test };
}

const SUGGEST: Record<string, string> = {
  categorical: 'encode it with a oneHot step',
  text: 'turn it into numbers with a countVectorizer or textLength step, then drop it',
  identifier: 'drop it with a dropColumns step (identifiers carry no signal)',
  datetime: 'drop it with a dropColumns step (Assay cannot turn dates and times into features yet)',
};

function toMatrix(frame: Frame, features: string[], target: string): FeatureMatrix {
  const columns = features.map((name) => {
    if (name === target) throw new ApiError('bad-input', `The target "${target}" cannot also be a feature.`);
    const c = column(frame, name, 'feature');
    if (c.type !== 'number') {
      const kind = c.kind ?? 'categorical';
      throw new ApiError(
        'bad-input',
        `The feature "${name}" is ${kind === 'text' ? 'text' : kind === 'identifier' ? 'an identifier' : kind === 'datetime' ? 'a date/time' : 'categorical'}, and models need numbers: ${SUGGEST[kind] ?? SUGGEST.categorical}.`,
      );
    }
    return c.values;
  });
  return { rows: frame.rows, columns, names: features };
}

function checkTrainingFeatures(X: FeatureMatrix): void {
  X.columns.forEach((col, j) => {
    let first = NaN;
    let constant = true;
    let present = 0;
    for (let i = 0; i < col.length; i++) {
      const v = col[i];
      if (Number.isNaN(v)) continue;
      if (present++ === 0) first = v;
      else if (v !== first) constant = false;
    }
    if (present === 0) {
      throw new ApiError('bad-input', `The feature "${X.names[j]}" is missing in every training row; drop it with a dropColumns step.`);
    }
    if (constant) {
      throw new ApiError(
        'bad-input',
        `The feature "${X.names[j]}" has the same value (${first}) in every training row, so no model can learn from it; drop it with a dropColumns step.`,
      );
    }
  });
}

/**
 * Runs the recipe's steps: those before the split on all rows (fitted ones
 * are flagged as leaking), the split, then those after it fitted on training
 * rows and applied to validation and test rows; resampling touches training
 * rows only.
 */
export function prepare(recipe: Recipe, data: Frame): PreparedData {
  const target = recipe.target.column;
  column(data, target, 'target column');
  const leakage: LeakNote[] = [];
  const notes: string[] = [];
  const learned: Record<number, unknown> = {};
  const splitAt = recipe.steps.findIndex((s) => s.op === 'split');
  let frame = data;
  for (let i = 0; i < splitAt; i++) {
    const step = recipe.steps[i];
    const impl = STEPS[step.op] as { leakBeforeSplit?: string };
    if (impl.leakBeforeSplit) leakage.push({ step: i, op: step.op, message: impl.leakBeforeSplit });
    const fitted = runStep(step, frame, target);
    frame = fitted.apply(frame, 'all');
    if (fitted.describe) learned[i] = fitted.describe();
  }
  if (frame.rows === 0) throw new ApiError('bad-input', 'No rows are left before the split; check the dropMissing steps.');
  const rows = splitRows(frame, recipe.steps[splitAt] as SplitStep, target);
  let parts: Record<'train' | 'validation' | 'test', Frame | null> = {
    train: takeFrameRows(frame, rows.train),
    validation: rows.validation ? takeFrameRows(frame, rows.validation) : null,
    test: takeFrameRows(frame, rows.test),
  };
  for (let i = splitAt + 1; i < recipe.steps.length; i++) {
    const step = recipe.steps[i];
    const fitted = runStep(step, parts.train!, target);
    if (fitted.describe) learned[i] = fitted.describe();
    const apply = (f: Frame | null, role: RowRole) => (f ? fitted.apply(f, role) : null);
    parts = { train: apply(parts.train, 'train'), validation: apply(parts.validation, 'validation'), test: apply(parts.test, 'test') };
  }
  const train = parts.train!;
  const features = recipe.features ?? train.names.filter((n) => n !== target);
  if (features.length === 0) throw new ApiError('bad-input', 'The recipe leaves no feature columns.');
  const trainTarget = encodeTarget(targetValues(train, target), target, recipe.target.positive);
  const encode = (f: Frame) => {
    const values = targetValues(f, target);
    const y = new Int32Array(values.length);
    for (let i = 0; i < values.length; i++) {
      if (values[i] !== trainTarget.classes[0] && values[i] !== trainTarget.classes[1]) {
        throw new ApiError('bad-input', `The target "${target}" has the value "${values[i]}" outside the training classes.`);
      }
      y[i] = values[i] === trainTarget.classes[1] ? 1 : 0;
    }
    return y;
  };
  const Xtrain = toMatrix(train, features, target);
  checkTrainingFeatures(Xtrain);
  return {
    classes: trainTarget.classes,
    features,
    train: { X: Xtrain, y: trainTarget.y },
    validation: parts.validation ? { X: toMatrix(parts.validation, features, target), y: encode(parts.validation) } : null,
    test: { X: toMatrix(parts.test!, features, target), y: encode(parts.test!) },
    leakage,
    notes,
    learned,
  };
}
