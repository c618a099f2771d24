import type { RunSummary } from '../../../../src-main/core/search/runSummary';
import { formatDuration, runOutcome } from '../train/runText';

/** "1 min 12 s"; empty while a run has no time (active, or it never started). */
export function durationText(seconds: number | null): string {
  return seconds === null ? '' : formatDuration(seconds);
}

/** "rf 4 · xgb 2 candidates": the models a run searched, each with its candidate count. */
export function modelsText(models: RunSummary['models']): string {
  if (models.length === 0) return '';
  const one = models.length === 1 && models[0].candidates === 1;
  return `${models.map((m) => `${m.modelId} ${m.candidates.toLocaleString('en-US')}`).join(' · ')} ${one ? 'candidate' : 'candidates'}`;
}

/** "recall 0.991 (test)": the champion's key metric on the test set. */
export function championText(champion: NonNullable<RunSummary['champion']>): string {
  const value = Number.isFinite(champion.value) ? champion.value.toFixed(3) : '—';
  return `${champion.metric} ${value} (test)`;
}

/** What a run in the list found, or where it is: "rf ★ recall 0.991 (test) · 1 min 12 s", progress, or why it stopped. */
export function runResultText(s: RunSummary): string {
  if (s.status === 'complete' && s.champion) {
    return [`${s.champion.modelId} ★ ${championText(s.champion)}`, durationText(s.seconds)].filter(Boolean).join(' · ');
  }
  return runOutcome(s);
}

/** The dataset and the models searched, for the line under a run's title. */
export function runFactsText(s: RunSummary): string {
  return [s.datasetName, modelsText(s.models)].filter(Boolean).join(' · ');
}

/** "content a1b2c3d4": enough of the data's hash to tell two files apart at a glance. */
export function shortHash(hash: string | null): string {
  return hash === null ? '' : `content ${hash.slice(0, 8)}`;
}

/** Tags typed into one box: separated by commas, trimmed, empty ones dropped. */
export function parseTags(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

/**
 * What the tag box holds as it is typed: every part before the last comma is
 * a finished tag, the rest is still being typed.
 */
export function splitTagInput(text: string): { tags: string[]; rest: string } {
  const cut = text.lastIndexOf(',');
  if (cut < 0) return { tags: [], rest: text };
  return { tags: parseTags(text.slice(0, cut)), rest: text.slice(cut + 1).trimStart() };
}

/** Adds tags after the ones there, each once whatever its case (as the host keeps them). */
export function addTags(current: readonly string[], added: readonly string[]): string[] {
  const out = [...current];
  const seen = new Set(current.map((t) => t.toLocaleLowerCase()));
  for (const t of added.map((x) => x.trim())) {
    const key = t.toLocaleLowerCase();
    if (t === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out;
}

export function removeTag(current: readonly string[], tag: string): string[] {
  return current.filter((t) => t !== tag);
}

export function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

/** A title as typed (an emptied box meaning the default title), or null when it is unchanged. */
export function titleToSave(typed: string, current: string, defaultTitle: string): string | null {
  // An emptied box goes back to the default title (the store keeps no name for it).
  const t = typed.trim() || defaultTitle;
  return t === current ? null : t;
}
