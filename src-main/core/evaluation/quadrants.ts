import type { BinaryConfusion } from '../metrics/thresholds';

type Counts = Pick<BinaryConfusion, 'tn' | 'fp' | 'fn' | 'tp'>;

export interface QuadrantSentence {
  quadrant: 'upper-left' | 'upper-right' | 'lower-left' | 'lower-right';
  kind: 'true negatives' | 'false positives' | 'false negatives' | 'true positives';
  count: number;
  sentence: string;
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * A class value as a plural noun for sentences: "claim" → "claims",
 * "opinion" → "opinions"; a value that is not a simple word is quoted
 * ("“not verified” rows").
 */
export function pluralOf(label: string): string {
  // Not a plain noun (several words, digits, or an adjective such as "verified" or "banned"): quote it.
  if (!/^[A-Za-z][a-z]*$/.test(label) || /(ed|al|ive|ous|ful|less|able|ible)$/.test(label)) return `“${label}” rows`;
  if (/(s|x|z|ch|sh)$/.test(label)) return `${label}es`;
  if (/[^aeiou]y$/.test(label)) return `${label.slice(0, -1)}ies`;
  return `${label}s`;
}

/** The four cells of a binary confusion matrix in words, as the seed notebooks explain them. */
export function quadrantSentences(c: Counts, classes: readonly [string, string] | readonly string[]): QuadrantSentence[] {
  const neg = pluralOf(classes[0]);
  const pos = pluralOf(classes[1]);
  return [
    { quadrant: 'upper-left', kind: 'true negatives', count: c.tn, sentence: `Upper left, true negatives: ${count(c.tn)} ${neg} the model correctly classified as ${neg}.` },
    { quadrant: 'upper-right', kind: 'false positives', count: c.fp, sentence: `Upper right, false positives: ${count(c.fp)} ${neg} the model misclassified as ${pos}.` },
    { quadrant: 'lower-left', kind: 'false negatives', count: c.fn, sentence: `Lower left, false negatives: ${count(c.fn)} ${pos} the model misclassified as ${neg}.` },
    { quadrant: 'lower-right', kind: 'true positives', count: c.tp, sentence: `Lower right, true positives: ${count(c.tp)} ${pos} the model correctly classified as ${pos}.` },
  ];
}

const share = (a: number, b: number) => (b ? `${((a / b) * 100).toFixed(1)}%` : '0%');

/** The matrix in one sentence, misses first: the seeds' business case ranks recall first. */
export function summarySentence(c: Counts, classes: readonly [string, string] | readonly string[]): string {
  const neg = pluralOf(classes[0]);
  const pos = pluralOf(classes[1]);
  const positives = c.tp + c.fn;
  const negatives = c.tn + c.fp;
  return `The model misses ${count(c.fn)} of ${count(positives)} ${pos} (${share(c.fn, positives)}) and wrongly flags ${count(c.fp)} of ${count(negatives)} ${neg} (${share(c.fp, negatives)}).`;
}
