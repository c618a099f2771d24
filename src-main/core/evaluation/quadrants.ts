/**
 * A binary confusion matrix in words, the way the seed notebooks explain it
 * under every ConfusionMatrixDisplay ("The upper-left quadrant displays the
 * number of true negatives: ..."), with the counts filled in.
 */
import type { BinaryConfusion } from '../metrics/thresholds';
import { formatCount, formatShare } from './format';

export type Counts = Pick<BinaryConfusion, 'tn' | 'fp' | 'fn' | 'tp'>;

export interface QuadrantSentence {
  quadrant: 'upper-left' | 'upper-right' | 'lower-left' | 'lower-right';
  kind: 'true negatives' | 'false positives' | 'false negatives' | 'true positives';
  count: number;
  sentence: string;
}

/** How the rows of one class are named in a sentence: "1 claim", "12 claims". */
export interface Noun {
  one: string;
  many: string;
}

/** Plural nouns for the two classes, e.g. { negative: 'opinions', positive: 'claims' }. */
export interface ClassNouns {
  negative: string;
  positive: string;
}

// Class values that read as answers or adjectives rather than things to count.
const NOT_NOUNS = new Set(['yes', 'no', 'true', 'false', 'none', 'other', 'unknown', 'missing', 'ok', 'high', 'low', 'medium']);
const ADJECTIVE_ENDING = /(ed|al|ive|ous|ful|less|able|ible|ic|ish)$/;

/**
 * A class value as a countable noun: "claim" → claim/claims, "category" →
 * categories. A value that is not a plain English noun (several words,
 * digits, an adjective such as "verified", an answer such as "yes") is
 * quoted instead: “verified” row/rows.
 */
export function nounOf(label: string): Noun {
  const word = label.toLowerCase();
  if (!/^[A-Za-z][a-z]*$/.test(label) || label.length < 2 || NOT_NOUNS.has(word) || ADJECTIVE_ENDING.test(word)) {
    return { one: `“${label}” row`, many: `“${label}” rows` };
  }
  if (/(s|x|z|ch|sh)$/.test(word)) return { one: label, many: `${label}es` };
  if (/[^aeiou]y$/.test(word)) return { one: label, many: `${label.slice(0, -1)}ies` };
  return { one: label, many: `${label}s` };
}

/** The plural alone: "claims", "“not verified” rows". */
export function pluralOf(label: string): string {
  return nounOf(label).many;
}

/**
 * The singular of a plural the caller supplied. Only the simple cases are
 * undone ("claims", "“x” rows", "categories"); a phrase such as "videos from
 * verified accounts" stays plural, which reads acceptably after "1".
 */
function fromPlural(many: string): Noun {
  const quoted = /^(“.*”) rows$/.exec(many);
  if (quoted) return { one: `${quoted[1]} row`, many };
  if (!/^[a-z]+$/i.test(many)) return { one: many, many };
  if (/[^aeiou]ies$/i.test(many)) return { one: `${many.slice(0, -3)}y`, many };
  if (/(s|x|z|ch|sh)es$/i.test(many)) return { one: many.slice(0, -2), many };
  if (/[^s]s$/i.test(many)) return { one: many.slice(0, -1), many };
  return { one: many, many };
}

function nouns(classes: readonly string[], what?: ClassNouns): [Noun, Noun] {
  if (what) return [fromPlural(what.negative), fromPlural(what.positive)];
  return [nounOf(classes[0] ?? 'negative'), nounOf(classes[1] ?? 'positive')];
}

const counted = (n: number, noun: Noun) => `${formatCount(n)} ${n === 1 ? noun.one : noun.many}`;

/**
 * The four cells of a binary confusion matrix (rows actual, columns
 * predicted, classes in [negative, positive] order) in words, upper left first.
 * `what` names the rows when the class values are not good nouns.
 */
export function quadrantSentences(c: Counts, classes: readonly [string, string] | readonly string[], what?: ClassNouns): QuadrantSentence[] {
  const [neg, pos] = nouns(classes, what);
  const cell = (
    quadrant: QuadrantSentence['quadrant'],
    kind: QuadrantSentence['kind'],
    count: number,
    rows: Noun,
    verdict: string,
    as: Noun,
  ): QuadrantSentence => ({
    quadrant,
    kind,
    count,
    sentence: `The ${quadrant} quadrant shows the number of ${kind}: ${counted(count, rows)} that the model ${verdict} as ${as.many}.`,
  });
  return [
    cell('upper-left', 'true negatives', c.tn, neg, 'correctly classified', neg),
    cell('upper-right', 'false positives', c.fp, neg, 'misclassified', pos),
    cell('lower-left', 'false negatives', c.fn, pos, 'misclassified', neg),
    cell('lower-right', 'true positives', c.tp, pos, 'correctly classified', pos),
  ];
}

/** The matrix in one sentence, misses first: the seeds' business case ranks recall first. */
export function summarySentence(c: Counts, classes: readonly [string, string] | readonly string[], what?: ClassNouns): string {
  const [neg, pos] = nouns(classes, what);
  const positives = c.tp + c.fn;
  const negatives = c.tn + c.fp;
  const missText = `misses ${formatCount(c.fn)} of ${counted(positives, pos)} (${formatShare(c.fn, positives)})`;
  const flagText = `wrongly flags ${formatCount(c.fp)} of ${counted(negatives, neg)} (${formatShare(c.fp, negatives)})`;
  if (positives === 0 && negatives === 0) return 'There are no rows to count.';
  if (positives === 0) return `There are no ${pos.many} among these rows; the model ${flagText}.`;
  if (negatives === 0) return `There are no ${neg.many} among these rows; the model ${missText}.`;
  return `The model ${missText} and ${flagText}.`;
}
