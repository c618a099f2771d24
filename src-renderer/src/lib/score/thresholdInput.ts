import { DEFAULT_THRESHOLD } from '../../../../src-main/core/metrics/thresholds';

export type ThresholdInput = { ok: true; value: number | null } | { ok: false; message: string };

/**
 * The Score view's threshold override as typed: blank keeps the model's own;
 * otherwise a probability from 0 to 1 (a comma as the decimal mark is read
 * too, as analysts in many locales type it).
 */
export function parseThreshold(text: string): ThresholdInput {
  const t = text.trim().replace(',', '.');
  if (t === '') return { ok: true, value: null };
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i.test(t)) return { ok: false, message: `"${text.trim()}" is not a number; the threshold is a probability from 0 to 1, such as 0.35.` };
  const value = Number(t);
  if (!(value >= 0 && value <= 1)) return { ok: false, message: `${value} is outside 0–1; the threshold is a probability from 0 to 1, such as 0.35.` };
  return { ok: true, value };
}

/** A model's own threshold in words: null is the argmax rule. */
export function ownThresholdText(threshold: number | null): string {
  return threshold === null ? `${DEFAULT_THRESHOLD} (the argmax rule)` : `${threshold} (chosen in the Runs view when the model was saved)`;
}

/** The threshold a scoring will use. */
export function thresholdInUse(own: number | null, typed: ThresholdInput): number {
  return (typed.ok ? typed.value : null) ?? own ?? DEFAULT_THRESHOLD;
}

/** The Runs view's threshold as a model file or export records it: its default is the argmax rule, written as null. */
export function recordedThreshold(viewThreshold: number): number | null {
  return viewThreshold === DEFAULT_THRESHOLD ? null : viewThreshold;
}

/**
 * The sentence beside the threshold field. `own` is the model's threshold,
 * undefined while no model has been read; `origin` says where a prefilled
 * value came from.
 */
export function thresholdHint(own: number | null | undefined, typed: ThresholdInput, origin: string | null): string {
  if (!typed.ok) return typed.message;
  const from = origin ? ` (${origin})` : '';
  if (typed.value !== null) {
    return `${typed.value}${from} overrides the model's own threshold${own === undefined ? '' : `, ${ownThresholdText(own)}`}; clear the field to use the model's.`;
  }
  if (own === undefined) return "Blank: the model's own threshold.";
  return `The model's own: ${ownThresholdText(own)}. Type a probability from 0 to 1 to override it.`;
}
