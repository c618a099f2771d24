/**
 * The three-class gradient-boosting models whose XGBoost JSON export
 * (multi:softprob) is checked against Debian's XGBoost: written by
 * scripts/fixtures/model_export_fixtures.ts, scored by
 * scripts/fixtures/xgboost_export_fixtures.py, into
 * test/fixtures/modelExport/<name>.{model,rows,xgboost}.json.
 */
import { gradientBoosting } from '../../../src-main/core/ml/ensemble/gradientBoosting';
import { ALL_FEATURES, fixture, labels, matrix, trainRows } from '../ml/multiclassFixture';
import { syntheticBoosted } from './xgboostFixtureModels';
import type { XgboostFixtureModel } from './xgboostFixtureModels';

export function multiclassXgboostFixtureModels(): XgboostFixtureModel[] {
  const { synthetic, syntheticModel } = syntheticBoosted(3, 25);
  const tr = trainRows(0);
  const banModel = gradientBoosting.fit(matrix(ALL_FEATURES, tr), labels(tr), 3, { nEstimators: 40, maxDepth: 5, learningRate: 0.1, minChildWeight: 3, randomState: 0 });
  return [
    {
      name: 'multiclass-synthetic',
      model: syntheticModel,
      info: { features: synthetic.X.names, classes: synthetic.classes, threshold: null },
      scoring: synthetic.scoring,
    },
    {
      name: 'multiclass-ban-status',
      model: banModel,
      info: { features: fixture.names, classes: fixture.classes, threshold: null },
      scoring: matrix(ALL_FEATURES, fixture.folds[0]),
    },
  ];
}
