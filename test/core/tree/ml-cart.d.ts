/** The part of ml-cart (the test oracle; it ships no types) the tests use. */
declare module 'ml-cart' {
  export class DecisionTreeClassifier {
    constructor(options?: { gainFunction?: 'gini'; maxDepth?: number; minNumSamples?: number; gainThreshold?: number });
    train(trainingSet: number[][], labels: number[]): void;
    predict(toPredict: number[][]): number[];
  }
}
