export { decisionTree } from './decisionTree';
export type { DecisionTreeParams } from './decisionTree';
export { BinMapper, binTrainingData, MAX_BINS } from './binning';
export type { BinnedMatrix } from './binning';
export type { FlatTree } from './predictor';
