/**
 * dataset.profile through the router: the JSON-safe view of the profile
 * that both hosts deliver (plain arrays, null for undefined statistics).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetInfo } from '../../../src-main/core/data/columns';
import type { ProfileView } from '../../../src-main/core/profile/profileView';
import { createHandlers } from '../../../src-main/node/api/handlers';
import { Router } from '../../../src-main/node/api/router';
import { tempWorkbench, type TempWorkbench } from '../helpers';

let t: TempWorkbench;
let router: Router;
let sample: DatasetInfo;
const ctx = { signal: new AbortController().signal, progress: () => {} };

beforeAll(async () => {
  t = await tempWorkbench();
  router = new Router(createHandlers(t.wb, { host: 'web', version: 'test' }));
  sample = await t.wb.importFile({ path: t.file('claims.csv', readFileSync('resources/sample/tiktok_claims_sample.csv')) });
});
afterAll(() => t.dispose());

describe('dataset.profile', () => {
  it('reports the sample’s missing claim_status values, no duplicates, and survives JSON', async () => {
    const p = (await router.dispatch('dataset.profile', { id: sample.id }, ctx)) as ProfileView;
    const wire = JSON.parse(JSON.stringify(p)) as ProfileView;
    expect(wire).toEqual(p);
    expect(p.shape).toEqual([19382, 12]);
    expect(p.columns.find((c) => c.name === 'claim_status')!.missing).toBe(298);
    expect(p.duplicates.count).toBe(0);
    const pearson = p.correlations.pearson;
    const i = pearson.columns.indexOf('video_view_count');
    const j = pearson.columns.indexOf('video_like_count');
    expect(pearson.values[i][i]).toBe(1);
    expect(pearson.values[i][j]).toBeGreaterThan(0.8);
    expect(p.vif!.columns).toContain('video_like_count');
    expect(p.vif!.vif.every((v) => v === null || v >= 1)).toBe(true);
  });

  it('refuses an unknown dataset', async () => {
    await expect(router.dispatch('dataset.profile', { id: 999 }, ctx)).rejects.toThrow(/dataset/i);
  });
});
