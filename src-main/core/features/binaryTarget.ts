import { ApiError } from '../api/errors';
import { compareCodePoints } from './countVectorizer';

/** A two-class target learned from training rows: which value is 1, which is 0. */
export interface BinaryTargetEncoder {
  column: string;
  /** The class encoded as 1. */
  positive: string;
  /** The class encoded as 0. */
  negative: string;
  /** Both classes in sorted order. */
  classes: [string, string];
  /** 1 for the positive class, 0 for the negative one; any other value or a missing one is an error. */
  encode(values: readonly (string | null)[]): Float64Array;
}

function distinctClasses(values: readonly (string | null)[], column: string): string[] {
  const seen = new Set<string>();
  let missing = 0;
  for (const v of values) {
    if (v === null) missing++;
    else seen.add(v);
  }
  if (missing > 0) {
    throw new ApiError(
      'bad-input',
      `Target "${column}" has ${missing} missing value${missing === 1 ? '' : 's'}; drop the rows without a target (a dropMissing step) before encoding it.`,
    );
  }
  return [...seen].sort(compareCodePoints);
}

function describeClasses(classes: readonly string[], max = 10): string {
  return classes.slice(0, max).join(', ') + (classes.length > max ? ', …' : '');
}

/**
 * Learns a binary target from training values: exactly two classes, with
 * `positive` encoded as 1 (Course 6: `replace({'opinion': 0, 'claim': 1})`).
 */
export function fitBinaryTarget(values: readonly (string | null)[], positive: string, column = 'target'): BinaryTargetEncoder {
  const classes = distinctClasses(values, column);
  if (classes.length !== 2) {
    throw new ApiError(
      'bad-input',
      `Target "${column}" has ${classes.length} class${classes.length === 1 ? '' : 'es'} (${describeClasses(classes)}); binary classification needs exactly 2.`,
    );
  }
  if (!classes.includes(positive)) {
    throw new ApiError('bad-input', `The positive class "${positive}" is not a value of target "${column}" (its classes are ${classes.join(', ')}).`);
  }
  const negative = classes[0] === positive ? classes[1] : classes[0];
  return {
    column,
    positive,
    negative,
    classes: [classes[0], classes[1]],
    encode(rows) {
      const out = new Float64Array(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const v = rows[i];
        if (v === positive) out[i] = 1;
        else if (v !== negative) {
          if (v === null) distinctClasses(rows, column); // throws the missing-values message
          throw new ApiError('bad-input', `Target "${column}" has the value "${v}" (row ${i + 1}), which is neither "${positive}" nor "${negative}".`);
        }
      }
      return out;
    },
  };
}

/** Fits and encodes in one go: `positive` → 1, the other class → 0. */
export function encodeBinaryTarget(values: readonly (string | null)[], positive: string, column = 'target'): Float64Array {
  return fitBinaryTarget(values, positive, column).encode(values);
}

/**
 * The class that `OneHotEncoder(drop='first')` on the target makes 1 (Course
 * 5): the later of the two in sorted order, e.g. `verified` over `not verified`.
 */
export function dropFirstPositiveClass(values: readonly (string | null)[], column = 'target'): string {
  const classes = distinctClasses(values, column);
  if (classes.length !== 2) {
    throw new ApiError(
      'bad-input',
      `Target "${column}" has ${classes.length} class${classes.length === 1 ? '' : 'es'} (${describeClasses(classes)}); binary classification needs exactly 2.`,
    );
  }
  return classes[1];
}
