import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepare } from '../../../src-main/core/recipe/pipeline';
import { parseRecipe } from '../../../src-main/core/recipe/schema';
import { recordHeader } from '../../../src-main/core/search/recordHeader';
import { ASSAY_VERSION } from '../../../src-main/core/version';
import { sampleFrame } from '../recipe/sampleFrame';

describe('recordHeader', () => {
  it('names the recipe, the dataset against the hash the recipe expects, the features, rows and leakage', () => {
    const recipe = parseRecipe(JSON.parse(readFileSync('resources/recipes/verified-course5.json', 'utf8')));
    const prepared = prepare(recipe, sampleFrame());
    const h = recordHeader(recipe, prepared, { name: 'sample', rows: 19_382, contentHash: 'abc' }, '2026-11-30T00:00:00.000Z');
    expect(h.assayVersion).toBe(ASSAY_VERSION);
    expect(h.dataset).toEqual({ name: 'sample', rows: 19_382, contentHash: 'abc', expectedHash: recipe.dataset.contentHash });
    expect(h.rows).toEqual({ train: prepared.train.y.length, validation: 0, test: prepared.test.y.length });
    expect(h.features).toBe(prepared.features);
    expect(h.dummies!.length).toBeGreaterThan(0);
    expect(h.leakage.length).toBeGreaterThan(0);
  });
});
