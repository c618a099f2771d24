import { MODEL_PARAMS, type ModelKind, type ParamValue } from '../../../../src-main/core/ml/params';
import type { ModelPreset } from '../../../../src-main/core/ml/presets';
import { SCORER_NAMES } from '../../../../src-main/core/metrics/scorers';
import type { Recipe } from '../../../../src-main/core/recipe/schema';
import { formatValue, formatValues, parseParamText } from './paramText';

/** One model card: its id, type and the text of each tuning field (by scikit-learn name). */
export interface ModelForm {
  id: string;
  type: ModelKind;
  fields: Record<string, string>;
  /** Fields that came from the recipe's grid: a single value there stays a grid entry, so cv_results_ keeps its column. */
  gridded: string[];
}

export interface SearchForm {
  folds: string;
  stratified: boolean;
  scoring: string[];
  refit: string;
  championMetric: string;
  championOn: 'validation' | 'cv';
}

export interface TrainForm {
  models: ModelForm[];
  search: SearchForm;
}

export interface FormIssue {
  /** 'models.0.max_depth', 'models.0.id', 'search.folds', 'search.scoring'… */
  path: string;
  message: string;
}

export const MODEL_TYPES: { type: ModelKind; label: string; short: string }[] = [
  { type: 'logisticRegression', label: 'Logistic regression', short: 'logreg' },
  { type: 'decisionTree', label: 'Decision tree', short: 'tree' },
  { type: 'randomForest', label: 'Random forest', short: 'rf' },
  { type: 'gradientBoosting', label: 'Gradient boosting (XGBoost)', short: 'xgb' },
];

export const METRICS: readonly string[] = SCORER_NAMES;

export function modelLabel(type: string): string {
  return MODEL_TYPES.find((m) => m.type === type)?.label ?? type;
}

function fieldsOf(type: ModelKind, params: Record<string, ParamValue>, grid: Record<string, ParamValue[]>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const d of MODEL_PARAMS[type]) {
    if (grid[d.name]) fields[d.name] = formatValues(grid[d.name]);
    else if (d.name in params) fields[d.name] = formatValue(params[d.name]);
    else fields[d.name] = '';
  }
  return fields;
}

export function formFromRecipe(recipe: Recipe): TrainForm {
  return {
    models: recipe.models.map((m) => ({ id: m.id, type: m.type as ModelKind, fields: fieldsOf(m.type as ModelKind, m.params, m.grid), gridded: Object.keys(m.grid) })),
    search: {
      folds: String(recipe.cv.folds),
      stratified: recipe.cv.stratified,
      scoring: [...recipe.scoring],
      refit: recipe.refit,
      championMetric: recipe.champion.metric,
      championOn: recipe.champion.on,
    },
  };
}

function uniqueId(wanted: string, taken: readonly string[]): string {
  if (!taken.includes(wanted)) return wanted;
  for (let i = 2; ; i++) if (!taken.includes(`${wanted}${i}`)) return `${wanted}${i}`;
}

export function newModel(type: ModelKind, taken: readonly string[]): ModelForm {
  const short = MODEL_TYPES.find((m) => m.type === type)!.short;
  return { id: uniqueId(short, taken), type, fields: fieldsOf(type, { random_state: 0 }, {}), gridded: [] };
}

/** The preset's values replace every field of the card; its id stays. */
export function applyPreset(model: ModelForm, preset: ModelPreset): ModelForm {
  return { id: model.id, type: preset.type, fields: fieldsOf(preset.type, preset.params, preset.grid), gridded: Object.keys(preset.grid) };
}

/** Candidates a card's grid makes (the product of its list lengths), or null while a field is invalid. */
export function candidateCount(model: ModelForm): number | null {
  let n = 1;
  for (const d of MODEL_PARAMS[model.type]) {
    const p = parseParamText(model.fields[d.name] ?? '', d);
    if (p.error) return null;
    n *= Math.max(1, p.values.length);
  }
  return n;
}

export function formIssues(form: TrainForm): FormIssue[] {
  const issues: FormIssue[] = [];
  if (form.models.length === 0) issues.push({ path: 'models', message: 'Add at least one model.' });
  const ids = new Set<string>();
  form.models.forEach((m, i) => {
    const id = m.id.trim();
    if (!id) issues.push({ path: `models.${i}.id`, message: 'A model needs a short name.' });
    else if (id.length > 60) issues.push({ path: `models.${i}.id`, message: 'At most 60 characters.' });
    else if (ids.has(id)) issues.push({ path: `models.${i}.id`, message: `"${id}" is used by another model.` });
    ids.add(id);
    for (const d of MODEL_PARAMS[m.type]) {
      const p = parseParamText(m.fields[d.name] ?? '', d);
      if (p.error) issues.push({ path: `models.${i}.${d.name}`, message: p.error });
    }
  });
  const s = form.search;
  const folds = Number(s.folds);
  if (!/^\d+$/.test(s.folds.trim()) || folds < 2 || folds > 50) issues.push({ path: 'search.folds', message: 'Folds must be a whole number from 2 to 50.' });
  if (s.scoring.length === 0) issues.push({ path: 'search.scoring', message: 'Choose at least one metric.' });
  if (!s.scoring.includes(s.refit)) issues.push({ path: 'search.refit', message: `The refit metric must be one of the scored metrics (${s.scoring.join(', ') || 'none chosen'}).` });
  return issues;
}

/** The recipe with the form's models and search settings; only call when `formIssues` is empty. */
export function applyForm(recipe: Recipe, form: TrainForm): Recipe {
  const models = form.models.map((m) => {
    const params: Record<string, ParamValue> = {};
    const grid: Record<string, ParamValue[]> = {};
    for (const d of MODEL_PARAMS[m.type]) {
      const { values } = parseParamText(m.fields[d.name] ?? '', d);
      if (values.length > 1 || (values.length === 1 && m.gridded.includes(d.name))) grid[d.name] = values;
      else if (values.length === 1) params[d.name] = values[0];
    }
    return { id: m.id.trim(), type: m.type, params, grid };
  });
  const s = form.search;
  return {
    ...recipe,
    models,
    cv: { folds: Number(s.folds), stratified: s.stratified },
    scoring: s.scoring as Recipe['scoring'],
    refit: s.refit as Recipe['refit'],
    champion: { metric: s.championMetric as Recipe['champion']['metric'], on: s.championOn },
  };
}
