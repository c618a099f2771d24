/**
 * A log axis for heavy-tailed counts (views, likes, comments), where a linear
 * axis crushes the small class into a corner. log 0 does not exist and counts
 * are often 0 (a fifth of the seed's comment counts), so a column with zeros
 * is drawn as 1 + x (log1p's argument) on the log axis, and its name says so;
 * a column without zeros is drawn as it is. A negative value has no place on
 * either and is left out, with a note saying how many.
 */
import { formatCount } from './spec';

/** 1 when the values to draw include a 0 (they are drawn as 1 + x), else 0. */
export function logShift(values: ArrayLike<number>, rows: Iterable<number>): 0 | 1 {
  for (const i of rows) if (values[i] === 0) return 1;
  return 0;
}

/** "Video comment count + 1 (log scale)". */
export function logAxisName(name: string, shift: 0 | 1): string {
  return `${name}${shift ? ' + 1' : ''} (log scale)`;
}

export function negativeNote(left: number): string | undefined {
  if (left <= 0) return undefined;
  return `${formatCount(left)} row${left === 1 ? '' : 's'} with negative values left off the log axis`;
}
