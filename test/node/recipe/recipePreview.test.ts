/**
 * recipe.preview through the router on an imported dataset, and the shipped
 * recipes in a fresh sample project.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetInfo } from '../../../src-main/core/data/columns';
import type { RecipePreview } from '../../../src-main/core/recipe/preview';
import { prepare } from '../../../src-main/core/recipe/pipeline';
import { parseRecipe } from '../../../src-main/core/recipe/schema';
import { createHandlers } from '../../../src-main/node/api/handlers';
import { Router } from '../../../src-main/node/api/router';
import { Workbench } from '../../../src-main/node/app/workbench';
import { datasetFrame } from '../../../src-main/node/recipe/frameCache';
import { listRecipes } from '../../../src-main/node/store/recipes';
import { tempWorkbench, type TempWorkbench } from '../helpers';

let t: TempWorkbench;
let router: Router;
let sample: DatasetInfo;
const ctx = { signal: new AbortController().signal, progress: () => {} };
const course6 = () => JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8'));

beforeAll(async () => {
  t = await tempWorkbench();
  router = new Router(createHandlers(t.wb, { host: 'web', version: 'test' }));
  sample = await t.wb.importFile({ path: t.file('claims.csv', readFileSync('resources/sample/tiktok_claims_sample.csv')) });
});
afterAll(() => t.dispose());

describe('recipe.preview', () => {
  it('previews the Course 6 recipe on the imported sample with the columns prepare gives', async () => {
    const p = (await router.dispatch('recipe.preview', { datasetId: sample.id, recipe: course6() }, ctx)) as RecipePreview;
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
    const direct = prepare(parseRecipe(course6()), datasetFrame(t.wb.db, sample));
    expect(p.features).toEqual(direct.features);
    expect(p.features).toHaveLength(25);
    expect(p.rows.train).toBe(11450);
  });

  it('returns schema problems as field errors instead of failing', async () => {
    const bad = course6();
    bad.target = { positive: 'claim' };
    const p = (await router.dispatch('recipe.preview', { datasetId: sample.id, recipe: bad }, ctx)) as RecipePreview;
    expect(p.fieldErrors).toEqual([{ path: ['target', 'column'], where: 'target · column', message: 'required' }]);
  });

  it('a two-class target without its positive class fails at the target, asking for it', async () => {
    const bad = course6();
    bad.target = { column: 'claim_status' };
    const p = (await router.dispatch('recipe.preview', { datasetId: sample.id, recipe: bad }, ctx)) as RecipePreview;
    expect(p.fieldErrors).toEqual([]);
    expect(p.failure?.message).toMatch(/"claim_status" has two classes \(claim and opinion\): say which one is the positive class in target\.positive/);
  });

  it('refuses an unknown dataset', async () => {
    await expect(router.dispatch('recipe.preview', { datasetId: 999, recipe: course6() }, ctx)).rejects.toThrow(/dataset/i);
  });
});

describe('the sample project', () => {
  it('opens on first launch with the four shipped recipes, once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'assay-recipes-'));
    try {
      const wb = await Workbench.start({ home: dir, resources: 'resources' });
      const names = listRecipes(wb.db).map((r) => r.name);
      expect(names).toHaveLength(4);
      expect(names.some((n) => n.startsWith('Claims vs opinions (Course 6'))).toBe(true);
      expect(names.some((n) => n.startsWith('Author ban status (three classes'))).toBe(true);
      expect(names.filter((n) => n.startsWith('Verified status'))).toHaveLength(2);
      wb.close();
      const again = await Workbench.start({ home: dir, resources: 'resources' });
      expect(listRecipes(again.db)).toHaveLength(4);
      again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
