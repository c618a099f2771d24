/**
 * The gradient-boosting models whose XGBoost JSON export is checked against
 * Debian's XGBoost (fixtures in test/fixtures/modelExport/, written by
 * scripts/fixtures/model_export_fixtures.ts and xgboost_export_fixtures.py).
 */
import { gradientBoosting } from '../../../src-main/core/ml/ensemble/gradientBoosting';
import type { GradientBoostingModel } from '../../../src-main/core/ml/ensemble/gradientBoosting';
import type { FeatureMatrix } from '../../../src-main/core/ml/types';
import type { ExportInfo } from '../../../src-main/core/modelExport/exportableModel';
import { headRows, preparedSample, syntheticData } from './exportFixtureModels';

export interface XgboostFixtureModel {
  name: string;
  model: GradientBoostingModel;
  info: ExportInfo;
  scoring: FeatureMatrix;
}

/**
 * The synthetic data of `k` classes and a model boosted on it with what the
 * export must carry besides trees: base_score 0.3 (a base margin other than
 * 0, every class's starting margin for k > 2); γ prunes splits; row and column sampling.
 */
export function syntheticBoosted(k: 2 | 3, nEstimators: number): { synthetic: ReturnType<typeof syntheticData>; syntheticModel: GradientBoostingModel } {
  const synthetic = syntheticData(k);
  const syntheticModel = gradientBoosting.fit(synthetic.X, synthetic.y, k, {
    nEstimators,
    maxDepth: 4,
    learningRate: 0.3,
    gamma: 0.5,
    subsample: 0.8,
    colsampleBytree: 0.8,
    baseScore: 0.3,
    randomState: 7,
  });
  return { synthetic, syntheticModel };
}

export function xgboostFixtureModels(): XgboostFixtureModel[] {
  const { synthetic, syntheticModel } = syntheticBoosted(2, 40);
  const claims = preparedSample('claims-course6');
  const claimsModel = gradientBoosting.fit(claims.train.X, claims.train.y, 2, {
    nEstimators: 60,
    maxDepth: 5,
    learningRate: 0.1,
    minChildWeight: 3,
    randomState: 0,
  });
  return [
    {
      name: 'synthetic',
      model: syntheticModel,
      info: { features: synthetic.X.names, classes: synthetic.classes, positiveClass: 'yes', threshold: null },
      scoring: synthetic.scoring,
    },
    {
      name: 'claims',
      model: claimsModel,
      info: { features: claims.features, classes: claims.classes, positiveClass: claims.classes[1], threshold: null },
      scoring: headRows(claims.test.X, 500),
    },
  ];
}
