import { describe, expect, it } from 'vitest';
import { makeFrame, type Frame } from '../../../src-main/core/recipe/frame';
import { prepare } from '../../../src-main/core/recipe/pipeline';
import { previewRecipe } from '../../../src-main/core/recipe/preview';
import { parseRecipe, type RecipeInput } from '../../../src-main/core/recipe/schema';

/** `n` rows cycling through `labels` by the weights given, with one numeric feature. */
function frameOf(counts: Record<string, number>): Frame {
  const labels = Object.entries(counts).flatMap(([label, n]) => new Array<string>(n).fill(label));
  return makeFrame(labels.length, [
    ['x', { type: 'number', values: Float64Array.from(labels, (_, i) => (i * 7) % 13) }],
    ['status', { type: 'string', values: labels }],
  ]);
}

const recipeOf = (over: Partial<RecipeInput> = {}): RecipeInput => ({
  version: 1,
  name: 'three classes',
  dataset: { name: 'd' },
  target: { column: 'status' },
  steps: [{ op: 'split', test: 0.2, validation: 0.25, randomState: 0, stratify: true }],
  models: [{ id: 'lr', type: 'logisticRegression' }],
  scoring: ['accuracy', 'f1_macro'],
  refit: 'f1_macro',
  champion: { metric: 'f1_macro', on: 'validation' },
  ...over,
});

const three = () => frameOf({ 'under review': 60, active: 200, banned: 40 });
const run = (over: Partial<RecipeInput>, frame = three()) => () => prepare(parseRecipe(recipeOf(over)), frame);

describe('a target with more than two classes', () => {
  it('is encoded as indices into its sorted classes, and the stratified split keeps each class share in every part', () => {
    const p = prepare(parseRecipe(recipeOf()), three());
    expect(p.classes).toEqual(['active', 'banned', 'under review']);
    const tally = (y: Int32Array) => [0, 1, 2].map((k) => y.filter((v) => v === k).length);
    // 300 rows: test 60, then validation 60 of the 240 left, stratified by the target.
    expect(tally(p.test.y)).toEqual([40, 8, 12]);
    expect(tally(p.validation!.y)).toEqual([40, 8, 12]);
    expect(tally(p.train.y)).toEqual([120, 24, 36]);
  });

  it('orders classes by code point, as np.unique does (upper case before lower case)', () => {
    const p = prepare(parseRecipe(recipeOf()), frameOf({ b: 50, B: 50, a: 50 }));
    expect(p.classes).toEqual(['B', 'a', 'b']);
  });

  it('refuses a positive class, naming the classes', () => {
    expect(run({ target: { column: 'status', positive: 'banned' } })).toThrow(
      /"status" has 3 classes \(active, banned, under review\)[^]*remove target\.positive \("banned"\)/,
    );
  });

  it('refuses two-class scorings before anything is fitted, saying what to use instead', () => {
    expect(run({ scoring: ['accuracy', 'recall'], refit: 'accuracy', champion: { metric: 'accuracy', on: 'validation' } })).toThrow(
      "scoring 'recall' needs two classes; for 3 classes use recall_macro, recall_weighted or recall_micro",
    );
    expect(run({ scoring: ['accuracy', 'roc_auc'], refit: 'accuracy', champion: { metric: 'accuracy', on: 'validation' } })).toThrow(
      /scoring 'roc_auc' needs two classes; for 3 classes use roc_auc_ovr or roc_auc_ovo \(scoring\[1\]/,
    );
    expect(run({ scoring: ['accuracy'], refit: 'accuracy', champion: { metric: 'f1', on: 'validation' } })).toThrow(
      /scoring 'f1' needs two classes; for 3 classes use f1_macro, f1_weighted or f1_micro \(champion\.metric/,
    );
  });

  it('accepts every multiclass scoring', () => {
    const scoring = ['accuracy', 'balanced_accuracy', 'f1_macro', 'f1_weighted', 'f1_micro', 'precision_weighted', 'recall_micro', 'roc_auc_ovr', 'roc_auc_ovo', 'neg_log_loss'] as const;
    expect(run({ scoring: [...scoring], refit: 'roc_auc_ovr', champion: { metric: 'neg_log_loss', on: 'cv' } })).not.toThrow();
  });

  it('a class only the held-out rows have is named with the part', () => {
    // Unstratified, a class of one row can land in the test rows alone.
    const frame = frameOf({ active: 40, banned: 40, lost: 1, 'under review': 40 });
    const lone = { op: 'split' as const, test: 0.2, validation: 0, randomState: 0, stratify: false };
    const findsLone = (seed: number) => {
      try {
        prepare(parseRecipe(recipeOf({ steps: [{ ...lone, randomState: seed }] })), frame);
        return null;
      } catch (e) {
        return (e as Error).message;
      }
    };
    const messages = Array.from({ length: 20 }, (_, seed) => findsLone(seed)).filter((m): m is string => m !== null);
    expect(messages.some((m) => /the value "lost" in the test rows, which the training rows do not have/.test(m))).toBe(true);
  });
});

describe('a binary target', () => {
  const two = () => frameOf({ yes: 100, no: 150 });
  it('without target.positive is refused, asking for it', () => {
    expect(run({}, two())).toThrow(/"status" has two classes \(no and yes\): say which one is the positive class in target\.positive/);
  });

  it('keeps [negative, positive] with y = 1 for the positive class, whatever the sorted order', () => {
    const p = prepare(parseRecipe(recipeOf({ target: { column: 'status', positive: 'no' }, scoring: ['recall'], refit: 'recall', champion: { metric: 'recall', on: 'validation' } })), two());
    expect(p.classes).toEqual(['yes', 'no']);
    expect(p.train.y.filter((v) => v === 1).length).toBe(90);
  });

  it('a positive class the target lacks is named', () => {
    expect(run({ target: { column: 'status', positive: 'maybe' } }, two())).toThrow(/positive class "maybe" does not occur in "status"; its classes are no and yes \(target\.positive\)/);
  });
});

describe('the preview of a multiclass recipe', () => {
  it('gives the class balance of the prepared rows and warns about each rare class', () => {
    const p = previewRecipe(recipeOf(), frameOf({ active: 270, banned: 24, 'under review': 6 }));
    expect(p.failure).toBeNull();
    expect(p.target).toMatchObject({ positive: null, classes: ['active', 'banned', 'under review'] });
    expect(p.targetBalance).toEqual({
      column: 'status',
      classes: [
        { name: 'active', count: 270, share: 0.9 },
        { name: 'banned', count: 24, share: 0.08 },
        { name: 'under review', count: 6, share: 0.02 },
      ],
    });
    const rare = p.warnings.filter((w) => w.code === 'rare-class');
    expect(rare.map((w) => w.message)).toEqual([
      expect.stringMatching(/^The class "banned" of "status" is rare: 14 of the 180 training rows \(7\.8 %\); the models see few examples/),
      expect.stringMatching(/^The class "under review" of "status" is rare: 4 of the 180 training rows \(2\.2 %\); fewer than the 5 cross-validation folds, so stratified folds cannot be made/),
    ]);
    expect(rare.map((w) => w.severity)).toEqual(['warning', 'error']);
    expect(p.warnings.find((w) => w.code === 'imbalance')?.message).toMatch(/judge them by macro averages/);
  });

  it('warns about a class with fewer rows than twice the folds even when its share is not small', () => {
    const p = previewRecipe(recipeOf({ cv: { folds: 10, stratified: true } }), frameOf({ a: 25, b: 25, c: 25 }));
    const rare = p.warnings.filter((w) => w.code === 'rare-class');
    expect(rare).toHaveLength(3);
    expect(rare[0].message).toMatch(/"a" of "status" is rare: 15 of the 45 training rows \(33\.3 %\); fewer than 2 per cross-validation fold \(10 folds\)/);
  });

  it('a two-class scoring on it shows as the failure that stops the run', () => {
    const p = previewRecipe(recipeOf({ scoring: ['recall'], refit: 'recall' }), three());
    expect(p.failure?.message).toMatch(/scoring 'recall' needs two classes; for 3 classes use recall_macro/);
  });

  it('a binary target gets a balance too, in [negative, positive] order', () => {
    const p = previewRecipe(recipeOf({ target: { column: 'status', positive: 'yes' } }), frameOf({ yes: 100, no: 150 }));
    expect(p.targetBalance?.classes.map((c) => [c.name, c.count])).toEqual([
      ['no', 150],
      ['yes', 100],
    ]);
  });
});
