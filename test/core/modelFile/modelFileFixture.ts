import { buildModelFile } from '../../../src-main/core/modelFile/buildModelFile';
import type { AssayModelFile } from '../../../src-main/core/modelFile/schema';
import { decisionTree } from '../../../src-main/core/ml/tree/decisionTree';
import { logisticRegression } from '../../../src-main/core/ml/linear/logisticRegression';
import type { FittedClassifier } from '../../../src-main/core/ml/types';
import { buildPreparation } from '../../../src-main/core/scoring/buildPreparation';
import type { RunRecord } from '../../../src-main/core/search/runRecord';
import { frameColumns, preparedWithRawRows, shippedRecipe } from '../scoring/preparationFixtures';

/**
 * A model file as a run of `recipeFile` would write it, with a model fitted
 * here (a logistic regression, or a small tree): what a run record holds of
 * it, without running the search.
 */
export function modelFileOf(recipeFile: string, kind: 'logisticRegression' | 'decisionTree' = 'logisticRegression') {
  const recipe = shippedRecipe(recipeFile);
  const { prepared, frame, rows } = preparedWithRawRows(recipe);
  const model: FittedClassifier =
    kind === 'logisticRegression'
      ? logisticRegression.fit(prepared.train.X, prepared.train.y, 2, { maxIter: 800 })
      : decisionTree.fit(prepared.train.X, prepared.train.y, 2, { maxDepth: 6 });
  const record = {
    recipeName: recipe.name,
    recipe,
    assayVersion: '0.1.0',
    startedAt: '2025-01-01T00:00:00.000Z',
    dataset: { name: 'sample', rows: frame.rows, contentHash: null, expectedHash: null },
    classes: prepared.classes,
    features: prepared.features,
    rows: { train: prepared.train.y.length, validation: prepared.validation?.y.length ?? 0, test: prepared.test.y.length },
    models: [{ modelId: 'm', type: kind, bestParams: {}, model: JSON.parse(JSON.stringify(model.toJSON())), partial: false }],
    status: 'complete',
  } as unknown as RunRecord;
  const preparation = buildPreparation(recipe, prepared.learned, frameColumns(frame), prepared.features);
  const file: AssayModelFile = buildModelFile({ record, modelId: 'm', runId: null, preparation });
  return { file, model, prepared, frame, rows };
}
