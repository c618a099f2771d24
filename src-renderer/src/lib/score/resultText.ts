import type { LabelEvaluation } from '../../../../src-main/core/scoring/labelTally';

const rows = (n: number) => `${n.toLocaleString('en-US')} row${n === 1 ? '' : 's'}`;

/** Which rows the confusion matrix counts, and which it leaves out. */
export function evaluationNote(e: LabelEvaluation): string {
  const left = [
    e.unlabelled ? `${rows(e.unlabelled)} without a label of the model's classes` : null,
    e.notScored ? `${rows(e.notScored)} with a label but a note instead of a prediction` : null,
  ].filter(Boolean);
  return `Counts the ${rows(e.rows)} scored with a label${left.length ? `; left out: ${left.join(' and ')}` : ''}. The metrics are for the positive class.`;
}
