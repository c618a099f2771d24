/**
 * The partition step of a split, as scikit-learn's splitter's
 * `partition_samples_final`: reorders the node's rows rows[start..end) in
 * place so that those going left come first, and returns where the right
 * child starts. A row goes left when its bin b satisfies b ≤ `binThreshold`,
 * or, when b is the feature's missing bin, when `missingLeft`.
 */
import type { BinCodes } from './binning';

export function partitionRows(
  rows: Int32Array,
  start: number,
  end: number,
  codes: BinCodes,
  missingBin: number,
  binThreshold: number,
  missingLeft: boolean,
): number {
  let i = start;
  let j = end - 1;
  while (i <= j) {
    const b = codes[rows[i]];
    const goLeft = b === missingBin ? missingLeft : b <= binThreshold;
    if (goLeft) i++;
    else {
      const t = rows[i];
      rows[i] = rows[j];
      rows[j] = t;
      j--;
    }
  }
  return i;
}
