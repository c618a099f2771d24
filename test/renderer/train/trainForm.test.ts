import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODEL_PARAMS } from '../../../src-main/core/ml/params';
import { MODEL_PRESETS } from '../../../src-main/core/ml/presets';
import { parseRecipe } from '../../../src-main/core/recipe/schema';
import { planModel } from '../../../src-main/core/search/plan';
import { parseParamText } from '../../../src-renderer/src/lib/train/paramText';
import { applyForm, applyPreset, candidateCount, formFromRecipe, formIssues, newModel } from '../../../src-renderer/src/lib/train/trainForm';
import { describeEstimate, describeProgress, describeRun, formatDuration } from '../../../src-renderer/src/lib/train/runText';

const def = (type: keyof typeof MODEL_PARAMS, name: string) => MODEL_PARAMS[type].find((d) => d.name === name)!;
const course6 = () => parseRecipe(JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8')));

describe('tuning field text', () => {
  it('takes one value, a list, or an inclusive range, written as in Python', () => {
    expect(parseParamText('', def('randomForest', 'max_depth'))).toEqual({ values: [], error: null });
    expect(parseParamText('5, 7, None', def('randomForest', 'max_depth')).values).toEqual([5, 7, null]);
    expect(parseParamText('75..200 step 25', def('randomForest', 'n_estimators')).values).toEqual([75, 100, 125, 150, 175, 200]);
    expect(parseParamText('0.1..0.3 step 0.1', def('gradientBoosting', 'learning_rate')).values).toEqual([0.1, 0.2, 0.3]);
    expect(parseParamText('sqrt, 0.6', def('randomForest', 'max_features')).values).toEqual(['sqrt', 0.6]);
    expect(parseParamText('False', def('randomForest', 'bootstrap')).values).toEqual([false]);
  });

  it('says which value is wrong and why', () => {
    expect(parseParamText('5, 7, -1', def('randomForest', 'max_depth')).error).toBe('-1: expected an integer ≥ 1 or null');
    expect(parseParamText('l1', def('logisticRegression', 'penalty')).error).toBe('l1: expected one of "l2", "none"');
    expect(parseParamText('5,,7', def('randomForest', 'max_depth')).error).toBe('an empty value between commas');
    expect(parseParamText('5, 5', def('randomForest', 'max_depth')).error).toBe('a value is listed twice');
    expect(parseParamText('10..1', def('randomForest', 'n_estimators')).error).toBe('the range ends (1) before it starts (10)');
    expect(parseParamText('1..5000', def('randomForest', 'n_estimators')).error).toMatch(/5000 values; at most 1000/);
    expect(parseParamText('2..4 step 0', def('randomForest', 'n_estimators')).error).toBe('the step of a range must be above 0');
  });
});

describe('the Train form', () => {
  it('round-trips a recipe: lists become grids, single values fixed params', () => {
    const recipe = course6();
    const form = formFromRecipe(recipe);
    expect(form.models[0].fields.max_depth).toBe('5, 7, None');
    expect(form.models[0].fields.bootstrap).toBe('');
    expect(formIssues(form)).toEqual([]);
    const back = applyForm(recipe, form);
    expect(back.models[0].grid).toEqual(recipe.models[0].grid);
    expect(back.models[0].params).toEqual(recipe.models[0].params);
    expect(back.cv).toEqual(recipe.cv);
    expect(candidateCount(form.models[0])).toBe(72);
    expect(candidateCount(form.models[1])).toBe(24);
  });

  it('presets give the seed grids, whose plans match the shipped recipe', () => {
    const recipe = course6();
    const form = formFromRecipe(recipe);
    const rf = MODEL_PRESETS.find((p) => p.id === 'course6-rf')!;
    form.models[0] = applyPreset(newModel('randomForest', []), rf);
    const applied = applyForm(recipe, form);
    expect(planModel(applied.models[0], '$').candidates).toHaveLength(72);
    expect(applied.models[0].grid).toEqual(recipe.models[0].grid);
    for (const p of MODEL_PRESETS) expect(formIssues({ ...form, models: [applyPreset(newModel(p.type, []), p)] })).toEqual([]);
  });

  it('reports duplicate names, bad folds, a refit metric not scored, and no models', () => {
    const form = formFromRecipe(course6());
    form.models[1].id = 'rf';
    form.search.folds = '1';
    form.search.scoring = ['accuracy'];
    expect(formIssues(form).map((i) => i.path)).toEqual(['models.1.id', 'search.folds', 'search.refit']);
    expect(formIssues({ ...form, models: [] })[0]).toEqual({ path: 'models', message: 'Add at least one model.' });
    expect(newModel('randomForest', ['rf', 'rf2']).id).toBe('rf3');
  });
});

describe('run texts', () => {
  it('formats durations, estimates and progress', () => {
    expect(formatDuration(5.4)).toBe('5 s');
    expect(formatDuration(75)).toBe('1 min 15 s');
    expect(formatDuration(4000)).toBe('1 h 06 min');
    const estimate = { models: [], candidates: 96, fits: 152, sklearnFits: 482, fitsNote: null, folds: 5, seconds: 130, range: null, basis: '' };
    expect(describeEstimate(estimate)).toBe('96 candidates · 152 fits (5-fold) · about 2 min 10 s');
    expect(describeEstimate({ ...estimate, range: { low: 65, high: 260 } })).toBe('96 candidates · 152 fits (5-fold) · about 1–5 min');
    const summary = { datasetName: 'sample', createdAt: '2026-11-22T13:05:00Z' } as Parameters<typeof describeRun>[0];
    expect(describeRun(summary, null)).toMatch(/^sample · started .+$/);
    const record = { rows: { train: 11450, validation: 3817, test: 3817 }, seconds: { total: 66.4 } } as Parameters<typeof describeRun>[1];
    expect(describeRun(summary, record)).toMatch(/ · 11,450 training, 3,817 validation, 3,817 test rows · took 1 min 06 s$/);
    const progress = { fitsDone: 12.5, fitsFinished: 12, fitsTotal: 152, elapsedSeconds: 42, etaSeconds: 200, etaRange: null, phase: 'cross-validating' as const, phaseElapsedSeconds: 40, models: [], message: '' };
    expect(describeProgress(progress)).toBe('12 of 152 fits · 42 s elapsed · about 3 min 20 s left');
    expect(describeProgress({ ...progress, etaRange: { low: 20, high: 45 } })).toBe('12 of 152 fits · 42 s elapsed · about 20–45 s left');
  });
});
