/**
 * Small text helpers for slides built from a run: speaker notes carry the
 * numbers exactly as stored (every digit), while titles, captions and cells
 * round them as the views do; every text is clipped to the report schema's
 * limits so a long feature list cannot make a deck invalid.
 */
import { formatMetric } from '../evaluation/format';

/** A stored number with every digit, for the notes; an undefined score says so rather than "NaN". */
export function exact(v: unknown): string {
  return typeof v === 'number' && Number.isFinite(v) ? String(v) : 'not defined';
}

/** A score as the views print it (three decimals), or "not defined" for NaN: no slide shows "NaN". */
export function metricText(v: number | null | undefined): string {
  return typeof v === 'number' && Number.isFinite(v) ? formatMetric(v) : 'not defined';
}

/**
 * A stored setting as the notes show it, in Python's words since the analyst
 * checks it against scikit-learn: None, True, False, lists in brackets,
 * text as it is. "null" or raw JSON never reaches a slide.
 */
export function settingText(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'not defined';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return `[${v.map(settingText).join(', ')}]`;
  if (typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${k}: ${settingText(x)}`).join(', ')}}`;
  return String(v);
}

/** A recipe step's exact settings: "countVectorizer: column text, ngramRange [2, 3], stopWords None". */
export function stepSettings(step: unknown): string {
  if (typeof step !== 'object' || step === null || Array.isArray(step)) return settingText(step);
  const { op, ...rest } = step as Record<string, unknown>;
  const settings = Object.entries(rest).map(([k, v]) => `${k} ${settingText(v)}`);
  return `${settingText(op)}${settings.length ? `: ${settings.join(', ')}` : ''}`;
}

/** Shortens a text to `max` characters, ending in "…" when something was cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/** Speaker notes: the given lines, empty ones left out, within the schema's 20,000 characters. */
export function noteText(lines: readonly (string | null | undefined | false)[]): string {
  return clip(lines.filter((l): l is string => typeof l === 'string' && l.length > 0).join('\n'), 20_000);
}

/** "Recall" from "recall"; scikit-learn's "f1" reads as "F1". */
export function metricLabel(name: string): string {
  if (name === 'f1') return 'F1';
  if (name === 'roc_auc') return 'ROC AUC';
  return name.replace(/_/g, ' ');
}
