/** One model of a cancelled run: its candidates and, per candidate, how many folds were scored. */
export interface CancelledModel {
  modelId: string;
  candidates: number;
  /** foldsScored[i]: folds candidate i finished before the cancel. */
  foldsScored: number[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * What a cancelled run keeps, in one sentence for its record: only a
 * candidate scored on every fold has a cross-validation score, so the
 * others are dropped; none is refitted.
 *
 *   "2 of 22 fits done; no candidate had finished all 5 folds, so nothing is kept."
 *   "40 of 182 fits done; kept the 12 of 72 rf candidates that finished all 5 folds (cross-validation only, not refitted); xgb kept none of its 24."
 */
export function cancelledSentence(fitsFinished: number, fitsTotal: number, folds: number, models: CancelledModel[]): string {
  const head = `${fitsFinished.toLocaleString('en-US')} of ${plural(fitsTotal, 'fit')} done`;
  const kept = models.map((m) => ({ ...m, complete: m.foldsScored.filter((f) => f >= folds).length }));
  if (kept.every((m) => m.complete === 0)) return `${head}; no candidate had finished all ${folds} folds, so nothing is kept.`;
  const parts = kept.filter((m) => m.complete > 0).map((m) => `${m.complete === m.candidates ? `all ${plural(m.candidates, `${m.modelId} candidate`)}` : `${m.complete} of ${m.candidates} ${m.modelId} candidates`}`);
  const none = kept.filter((m) => m.complete === 0).map((m) => `${m.modelId} kept none of its ${m.candidates}`);
  return `${head}; kept ${parts.join(' and ')} that finished all ${folds} folds (cross-validation scores only, not refitted)${none.length ? `; ${none.join('; ')}` : ''}.`;
}
