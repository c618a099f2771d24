export { randomForest } from './randomForest';
export type { RandomForestModel, RandomForestParams } from './randomForest';
export { gradientBoosting, GradientBoostingModel } from './gradientBoosting';
export type { GradientBoostingParams, ImportanceType } from './gradientBoosting';
export { permutationImportance } from './permutationImportance';
export type { PermutationImportanceResult } from './permutationImportance';
