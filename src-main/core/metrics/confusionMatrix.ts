import { checkLabels, checkSameLength } from './numeric';

/**
 * The confusion matrix C with C[i][j] = number of rows whose true class is i
 * and predicted class is j (rows = true, columns = predicted), as
 * `sklearn.metrics.confusion_matrix(y_true, y_pred, labels=range(nClasses))`.
 * Every class gets a row and a column, even when it never occurs.
 */
export function confusionMatrix(yTrue: Int32Array, yPred: Int32Array, nClasses: number): number[][] {
  checkSameLength('confusionMatrix', yTrue, yPred);
  checkLabels('confusionMatrix (true labels)', yTrue, nClasses);
  checkLabels('confusionMatrix (predictions)', yPred, nClasses);
  const cm: number[][] = Array.from({ length: nClasses }, () => new Array<number>(nClasses).fill(0));
  for (let i = 0; i < yTrue.length; i++) cm[yTrue[i]][yPred[i]]++;
  return cm;
}

/**
 * Each row divided by its sum: C[i][j] / Σ_j C[i][j], the share of class i's
 * rows predicted as j (`confusion_matrix(..., normalize='true')`). A row that
 * sums to 0 (a class absent from the truth) becomes all zeros, as NumPy's
 * `nan_to_num` makes it.
 */
export function normalizeRows(cm: readonly (readonly number[])[]): number[][] {
  return cm.map((row) => {
    let sum = 0;
    for (const v of row) sum += v;
    return row.map((v) => (sum === 0 ? 0 : v / sum));
  });
}
