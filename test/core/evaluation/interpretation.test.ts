import { describe, expect, it } from 'vitest';
import { interpretModel, interpretRun } from '../../../src-main/core/evaluation/interpretation';
import { lrJson, model, record } from './fixtures';

describe('interpretModel', () => {
  it('says how the champion does on the test rows, what it misses and what it relies on', () => {
    const text = interpretModel(record([model()]), 'rf');
    expect(text).toEqual([
      'On the 3,817 test rows it reaches recall 0.994, accuracy 0.996 and precision 0.999.',
      'It misses 12 of 1,914 claims (0.6%) and wrongly flags 2 of 1,903 opinions (0.1%).',
      'It relies most on video_view_count (0.600), video_like_count (0.250) and text_length (0.100), by impurity decrease.',
      'Shuffling video_view_count costs the most: recall on the validation rows drops by 0.200.',
    ]);
  });

  it('uses the validation rows for a model that is not the champion, else mean CV', () => {
    const rec = record([model(), model({ modelId: 'xgb' }), model({ modelId: 'bare', validation: null })]);
    const xgb = interpretModel(rec, 'xgb');
    expect(xgb[0]).toBe('On the 3,817 validation rows it reaches recall 0.990, accuracy 0.994 and precision 0.997.');
    expect(xgb[1]).toBe('It misses 20 of 1,925 claims (1.0%) and wrongly flags 5 of 1,892 opinions (0.3%).');
    expect(interpretModel(rec, 'bare')[0]).toBe(
      'No held-out set scored it; in cross-validation its best candidate reaches mean recall 0.990, mean accuracy 0.995 and mean precision 1.000.',
    );
  });

  it('reads logistic coefficients as log-odds and odds, with p-values when unpenalised', () => {
    const lr = model({ modelId: 'logreg', type: 'logisticRegression', model: lrJson('none'), importances: [] });
    const text = interpretModel(record([lr], { classes: ['not verified', 'verified'] }), 'logreg');
    expect(text[2]).toBe(
      "It relies most on claim_status_opinion (1.550), video_duration_sec (0.009) and video_view_count (-2.1e-6), by |coefficient|; coefficients depend on each feature's units, so compare them on a common scale only.",
    );
    expect(text[3]).toBe(
      'Each additional unit of claim_status_opinion is associated with a 1.550 increase in the log-odds of “verified” (odds × 4.711, p < 0.001), the other features held fixed.',
    );
    expect(text[4]).toBe(
      'Each additional unit of video_duration_sec is associated with a 0.009 increase in the log-odds of “verified” (odds × 1.009, p < 0.001), the other features held fixed.',
    );
    expect(text.length).toBeLessThanOrEqual(6);
    const l2 = interpretModel(record([{ ...lr, model: lrJson('l2') }]), 'logreg');
    expect(l2).toContain(
      'Each additional unit of claim_status_opinion is associated with a 1.550 increase in the log-odds of “claim” (odds × 4.711), the other features held fixed.',
    );
  });

  it('reads a 0/1 indicator of a oneHot step as being one category rather than the dropped one', () => {
    const lr = model({ modelId: 'logreg', type: 'logisticRegression', model: lrJson('none'), importances: [] });
    const dummies = [{ feature: 'claim_status_opinion', column: 'claim_status', value: 'opinion', base: 'claim' }];
    const text = interpretModel(record([lr], { classes: ['not verified', 'verified'], dummies }), 'logreg');
    expect(text[3]).toBe(
      'Being opinion rather than claim (claim_status) is associated with a 1.550 increase in the log-odds of “verified” (odds × 4.711, p < 0.001), the other features held fixed.',
    );
    // The numeric feature keeps its unit reading.
    expect(text[4]).toMatch(/^Each additional unit of video_duration_sec is associated/);
    // A run recorded before the dropped category was kept reads the indicator from the recipe's steps.
    const recipe = { steps: [{ op: 'oneHot', columns: ['claim_status', 'author_ban_status'], dropFirst: true }] };
    const old = interpretModel(record([lr], { recipe, features: ['video_duration_sec', 'claim_status_opinion', 'video_view_count'] }), 'logreg');
    expect(old[3]).toMatch(/^Being opinion rather than the dropped first claim_status category is associated with a 1.550 increase/);
    const undropped = interpretModel(record([lr], { dummies: [{ ...dummies[0], base: null }] }), 'logreg');
    expect(undropped[3]).toMatch(/^Being opinion \(claim_status\) rather than not is associated/);
  });

  it('shows a tiny negative coefficient without rounding it to 0.000, and flags a non-significant one', () => {
    const lr = model({
      modelId: 'logreg',
      model: lrJson('none', { features: ['video_view_count'], coefficients: [-2.1e-6], inference: null, inferenceError: null, intercept: 0.1 }),
      importances: [],
    });
    const text = interpretModel(record([lr]), 'logreg');
    expect(text).toContain(
      'Each additional unit of video_view_count is associated with a 2.1e-6 decrease in the log-odds of “claim” (odds × 0.999998), the other features held fixed.',
    );
    const withP = model({ modelId: 'logreg', model: lrJson('none'), importances: [] });
    const all = interpretModel(record([withP]), 'logreg').join(' ');
    expect(all).not.toContain('video_view_count is associated'); // only the top two effects are read
  });

  it('cautions when CV and held-out differ by more than 0.05, naming the worst metric, and keeps cautions within six sentences', () => {
    const shaky = model({ bestCv: { recall: 0.9, precision: 0.99, accuracy: 0.95 }, failedFits: [{ candidate: 1, fold: 2, error: 'x' }] });
    const text = interpretModel(record([shaky]), 'rf');
    expect(text.at(-2)).toBe(
      'Caution: its mean cross-validation recall (0.900) and test recall (0.994) differ by more than 0.05: the estimate is unstable, or the test rows differ from the training rows.',
    );
    expect(text.at(-1)).toBe('Caution: 1 of 10 cross-validation fits failed, so some candidates were ranked on fewer folds or not at all.');
    expect(text.length).toBeLessThanOrEqual(6);
    // A gap of exactly 0.05 or less is no caution.
    expect(interpretModel(record([model({ bestCv: { recall: 0.95, precision: 1, accuracy: 0.99 } })]), 'rf').join(' ')).not.toContain('Caution');
  });

  it('passes on a convergence warning as a caution', () => {
    const lr = model({ modelId: 'logreg', model: lrJson('l2', { warning: 'The solver did not converge in max_iter=5 iterations; increase max_iter.' }), importances: [] });
    expect(interpretModel(record([lr]), 'logreg').at(-1)).toBe('Caution: The solver did not converge in max_iter=5 iterations; increase max_iter.');
  });

  it('marks a partial model and reports only what it finished', () => {
    const partial = model({ partial: true, validation: null, importances: [] });
    partial.cv.rows.pop();
    const text = interpretModel(record([partial], { champion: null, status: 'cancelled' }), 'rf');
    expect(text[0]).toBe(
      'Caution: rf is partial: the run stopped before it was refitted, so only the cross-validation scores of the 1 of 2 candidates it finished are known.',
    );
    expect(text[1]).toBe('Its best finished candidate reaches mean recall 0.990, mean accuracy 0.995 and mean precision 1.000 in cross-validation.');
  });

  it('throws for a model the run does not have', () => {
    expect(() => interpretModel(record([model()]), 'svm')).toThrow('The run has no model "svm"; its models are "rf".');
  });
});

describe('interpretRun', () => {
  it('names the champion with the rule and value it won by, then the test scores and the others', () => {
    const rec = record([model(), model({ modelId: 'xgb', validation: { rows: 3817, metrics: { recall: 0.985 }, confusion: [[1, 0], [0, 1]], report: null } })]);
    const text = interpretRun(rec);
    expect(text[0]).toBe(
      'rf is the champion: highest validation recall (0.990); on the test set (3,817 rows, scored once) it reaches recall 0.994, accuracy 0.996 and precision 0.999.',
    );
    expect(text[1]).toBe('The other model: xgb (validation recall 0.985).');
    expect(text[2]).toBe('The positive class is “claim”: recall is the share of claims the model catches, precision the share of its flags that are claims.');
    expect(text).toHaveLength(3);
  });

  it('words a champion chosen on cross-validation', () => {
    const rec = record([model()]);
    rec.champion!.rule = 'highest cv recall';
    expect(interpretRun(rec)[0]).toMatch(/^rf is the champion: highest mean cross-validation recall \(0\.990\);/);
  });

  it('adds a leakage note naming the steps, and says when there is no champion', () => {
    const one = interpretRun(record([model()], { leakage: [{ step: 2, op: 'capOutliersIqr', message: 'Outlier caps fitted before the split use the quartiles of validation and test rows too.' }] }));
    // Steps are named as the Prepare list numbers and words them.
    expect(one.at(-1)).toBe(
      'Leakage: step 3 (cap outliers) runs before the split. Outlier caps fitted before the split use the quartiles of validation and test rows too. Held-out scores may be optimistic.',
    );
    const two = interpretRun(record([model()], { leakage: [{ step: 2, op: 'capOutliersIqr', message: '' }, { step: 4, op: 'resample', message: '' }] }));
    expect(two.at(-1)).toBe('Leakage: steps 3 (cap outliers) and 5 (resample) run before the split and learn from the validation and test rows too, so held-out scores may be optimistic.');
    expect(interpretRun(record([model()], { champion: null, status: 'cancelled' }))[0]).toBe(
      'The run was cancelled before a champion was chosen; each model shows the cross-validation candidates it finished.',
    );
    expect(interpretRun(record([model()])).join(' ')).not.toContain('Leakage');
  });
});
