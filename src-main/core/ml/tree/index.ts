export { decisionTree } from './decisionTree';
export type { DecisionTreeParams } from './decisionTree';
export { BinMapper, binTrainingData, ENSEMBLE_MAX_BINS, MAX_BINS } from './binning';
export type { BinnedMatrix } from './binning';
export type { FlatTree } from './predictor';
