import type { ModelType, StepOp } from './schema';

/**
 * A place in a recipe named as the editors show it: steps and models
 * numbered from 1 with what they are ("step 5 (split) · test share",
 * "model 1 (random forest) · max_depth, value 2"), not as the JSON path
 * (`steps.4.test`) the schema reports. The field labels are the Prepare
 * form's, lower-cased; a test keeps the two in step.
 */

export const STEP_WORDS: Record<StepOp, string> = {
  dropMissing: 'drop missing rows',
  dropColumns: 'drop columns',
  selectColumns: 'keep columns',
  capOutliersIqr: 'cap outliers',
  textLength: 'text length',
  countVectorizer: 'n-gram counts',
  oneHot: 'one-hot encode',
  resample: 'resample',
  split: 'split',
};

export const MODEL_WORDS: Record<ModelType, string> = {
  logisticRegression: 'logistic regression',
  decisionTree: 'decision tree',
  randomForest: 'random forest',
  gradientBoosting: 'gradient boosting',
};

/** The label of each step field in the Prepare form, by op. */
export const STEP_FIELD_LABELS: Record<StepOp, Record<string, string>> = {
  dropMissing: { columns: 'in columns' },
  dropColumns: { columns: 'columns' },
  selectColumns: { columns: 'columns' },
  capOutliersIqr: { columns: 'columns', k: 'k', side: 'side' },
  textLength: { column: 'text column', output: 'new column' },
  countVectorizer: { column: 'text column', ngramRange: 'n-grams', maxFeatures: 'max features', stopWords: 'stop words', dropSource: 'drop the text column' },
  oneHot: { columns: 'columns', dropFirst: 'drop the first category', style: 'style' },
  resample: { strategy: 'strategy', column: 'class column', randomState: 'seed' },
  split: { test: 'test share', validation: 'validation share', randomState: 'seed', stratify: 'stratify by the target' },
};

const RECIPE_FIELDS: Record<string, string> = {
  version: 'version',
  name: 'recipe name',
  description: 'description',
  dataset: 'dataset',
  'dataset.name': 'dataset · name',
  'dataset.file': 'dataset · file',
  'dataset.contentHash': 'dataset · content hash',
  target: 'target',
  'target.column': 'target · column',
  'target.positive': 'target · positive class',
  steps: 'steps',
  features: 'features',
  models: 'models',
  cv: 'cross-validation',
  'cv.folds': 'cross-validation · folds',
  'cv.stratified': 'cross-validation · stratified',
  scoring: 'metrics scored',
  refit: 'refit metric',
  champion: 'champion',
  'champion.metric': 'champion · metric',
  'champion.on': 'champion · chosen on',
};

const MODEL_FIELDS: Record<string, string> = { id: 'short name', type: 'model type', params: 'parameters', grid: 'grid' };

const isIndex = (p: unknown): p is number => typeof p === 'number' || (typeof p === 'string' && /^\d+$/.test(p));
const at = (list: unknown, i: number): Record<string, unknown> | null => {
  const item = Array.isArray(list) ? (list[i] as unknown) : null;
  return item && typeof item === 'object' ? (item as Record<string, unknown>) : null;
};

/** "Step 5 (split)" at the start of a sentence. */
export const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** "step 5 (split)"; just "step 5" when the op is missing or unknown. */
export function stepName(index: number, op: unknown): string {
  const words = typeof op === 'string' ? STEP_WORDS[op as StepOp] : undefined;
  return `step ${index + 1}${words ? ` (${words})` : ''}`;
}

/** "model 1 (random forest)"; just "model 1" when the type is missing or unknown. */
export function modelName(index: number, type: unknown): string {
  const words = typeof type === 'string' ? MODEL_WORDS[type as ModelType] : undefined;
  return `model ${index + 1}${words ? ` (${words})` : ''}`;
}

/** ", item 3" for the rest of a path below a field (a list's entries). */
function rest(path: readonly unknown[], word = 'item'): string {
  return path.map((p) => (isIndex(p) ? `, ${word} ${Number(p) + 1}` : ` · ${String(p)}`)).join('');
}

/**
 * Names a JSON path into `recipe` (the document as given, valid or not) in
 * the editors' words. Unknown paths fall back to their dotted form.
 */
export function describeRecipePath(path: readonly PropertyKey[], recipe?: unknown): string {
  const r = (recipe && typeof recipe === 'object' ? recipe : {}) as Record<string, unknown>;
  const [head, index, field, ...below] = path;
  if (head === 'steps' && isIndex(index)) {
    const i = Number(index);
    const op = at(r.steps, i)?.op;
    const name = stepName(i, op);
    if (field === undefined) return name;
    const label = (typeof op === 'string' && STEP_FIELD_LABELS[op as StepOp]?.[String(field)]) || String(field);
    return `${name} · ${label}${rest(below)}`;
  }
  if (head === 'models' && isIndex(index)) {
    const i = Number(index);
    const name = modelName(i, at(r.models, i)?.type);
    if (field === undefined) return name;
    if ((field === 'grid' || field === 'params') && below.length) {
      const [param, ...deeper] = below;
      return `${name} · ${String(param)}${rest(deeper, 'value')}`;
    }
    return `${name} · ${MODEL_FIELDS[String(field)] ?? String(field)}${rest(below)}`;
  }
  if (head === 'features' && isIndex(index)) return `features${rest([index, ...(field === undefined ? [] : [field]), ...below])}`;
  if (head === 'scoring' && isIndex(index)) return `metrics scored${rest([index, ...(field === undefined ? [] : [field]), ...below], 'metric')}`;
  const dotted = path.map(String).join('.');
  if (RECIPE_FIELDS[dotted]) return RECIPE_FIELDS[dotted];
  const two = path.slice(0, 2).map(String).join('.');
  if (RECIPE_FIELDS[two]) return `${RECIPE_FIELDS[two]}${rest(path.slice(2))}`;
  return dotted || 'recipe';
}

const LEADING_JSON_PATH = /^\$((?:\.[A-Za-z_][\w]*|\[\d+\])+): ([\s\S]*)$/;

/**
 * A message that starts with a JSON path (`$.models[0].grid.max_depth: …`, as
 * parameter checks word it) restated in the editors' words, keeping the path
 * at the end for those who edit the JSON: "model 1 (random forest) ·
 * max_depth: … ($.models[0].grid.max_depth)". Other messages are unchanged.
 */
export function nameLeadingPath(message: string, recipe?: unknown): string {
  const m = LEADING_JSON_PATH.exec(message);
  if (!m) return message;
  const path = [...m[1].matchAll(/\.([A-Za-z_]\w*)|\[(\d+)\]/g)].map((p) => (p[1] !== undefined ? p[1] : Number(p[2])));
  return `${describeRecipePath(path, recipe)}: ${m[2]} ($${m[1]})`;
}
