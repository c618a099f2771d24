import type { ModelKind, ParamValue } from './params';

/** A ready-made tuning form: the seed notebooks' grids, and small ones for a first look. */
export interface ModelPreset {
  id: string;
  type: ModelKind;
  label: string;
  description: string;
  params: Record<string, ParamValue>;
  grid: Record<string, ParamValue[]>;
}

export const MODEL_PRESETS: readonly ModelPreset[] = [
  {
    id: 'course5-logreg',
    type: 'logisticRegression',
    label: 'Course 5: logistic regression',
    description: 'LogisticRegression(random_state=0, max_iter=800), as the verified-status notebook fits it.',
    params: { random_state: 0, max_iter: 800 },
    grid: {},
  },
  {
    id: 'course6-rf',
    type: 'randomForest',
    label: 'Course 6: random forest grid',
    description: "The claims notebook's GridSearchCV grid: 72 candidates.",
    params: { random_state: 0 },
    grid: {
      max_depth: [5, 7, null],
      max_features: [0.3, 0.6],
      max_samples: [0.7],
      min_samples_leaf: [1, 2],
      min_samples_split: [2, 3],
      n_estimators: [75, 100, 200],
    },
  },
  {
    id: 'course6-xgb',
    type: 'gradientBoosting',
    label: 'Course 6: XGBoost grid',
    description: "The claims notebook's XGBClassifier grid: 24 candidates.",
    params: { random_state: 0 },
    grid: { max_depth: [4, 8, 12], min_child_weight: [3, 5], learning_rate: [0.01, 0.1], n_estimators: [300, 500] },
  },
  {
    id: 'quick-rf',
    type: 'randomForest',
    label: 'Quick random forest',
    description: 'A small grid for a first look: 4 candidates.',
    params: { random_state: 0, max_features: 0.6 },
    grid: { max_depth: [5, null], n_estimators: [50, 100] },
  },
  {
    id: 'quick-tree',
    type: 'decisionTree',
    label: 'Decision tree depths',
    description: 'One tree at depths 3 to 8 and unlimited: 7 candidates.',
    params: { random_state: 0 },
    grid: { max_depth: [3, 4, 5, 6, 7, 8, null] },
  },
  {
    id: 'quick-xgb',
    type: 'gradientBoosting',
    label: 'Quick XGBoost',
    description: 'A small grid for a first look: 4 candidates.',
    params: { random_state: 0, learning_rate: 0.1 },
    grid: { max_depth: [4, 8], n_estimators: [100, 300] },
  },
];

export function presetsFor(type: ModelKind): ModelPreset[] {
  return MODEL_PRESETS.filter((p) => p.type === type);
}
