import { ApiError } from '../api/errors';
import type { FeatureMatrix } from '../ml/types';
import { trainTestSplit } from '../modelSelection/trainTestSplit';
import { column, takeFrameRows, type Frame } from './frame';
import type { Recipe, Step } from './schema';
import { STEPS } from './steps';
import type { FittedStep, RowRole } from './steps/stepTypes';
import type { LeakNote } from '../search/runRecord';
import { checkRecipeForClasses, encodeTrainingTarget, encodeWithClasses, targetClasses } from './targetClasses';

export interface PreparedPart {
  X: FeatureMatrix;
  y: Int32Array;
}

/** The recipe's data, ready for models: features and class labels for each part. */
export interface PreparedData {
  /**
   * Two classes: [negative, positive], y = 1 is `classes[1]`, the recipe's
   * positive class. More: the sorted training classes, y = the index.
   */
  classes: string[];
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

function splitRows(frame: Frame, step: SplitStep, target: string): { train: Int32Array; validation: Int32Array | null; test: Int32Array } {
  // Classes numbered in code-point order, as np.unique numbers them for stratify=.
  const values = step.stratify ? targetValues(frame, target) : [];
  const codes = new Map(targetClasses(values).map((v, i) => [v, i]));
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
  const trainValues = targetValues(train, target);
  checkRecipeForClasses(recipe, targetClasses(trainValues));
  const trainTarget = encodeTrainingTarget(trainValues, recipe.target.positive);
  const encode = (f: Frame, part: string) => encodeWithClasses(targetValues(f, target), trainTarget.classes, target, part);
  const Xtrain = toMatrix(train, features, target);
  checkTrainingFeatures(Xtrain);
  return {
    classes: trainTarget.classes,
    features,
    train: { X: Xtrain, y: trainTarget.y },
    validation: parts.validation ? { X: toMatrix(parts.validation, features, target), y: encode(parts.validation, 'validation') } : null,
    test: { X: toMatrix(parts.test!, features, target), y: encode(parts.test!, 'test') },
    leakage,
    notes,
    learned,
  };
}
