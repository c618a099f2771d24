/**
 * Three-class forests, trees and boosted models back from their documents
 * (as a model file keeps them): predictProba bit-identical to the original,
 * binary boosting documents unchanged in shape, damaged documents refused.
 */
import { describe, expect, it } from 'vitest';
import { gradientBoosting, GradientBoostingModel } from '../../../src-main/core/ml/ensemble/gradientBoosting';
import { randomForest } from '../../../src-main/core/ml/ensemble/randomForest';
import { logisticRegression } from '../../../src-main/core/ml/linear/logisticRegression';
import { modelClassCount, restoreClassifier, fittedModelSchema } from '../../../src-main/core/ml/restore';
import { decisionTree } from '../../../src-main/core/ml/tree/decisionTree';
import type { FittedClassifier } from '../../../src-main/core/ml/types';
import { ALL_FEATURES, labels, matrix, trainRows } from './multiclassFixture';

const K = 3;
const tr = trainRows(1).slice(0, 1500);
const X = matrix(ALL_FEATURES, tr);
const y = labels(tr);
const Xv = matrix(ALL_FEATURES, trainRows(3).slice(0, 800));

/** Through JSON text, as a model file stores it. */
const roundTrip = (m: FittedClassifier) => restoreClassifier(JSON.parse(JSON.stringify(m.toJSON())));

describe('restoring three-class models', () => {
  const cases: [string, () => FittedClassifier][] = [
    ['decision tree', () => decisionTree.fit(X, y, K, { maxDepth: 7 })],
    ['random forest', () => randomForest.fit(X, y, K, { nEstimators: 12, maxFeatures: 0.5, randomState: 2 })],
    ['multinomial logistic regression', () => logisticRegression.fit(X, y, K, { C: 0.5, classNames: ['active', 'banned', 'under review'] })],
    ['gradient boosting (multi:softprob, pruned and subsampled)', () => gradientBoosting.fit(X, y, K, { nEstimators: 10, maxDepth: 5, gamma: 0.5, subsample: 0.8, colsampleBytree: 0.7, randomState: 1 })],
  ];
  for (const [name, fit] of cases) {
    it(`${name}: predictProba bit for bit, ${K} classes`, () => {
      const model = fit();
      const back = roundTrip(model);
      expect(back.nClasses).toBe(K);
      expect(back.constructor).toBe(model.constructor);
      const a = model.predictProba(Xv);
      const b = back.predictProba(Xv);
      expect(b.classes).toBe(K);
      expect(Array.from(b.data)).toEqual(Array.from(a.data));
      expect(modelClassCount(fittedModelSchema.parse(model.toJSON()))).toBe(K);
    });
  }

  it('a restored multiclass booster keeps its rounds and base margin', () => {
    const model = gradientBoosting.fit(X, y, K, { nEstimators: 4, maxDepth: 3, baseScore: 0.2 });
    const back = roundTrip(model) as GradientBoostingModel;
    expect(back).toBeInstanceOf(GradientBoostingModel);
    expect(back.nMembers).toBe(4);
    expect(back.trees).toHaveLength(12);
    expect(back.baseMargin).toBe(0.2);
    expect((model.toJSON() as { nClasses: number }).nClasses).toBe(K);
  });

  it('a binary booster document is as before: no nClasses, restored as two classes', () => {
    const y2 = Int32Array.from(y, (v) => (v === 0 ? 0 : 1));
    const model = gradientBoosting.fit(X, y2, 2, { nEstimators: 3, maxDepth: 3 });
    const doc = model.toJSON() as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(['kind', 'nFeatures', 'baseMargin', 'trees']);
    const back = roundTrip(model);
    expect(back.nClasses).toBe(2);
    expect(modelClassCount(fittedModelSchema.parse(doc))).toBe(2);
    expect(Array.from(back.predictProba(Xv).data)).toEqual(Array.from(model.predictProba(Xv).data));
  });

  it('refuses a multiclass booster whose trees are not whole rounds, and nClasses below 3', () => {
    const doc = gradientBoosting.fit(X, y, K, { nEstimators: 2, maxDepth: 2 }).toJSON() as { trees: unknown[] };
    const broken = { ...doc, trees: doc.trees.slice(0, 5) };
    expect(() => restoreClassifier(broken)).toThrow(/its 5 trees do not make whole rounds of one tree per class \(3 classes\)/);
    expect(() => restoreClassifier({ ...doc, nClasses: 2 })).toThrow(/damaged at nClasses/);
  });

  it('refuses a three-class forest whose leaves do not hold three class proportions', () => {
    const doc = randomForest.fit(X, y, K, { nEstimators: 2, maxDepth: 2 }).toJSON() as { nClasses: number };
    expect(() => restoreClassifier({ ...doc, nClasses: 2 })).toThrow(/value has \d+ entries for \d+ nodes of 2/);
  });

  it('refuses a multinomial logistic document whose vectors, intercepts or classes disagree', () => {
    const doc = logisticRegression.fit(X, y, K, { C: 0.5 }).toJSON() as { coefficients: number[][]; intercept: number[] };
    expect(() => restoreClassifier({ ...doc, intercept: [...doc.intercept, 0] })).toThrow(/3 coefficient vectors for 4 intercepts/);
    expect(() => restoreClassifier({ ...doc, coefficients: [doc.coefficients[0], doc.coefficients[1], doc.coefficients[2].slice(1)] })).toThrow(
      /coefficients of class 3 is damaged: \d+ coefficients for \d+ features/,
    );
    expect(() => restoreClassifier({ ...doc, multiClass: undefined })).toThrow(/multiClass "multinomial"/);
    expect(() => restoreClassifier({ ...doc, classes: ['a', 'b'] })).toThrow(/2 class names for 3 classes/);
  });
});
