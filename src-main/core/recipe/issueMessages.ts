import type { z } from 'zod';
import { describeRecipePath } from './recipePaths';

type ZodIssue = z.core.$ZodIssue;

/**
 * A recipe schema problem in the words of a form ("required", "must be < 1"),
 * used both by the editor next to a field and by the host's preview, so the
 * analyst reads the same reason wherever it is shown.
 */
export function humanMessage(issue: ZodIssue): string {
  const i = issue as ZodIssue & { origin?: string; minimum?: number | bigint; maximum?: number | bigint; inclusive?: boolean; expected?: string };
  switch (i.code) {
    case 'too_small':
      if (i.origin === 'array') return Number(i.minimum) <= 1 ? 'choose at least one column' : `needs at least ${i.minimum}`;
      if (i.origin === 'string') return 'required';
      return `must be ${i.inclusive ? '≥' : '>'} ${i.minimum}`;
    case 'too_big':
      if (i.origin === 'string') return `at most ${i.maximum} characters`;
      return `must be ${i.inclusive ? '≤' : '<'} ${i.maximum}`;
    case 'invalid_type':
      if (i.expected === 'number') return 'enter a number';
      if (i.expected === 'int') return 'enter a whole number';
      return 'required';
    case 'invalid_value':
      return 'choose one of the options';
    case 'unrecognized_keys':
      return `unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.join(', ')}`;
    default:
      return i.message.replace(/^Invalid input: /, '');
  }
}

/**
 * One problem as a line for a message: where, in the editors' words, then
 * why — "step 5 (split) · test share: must be < 1". `recipe` is the document
 * as given, to name each step and model by what it is.
 */
export function describeIssue(issue: ZodIssue, recipe: unknown): string {
  return `${describeRecipePath(issue.path, recipe)}: ${humanMessage(issue)}`;
}
