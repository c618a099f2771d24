import { describe, expect, it } from 'vitest';
import { parseRecipe } from '../../../src-main/core/recipe/schema';
import { exportRecipe } from '../../../src-main/core/recipeExport/exportRecipe';
import type { Notebook } from '../../../src-main/core/recipeExport/notebookJson';
import { refusal } from '../../node/helpers';
import { shippedJson, sklearnScript as script } from './shippedRecipes';

/**
 * A recipe without `target.positive` is for a target of more than two
 * classes (issue 15's decisions): the program numbers the sorted classes,
 * boosts with `multi:softprob`, scores with scikit-learn's averaged scorers
 * and reports k×k matrices — and never fails on the missing positive class.
 */

const MULTICLASS = 'ban-status-multiclass';

describe('a multiclass recipe as Python', () => {
  it('the shipped ban-status recipe exports in every variant, with no value that failed to become text', () => {
    const r = parseRecipe(shippedJson(MULTICLASS));
    expect(r.target.positive).toBeUndefined();
    for (const format of ['sklearn', 'notebook'] as const) {
      for (const dask of [false, true]) {
        const text = exportRecipe(r, { format, dask, dataPath: 'data.csv' }).text;
        expect(text, `${format} ${dask}`).not.toMatch(/object Object|undefined/);
        if (format === 'notebook') expect((JSON.parse(text) as Notebook).nbformat).toBe(4);
      }
    }
  });

  it('sorted classes as labels, stratified splits, XGBoost with multi:softprob, scikit-learn\'s scorer names and k×k matrices', () => {
    const text = script(parseRecipe(shippedJson(MULTICLASS)));
    expect(text).toContain('POSITIVE = None');
    expect(text).toContain('classes = sorted(target_labels(train).unique())');
    expect(text).toContain('CLASSES = classes');
    expect(text).toContain('LABELS = list(range(len(CLASSES)))');
    expect(text).toContain('return frame[FEATURES], labels.map({c: i for i, c in enumerate(CLASSES)}).astype(int)');
    expect(text).toContain('train_test_split(data, test_size=0.2, random_state=0, stratify=target_labels(data))');
    expect(text).toContain('train_test_split(train, test_size=0.25, random_state=0, stratify=target_labels(train))');
    expect(text).toContain('XGBClassifier(objective="multi:softprob", **xgb_params)');
    expect(text).not.toContain('binary:logistic');
    expect(text).toContain('SCORING = {"accuracy": "accuracy", "f1_macro": "f1_macro", "recall_macro": "recall_macro", "precision_macro": "precision_macro"}');
    expect(text).toContain('REFIT = "f1_macro"');
    expect(text).toContain('CHAMPION_METRIC = "f1_macro"');
    expect(text).toContain('confusion_matrix(y, predicted, labels=LABELS)');
    expect(text).not.toContain('labels=[0, 1]');
  });

  it('a binary recipe keeps its positive class, binary:logistic and newton-cholesky; a multiclass one fits the multinomial model with newton-cg', () => {
    const binary = script(parseRecipe(shippedJson('claims-course6')));
    expect(binary).toContain('POSITIVE = "claim"');
    expect(binary).toContain('CLASSES = [classes[0] if classes[1] == POSITIVE else classes[1], POSITIVE]');
    expect(binary).toContain('XGBClassifier(objective="binary:logistic", **xgb_params)');
    const input = shippedJson(MULTICLASS);
    const lr = script(parseRecipe({ ...input, models: [{ id: 'lr', type: 'logisticRegression' }] }));
    expect(lr).toContain('LogisticRegression(solver="newton-cg", random_state=0, **lr_params)');
    expect(script(parseRecipe(shippedJson('verified-course5')))).toContain('LogisticRegression(solver="newton-cholesky"');
  });

  it('an objective param: null becomes the target\'s objective, given once; one that contradicts the target is refused with its field', () => {
    const input = shippedJson(MULTICLASS);
    const withNull = script(parseRecipe({ ...input, models: [{ id: 'xgb', type: 'gradientBoosting', params: { objective: null }, grid: { max_depth: [2] } }] }));
    expect(withNull).toContain('"objective": "multi:softprob",');
    expect(withNull).toContain('XGBClassifier(random_state=0, **xgb_params)');
    const e = refusal(() => script(parseRecipe({ ...input, models: [{ id: 'xgb', type: 'gradientBoosting', grid: { objective: ['binary:logistic'] } }] })));
    expect(e.message).toContain('model 1 (gradient boosting) · objective ($.models[0].grid.objective[0]): "binary:logistic" does not fit the target');
    expect(e.message).toContain('"multi:softprob"');
  });

  it('a binary-only scoring without a positive class is refused before anything is written, naming the field and the averaged scorings', () => {
    const input = shippedJson(MULTICLASS);
    const e = refusal(() => script(parseRecipe({ ...input, scoring: ['accuracy', 'recall'], refit: 'accuracy', champion: { metric: 'accuracy', on: 'validation' } })));
    expect(e.message).toBe(
      "scoring 'recall' (scoring[1]) needs two classes, but the recipe names no positive class (target.positive), so its target has more than two; use recall_macro, recall_weighted or recall_micro, or name the positive class of a two-class target.",
    );
    expect(refusal(() => script(parseRecipe({ ...input, champion: { metric: 'roc_auc', on: 'cv' } }))).message).toContain(
      "scoring 'roc_auc' (champion.metric) needs two classes",
    );
  });

  it('the multiclass scorings and the champion on any of them are written by their scikit-learn names', () => {
    const input = shippedJson(MULTICLASS);
    const text = script(
      parseRecipe({ ...input, scoring: ['roc_auc_ovr', 'f1_weighted', 'neg_log_loss'], refit: 'roc_auc_ovr', champion: { metric: 'balanced_accuracy', on: 'cv' } }),
    );
    expect(text).toContain('SCORING = {"roc_auc_ovr": "roc_auc_ovr", "f1_weighted": "f1_weighted", "neg_log_loss": "neg_log_loss", "balanced_accuracy": "balanced_accuracy"}');
    expect(text).toContain('CHAMPION_ON = "cv"');
  });
});
