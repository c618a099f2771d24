import { ApiError } from '../api/errors';
import { gradientBoosting } from './ensemble/gradientBoosting';
import { randomForest } from './ensemble/randomForest';
import { logisticRegression } from './linear/logisticRegression';
import type { ModelKind } from './params';
import { decisionTree } from './tree/decisionTree';
import type { ClassifierSpec } from './types';

const SPECS: Record<ModelKind, ClassifierSpec<never>> = {
  logisticRegression: logisticRegression as unknown as ClassifierSpec<never>,
  decisionTree: decisionTree as unknown as ClassifierSpec<never>,
  randomForest: randomForest as unknown as ClassifierSpec<never>,
  gradientBoosting: gradientBoosting as unknown as ClassifierSpec<never>,
};

export function modelSpec(type: string): ClassifierSpec<Record<string, unknown>> {
  const spec = SPECS[type as ModelKind];
  if (!spec) throw new ApiError('bad-input', `Unknown model type "${type}"; known: ${Object.keys(SPECS).join(', ')}.`);
  return spec as unknown as ClassifierSpec<Record<string, unknown>>;
}
