import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRecipe } from '../../../src-main/core/recipe/schema';
import {
  addStep,
  DEFAULT_MODELS,
  moveStep,
  newDraft,
  removeStep,
  sameDraft,
  setDataset,
  setFeatures,
  setPositive,
  setStepField,
  setTarget,
  toggleFeature,
  type RecipeDraft,
} from '../../../src-renderer/src/lib/prepare/draft';
import { STEP_TYPES, stepSummary, stepType } from '../../../src-renderer/src/lib/prepare/stepCatalog';
import { draftIssues, parseField } from '../../../src-renderer/src/lib/prepare/validation';

const dataset = { name: 'tiktok_claims_sample', contentHash: 'c569170fee95d060b04672238feadf672ab2c559008f8b039c2f757fb8412125' };
const shipped = () => parseRecipe(JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8')));

/** Types `text` into field `key` of step `i`, as the form does. */
function type(d: RecipeDraft, i: number, key: string, text: string): RecipeDraft {
  const spec = stepType(d.steps[i].op).fields.find((f) => f.key === key)!;
  const parsed = parseField(spec, text);
  if (!parsed.ok) throw new Error(parsed.error);
  return setStepField(d, i, key, parsed.value);
}

describe('editing a recipe draft', () => {
  it('the Course 6 preparation typed into the forms is the shipped recipe’s preparation', () => {
    let d = newDraft('Claims', dataset);
    d = setPositive(setTarget(d, 'claim_status'), 'claim');
    d = addStep(d, 'dropMissing');
    d = type(addStep(d, 'textLength'), 1, 'column', 'video_transcription_text');
    d = type(addStep(d, 'dropColumns'), 2, 'columns', '#, video_id');
    d = type(addStep(d, 'oneHot'), 3, 'columns', 'verified_status,author_ban_status');
    d = setStepField(d, 3, 'dropFirst', true);
    d = addStep(d, 'split');
    d = type(type(type(d, 4, 'test', '0.2'), 4, 'validation', '0,25'), 4, 'randomState', '0');
    d = addStep(d, 'countVectorizer');
    d = type(type(type(d, 5, 'column', ' video_transcription_text '), 5, 'ngramRange', '2–3'), 5, 'maxFeatures', '15');
    d = setStepField(d, 5, 'stopWords', 'english');
    expect(draftIssues(d)).toEqual([]);
    const r = parseRecipe(d);
    const s = shipped();
    expect(r.steps).toEqual(s.steps);
    expect(r.target).toEqual(s.target);
    expect(r.dataset).toEqual({ name: s.dataset.name, contentHash: s.dataset.contentHash });
    expect(r.models).toEqual(DEFAULT_MODELS);
  });

  it('never changes the draft it is given, and moves past either end change nothing', () => {
    const d = addStep(addStep(newDraft('x', dataset), 'dropMissing'), 'split');
    const before = JSON.stringify(d);
    const moved = moveStep(d, 1, -1);
    expect(moved.steps.map((s) => s.op)).toEqual(['split', 'dropMissing']);
    expect(JSON.stringify(d)).toBe(before);
    expect(moveStep(d, 0, -1)).toBe(d);
    expect(moveStep(d, 1, 1)).toBe(d);
    expect(removeStep(d, 5)).toBe(d);
    expect(removeStep(d, 0).steps.map((s) => s.op)).toEqual(['split']);
    expect(addStep(d, 'textLength', 1).steps.map((s) => s.op)).toEqual(['dropMissing', 'textLength', 'split']);
  });

  it('a field set to undefined falls back to the schema default; op cannot be changed', () => {
    let d = addStep(newDraft('x', dataset), 'countVectorizer');
    d = setStepField(d, 0, 'maxFeatures', 15);
    expect(setStepField(d, 0, 'maxFeatures', undefined).steps[0]).not.toHaveProperty('maxFeatures');
    expect(setStepField(d, 0, 'op', 'split')).toBe(d);
  });

  it('a new target forgets the positive class and leaves the feature list', () => {
    let d = setPositive(setTarget(newDraft('x', dataset), 'claim_status'), 'claim');
    d = setFeatures(d, ['a', 'verified_status']);
    d = setTarget(d, 'verified_status');
    expect(d.target).toEqual({ column: 'verified_status', positive: '' });
    expect(d.features).toEqual(['a']);
    expect(setFeatures(d, null)).not.toHaveProperty('features');
  });

  it('chosen features keep the table’s order', () => {
    const order = ['a', 'b', 'c'];
    let d = setFeatures(newDraft('x', dataset), []);
    d = toggleFeature(d, 'c', true, order);
    d = toggleFeature(d, 'a', true, order);
    expect(d.features).toEqual(['a', 'c']);
    expect(toggleFeature(d, 'a', false, order).features).toEqual(['c']);
  });

  it('switching dataset drops the old file path and a hash that is not one', () => {
    const d = { ...newDraft('x', dataset), dataset: { name: 'old', file: 'old.csv' } };
    expect(setDataset(d, { name: 'other', contentHash: 'nothex' }).dataset).toEqual({ name: 'other', contentHash: null });
    expect(setDataset(d, { name: 'old', contentHash: dataset.contentHash })).toBe(d);
  });

  it('every step type starts with values its form can show and summarise', () => {
    for (const t of STEP_TYPES) {
      const step = t.create();
      expect(step.op).toBe(t.op);
      for (const f of t.fields) expect(Object.keys(step).concat(['columns', 'maxFeatures', 'column'])).toContain(f.key);
      expect(stepSummary(step).length).toBeGreaterThan(0);
    }
    expect(stepSummary(shipped().steps[5])).toBe('video_transcription_text, 2–3-grams, 15 features');
    expect(sameDraft(newDraft('x', dataset), newDraft('x', dataset))).toBe(true);
  });
});
