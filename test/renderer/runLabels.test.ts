import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src-main/core/search/runSummary';
import {
  addTags,
  championText,
  durationText,
  modelsText,
  parseTags,
  removeTag,
  runFactsText,
  runResultText,
  sameTags,
  shortHash,
  splitTagInput,
  titleToSave,
} from '../../src-renderer/src/lib/runs/runLabels';

const summary = (over: Partial<RunSummary> = {}): RunSummary => ({
  id: 7,
  recipeId: 1,
  recipeName: 'Claims',
  datasetName: 'videos',
  status: 'complete',
  createdAt: '2024-05-01T10:00:00Z',
  finishedAt: '2024-05-01T10:01:12Z',
  progress: null,
  champion: { modelId: 'rf', metric: 'recall', value: 0.99125 },
  error: null,
  title: 'Claims · seed 0 → 1',
  defaultTitle: 'Claims · seed 0 → 1',
  note: '',
  tags: [],
  models: [
    { modelId: 'rf', type: 'randomForest', candidates: 4 },
    { modelId: 'xgb', type: 'gradientBoosting', candidates: 2 },
  ],
  datasetHash: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2',
  seconds: 72.4,
  ...over,
});

describe('a run in the list', () => {
  it('names its models with their candidate counts', () => {
    expect(modelsText(summary().models)).toBe('rf 4 · xgb 2 candidates');
    expect(modelsText([{ modelId: 'logreg', type: 'logisticRegression', candidates: 1 }])).toBe('logreg 1 candidate');
    expect(modelsText([{ modelId: 'rf', type: 'randomForest', candidates: 1200 }])).toBe('rf 1,200 candidates');
    expect(modelsText([])).toBe('');
  });

  it('gives the champion’s key metric and the duration', () => {
    expect(championText(summary().champion!)).toBe('recall 0.991 (test)');
    expect(championText({ modelId: 'rf', metric: 'precision', value: NaN })).toBe('precision — (test)');
    expect(durationText(72.4)).toBe('1 min 12 s');
    expect(durationText(null)).toBe('');
    expect(runResultText(summary())).toBe('rf ★ recall 0.991 (test) · 1 min 12 s');
    expect(runResultText(summary({ seconds: null }))).toBe('rf ★ recall 0.991 (test)');
    expect(runResultText(summary({ status: 'failed', champion: null, error: 'boom' }))).toBe('boom');
    expect(runFactsText(summary())).toBe('videos · rf 4 · xgb 2 candidates');
    expect(runFactsText(summary({ models: [] }))).toBe('videos');
    expect(shortHash(summary().datasetHash)).toBe('content a1b2c3d4');
    expect(shortHash(null)).toBe('');
  });
});

describe('tags as typed', () => {
  it('splits on commas, trims and drops empty tags', () => {
    expect(parseTags(' deck, quick ,, final ')).toEqual(['deck', 'quick', 'final']);
    expect(parseTags('   ')).toEqual([]);
  });

  it('adds what precedes the last comma and keeps the rest in the box', () => {
    expect(splitTagInput('deck')).toEqual({ tags: [], rest: 'deck' });
    expect(splitTagInput('deck,')).toEqual({ tags: ['deck'], rest: '' });
    expect(splitTagInput('deck, quick, fi')).toEqual({ tags: ['deck', 'quick'], rest: 'fi' });
  });

  it('keeps each tag once whatever its case, in the order added', () => {
    expect(addTags(['deck'], ['Deck', 'quick', ' final ', 'QUICK', ''])).toEqual(['deck', 'quick', 'final']);
    expect(removeTag(['deck', 'quick'], 'deck')).toEqual(['quick']);
    expect(sameTags(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameTags(['a', 'b'], ['b', 'a'])).toBe(false);
  });
});

describe('a title as typed', () => {
  it('is saved only when it is not empty and differs', () => {
    expect(titleToSave('  Baseline ', 'Claims', 'Claims')).toBe('Baseline');
    expect(titleToSave('Claims', 'Claims', 'Claims')).toBeNull();
    expect(titleToSave('   ', 'Claims', 'Claims')).toBeNull();
    // Emptying a renamed run's box goes back to its default title.
    expect(titleToSave('', 'Baseline', 'Claims · seed 0 → 1')).toBe('Claims · seed 0 → 1');
  });
});
