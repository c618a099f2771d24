import { describe, expect, it } from 'vitest';
import { gradientBoosting } from '../../../src-main/core/ml/ensemble/gradientBoosting';
import { randomForest } from '../../../src-main/core/ml/ensemble/randomForest';
import { logisticRegression } from '../../../src-main/core/ml/linear/logisticRegression';
import { restoreClassifier } from '../../../src-main/core/ml/restore';
import { decisionTree } from '../../../src-main/core/ml/tree/decisionTree';
import type { FeatureMatrix, FittedClassifier } from '../../../src-main/core/ml/types';
import { prepare } from '../../../src-main/core/recipe/pipeline';
import { sampleFrame } from '../recipe/sampleFrame';
import { shippedRecipe } from '../scoring/preparationFixtures';

/** Through JSON text and back, as a model file carries it. */
const roundTrip = (m: FittedClassifier) => restoreClassifier(JSON.parse(JSON.stringify(m.toJSON())));

function expectSameProba(a: FittedClassifier, b: FittedClassifier, X: FeatureMatrix): void {
  const p = a.predictProba(X).data;
  const q = b.predictProba(X).data;
  expect(q.length).toBe(p.length);
  let diff = -1;
  for (let i = 0; i < p.length && diff < 0; i++) if (!Object.is(p[i], q[i])) diff = i;
  expect(diff, `differs at ${diff}: ${p[diff]} vs ${q[diff]}`).toBe(-1);
}

/** The sample's Course 6 features with a share of values knocked out, so the missing-value sides are used too. */
function withHoles(X: FeatureMatrix, every: number): FeatureMatrix {
  return { ...X, columns: X.columns.map((c, j) => c.map((v, i) => ((i + j) % every === 0 ? NaN : v))) };
}

describe('models restored from their JSON predict exactly as the originals', () => {
  const course6 = prepare(shippedRecipe('claims-course6.json'), sampleFrame());
  const train = { X: withHoles(course6.train.X, 7), y: course6.train.y };
  const test = [course6.test.X, withHoles(course6.test.X, 5)];

  it('a decision tree', () => {
    const m = decisionTree.fit(train.X, train.y, 2, { maxDepth: 8 });
    for (const X of test) expectSameProba(m, roundTrip(m), X);
  });

  it('a random forest', () => {
    const m = randomForest.fit(train.X, train.y, 2, { nEstimators: 15, maxDepth: null, maxFeatures: 0.6, maxSamples: 0.7, randomState: 0 });
    for (const X of test) expectSameProba(m, roundTrip(m), X);
  });

  it('gradient boosting, pruned trees included', () => {
    const m = gradientBoosting.fit(train.X, train.y, 2, { nEstimators: 30, maxDepth: 4, learningRate: 0.1, gamma: 0.5, subsample: 0.8, randomState: 0 });
    for (const X of test) expectSameProba(m, roundTrip(m), X);
  });

  it('a logistic regression', () => {
    const course5 = prepare(shippedRecipe('verified-course5-no-leak.json'), sampleFrame());
    const m = logisticRegression.fit(course5.train.X, course5.train.y, 2, { maxIter: 800 });
    expectSameProba(m, roundTrip(m), course5.test.X);
    const unpenalised = logisticRegression.fit(course5.train.X, course5.train.y, 2, { penalty: 'none', maxIter: 800 });
    expectSameProba(unpenalised, roundTrip(unpenalised), course5.test.X);
  });

  it('refuses damaged documents instead of looping or reading past the arrays', () => {
    const m = decisionTree.fit(train.X, train.y, 2, { maxDepth: 3 }).toJSON() as { trees: { left: number[]; feature: number[]; value: number[] }[] };
    const cyclic = structuredClone(m);
    cyclic.trees[0].left[0] = 0;
    expect(() => restoreClassifier(cyclic)).toThrow(/node 0 has child 0/);
    const short = structuredClone(m);
    short.trees[0].value.pop();
    expect(() => restoreClassifier(short)).toThrow(/value has/);
    const wide = structuredClone(m);
    wide.trees[0].feature[0] = 999;
    expect(() => restoreClassifier(wide)).toThrow(/feature 999/);
    expect(() => restoreClassifier({ kind: 'svm' })).toThrow(/damaged/);
  });
});
