/**
 * Model files and scoring for more than two classes: the class count must
 * match the fitted model, no positive class or threshold is kept, the label
 * tally is k × k with macro averages (scikit-learn's `average='macro'`), and
 * a threshold asked of such a model is refused.
 */
import { describe, expect, it } from 'vitest';
import { modelFileText } from '../../../src-main/core/modelFile/buildModelFile';
import { readModelFile } from '../../../src-main/core/modelFile/readModelFile';
import { LabelTally } from '../../../src-main/core/scoring/labelTally';
import { scoringThreshold } from '../../../src-main/core/scoring/threshold';
import { modelFileOf } from '../modelFile/modelFileFixture';

const tree = modelFileOf('verified-course5-no-leak.json', 'decisionTree');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;
/** The two-class tree's file made a three-class one: three proportions per node, the third class never predicted. */
function threeClassDoc(): Doc {
  const doc = JSON.parse(modelFileText(tree.file));
  const f = doc.model.fitted;
  f.nClasses = 3;
  for (const t of f.trees) t.value = t.feature.flatMap((_: number, n: number) => [t.value[2 * n], t.value[2 * n + 1], 0]);
  doc.target.classes = ['a', 'b', 'c'];
  doc.target.positiveClass = null;
  return doc;
}
function refusal(doc: Doc): string {
  try {
    readModelFile(JSON.stringify(doc), 'm.assaymodel');
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('a three-class model file', () => {
  it('reads back with its classes and no positive class', () => {
    const m = readModelFile(JSON.stringify(threeClassDoc()), 'm.assaymodel');
    expect(m.classes).toEqual(['a', 'b', 'c']);
    expect(m.positiveClass).toBeNull();
    expect(m.model.nClasses).toBe(3);
  });

  it('refuses a positive class, a threshold, and a class count the model does not predict', () => {
    const positive = threeClassDoc();
    positive.target.positiveClass = 'c';
    expect(refusal(positive)).toMatch(/\$\.target\.positiveClass: the positive class must be the second of two classes, and null for more classes/);
    const threshold = threeClassDoc();
    threshold.threshold = 0.3;
    expect(refusal(threshold)).toMatch(/\$\.threshold: a threshold needs two classes/);
    const four = threeClassDoc();
    four.target.classes = ['a', 'b', 'c', 'd'];
    expect(refusal(four)).toBe('m.assaymodel is damaged: the fitted model (model.fitted) predicts 3 classes but target.classes lists 4 ("a", "b", "c", "d").');
  });
});

describe('scoring a three-class model', () => {
  const model = { threshold: null, classes: ['a', 'b', 'c'] };
  it('takes no threshold: null, and one asked for is refused naming the classes', () => {
    expect(scoringThreshold(model)).toBeNull();
    expect(() => scoringThreshold(model, 0.4, '--threshold')).toThrow(
      '--threshold applies to a model of two classes, but this one predicts 3 (a, b, c) and takes the most probable class for each row; score without a threshold.',
    );
    expect(scoringThreshold({ threshold: 0.3, classes: ['no', 'yes'] })).toBe(0.3);
    expect(scoringThreshold({ threshold: null, classes: ['no', 'yes'] }, 0.7)).toBe(0.7);
  });

  it("tallies labels k × k with scikit-learn's macro averages over the classes that occur", () => {
    const t = new LabelTally(['a', 'b', 'c', 'd']);
    // y_true a a b b c c, y_pred a b b b a c; "d" is neither a label nor a prediction, so the macro leaves it out.
    t.add(['a', 'a', 'b', 'b', 'c', 'c', 'x', null, 'a'], Int32Array.from([0, 1, 1, 1, 0, 2, 0, 0, -1]));
    const r = t.result();
    expect(r.confusion).toEqual([
      [1, 1, 0, 0],
      [0, 2, 0, 0],
      [1, 0, 1, 0],
      [0, 0, 0, 0],
    ]);
    expect(r.rows).toBe(6);
    expect(r.unlabelled).toBe(2);
    expect(r.notScored).toBe(1);
    expect(r.average).toBe('macro');
    // sklearn.metrics: precision_score(..., average='macro') = (1/2 + 2/3 + 1) / 3, recall (1/2 + 1 + 1/2) / 3, f1 (1/2 + 4/5 + 2/3) / 3.
    expect(r.metrics.accuracy).toBeCloseTo(4 / 6, 15);
    expect(r.metrics.precision).toBeCloseTo((1 / 2 + 2 / 3 + 1) / 3, 15);
    expect(r.metrics.recall).toBeCloseTo((1 / 2 + 1 + 1 / 2) / 3, 15);
    expect(r.metrics.f1).toBeCloseTo((1 / 2 + 4 / 5 + 2 / 3) / 3, 15);
  });

  it('two classes keep the positive-class metrics and no average field', () => {
    const t = new LabelTally(['no', 'yes']);
    t.add(['no', 'yes', 'yes'], Int32Array.from([0, 1, 0]));
    const r = t.result();
    expect(r).toEqual({ rows: 3, confusion: [[1, 0], [1, 1]], metrics: { accuracy: 2 / 3, precision: 1, recall: 0.5, f1: 2 / 3 }, unlabelled: 0, notScored: 0 });
  });
});
