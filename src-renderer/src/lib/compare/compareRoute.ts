/** One model of one stored run, as `run.compare` takes it. */
export interface ComparedRef {
  runId: number;
  modelId: string;
}

/** What `run.compare` accepts (its contract says the same). */
export const MIN_COMPARED = 2;
export const MAX_COMPARED = 4;
const MAX_MODEL_ID = 60;

/**
 * `12:rf,13:xgb`: the run id, a colon and the model id per model. Model ids are
 * URL-encoded, which also encodes any comma or colon in them, so the separators
 * stay unambiguous and the hash reads as typed.
 */
export function formatCompareModels(models: readonly ComparedRef[]): string {
  return models.map((m) => `${m.runId}:${encodeURIComponent(m.modelId)}`).join(',');
}

function parseItem(item: string): ComparedRef | null {
  const m = /^([1-9]\d{0,14}):(.+)$/.exec(item);
  if (!m) return null;
  let modelId: string;
  try {
    modelId = decodeURIComponent(m[2]);
  } catch {
    return null;
  }
  return modelId.length <= MAX_MODEL_ID ? { runId: Number(m[1]), modelId } : null;
}

/**
 * Reads a `models` value (raw, still encoded). A list it cannot read in full —
 * a bad item, a model named twice, more than four — chooses nothing rather
 * than part of it, and says so, so the view can explain the empty comparison.
 * One model is kept: it is where removing models from a comparison leads.
 */
export function parseCompareModels(raw: string | null): { models: ComparedRef[]; unreadable: boolean } {
  if (raw === null || raw === '') return { models: [], unreadable: false };
  const items = raw.split(',').map(parseItem);
  const models = items.filter((m): m is ComparedRef => m !== null);
  const keys = new Set(models.map((m) => `${m.runId}:${m.modelId}`));
  if (models.length !== items.length || keys.size !== models.length || models.length > MAX_COMPARED) return { models: [], unreadable: true };
  return { models, unreadable: false };
}

export function sameModels(a: readonly ComparedRef[], b: readonly ComparedRef[]): boolean {
  return a.length === b.length && a.every((m, i) => m.runId === b[i].runId && m.modelId === b[i].modelId);
}

const list = (words: string[]) => (words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`);

/** "Compare this run's models": all of them, or the first four with a note naming the rest. */
export function modelsOfRun(runId: number, modelIds: readonly string[]): { models: ComparedRef[]; note: string | null } {
  const models = modelIds.slice(0, MAX_COMPARED).map((modelId) => ({ runId, modelId }));
  if (modelIds.length === 0) return { models, note: `Run ${runId} has no models to compare.` };
  if (modelIds.length < MIN_COMPARED) return { models, note: `Run ${runId} has only one model; choose another in All runs to compare it with.` };
  if (modelIds.length <= MAX_COMPARED) return { models, note: null };
  const left = list([...modelIds.slice(MAX_COMPARED)]);
  return { models, note: `Run ${runId} has ${modelIds.length} models; comparing the first ${MAX_COMPARED} (${left} left out). Choose others in All runs.` };
}
