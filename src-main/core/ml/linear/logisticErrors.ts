/**
 * The messages both logistic regressions give when the data have no
 * (unique, finite) optimum: collinear features, and classes that the
 * features separate, for which an unpenalised fit's coefficients diverge.
 */
import { ApiError } from '../../api/errors';
import type { FeatureMatrix } from '../types';
import { collinearWith } from './linalg';

export const quote = (s: string) => `"${s}"`;

export function listNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Whether column `c` puts every row of `inside` strictly on one side of (or touching) every other row. */
function splits(c: Float64Array, rows: number, inside: (i: number) => boolean): boolean {
  let minIn = Infinity;
  let maxIn = -Infinity;
  let minOut = Infinity;
  let maxOut = -Infinity;
  for (let i = 0; i < rows; i++) {
    const v = c[i];
    if (inside(i)) {
      if (v < minIn) minIn = v;
      if (v > maxIn) maxIn = v;
    } else {
      if (v < minOut) minOut = v;
      if (v > maxOut) maxOut = v;
    }
  }
  return maxOut <= minIn || maxIn <= minOut;
}

const UNBOUNDED =
  "so unpenalised logistic regression has no finite solution: its coefficients grow without bound. Use penalty 'l2', or drop the separating feature.";

/** Two classes: the features that on their own split them (every class-0 value below every class-1 value, or the reverse). */
export function separationError(X: FeatureMatrix, y: Uint8Array): ApiError {
  const sep = X.names.filter((_, j) => splits(X.columns[j], X.rows, (i) => y[i] === 1));
  const by = sep.length ? ` by ${listNames(sep.map(quote))}` : ' by a combination of the features';
  return new ApiError('bad-input', `The classes are (almost) perfectly separated${by}, ${UNBOUNDED}`);
}

/** k classes: the features that on their own split one class from all the others, and which class. */
export function multiclassSeparationError(X: FeatureMatrix, y: Int32Array, classNames: readonly string[]): ApiError {
  const found: string[] = [];
  X.columns.forEach((c, j) => {
    const cls = classNames.findIndex((_, k) => splits(c, X.rows, (i) => y[i] === k));
    if (cls >= 0) found.push(`${quote(X.names[j])} (${quote(classNames[cls])} from the rest)`);
  });
  const by = found.length ? ` by ${listNames(found)}` : ' by a combination of the features';
  return new ApiError('bad-input', `A class is (almost) perfectly separated from the others${by}, ${UNBOUNDED}`);
}

/** Names the columns that make H singular at `failedAt` (design column names, 'the intercept' for the ones column). */
export function collinearityError(H: Float64Array, L: Float64Array, d: number, failedAt: number, termNames: string[], penalty: 'l2' | 'none'): ApiError {
  const beta = collinearWith(H, d, L, failedAt);
  let max = 0;
  for (const b of beta) max = Math.max(max, Math.abs(b));
  const partners: string[] = [];
  beta.forEach((b, k) => {
    if (max > 0 && Math.abs(b) >= 0.01 * max) partners.push(termNames[k]);
  });
  const culprit = termNames[failedAt];
  const others = partners.filter((p) => p !== 'the intercept').map(quote);
  const withIntercept = partners.includes('the intercept');
  const what = others.length
    ? `${quote(culprit)} is a linear combination of ${listNames(others)}${withIntercept ? ' and the intercept' : ''}`
    : withIntercept
      ? `${quote(culprit)} is constant, so it duplicates the intercept`
      : `${quote(culprit)} is all zeros`;
  const fix = penalty === 'none' ? "Drop one of them, or use penalty 'l2'." : 'Drop one of them, or use a smaller C.';
  return new ApiError('bad-input', `The features are collinear: ${what}, so logistic regression has no unique solution. ${fix}`);
}
