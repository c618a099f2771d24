/**
 * The analysis thread: profiles and charts computed off the host's event
 * loop, with errors that keep their API code across the thread boundary.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import type { DatasetInfo } from '../../../src-main/core/data/columns';
import { AnalysisThread } from '../../../src-main/node/analysis/analysisThread';
import { parseRecipe } from '../../../src-main/core/recipe/schema';
import { tempWorkbench, type TempWorkbench } from '../helpers';

let t: TempWorkbench;
let sample: DatasetInfo;
const thread = new AnalysisThread();

beforeAll(async () => {
  t = await tempWorkbench();
  sample = await t.wb.importFile({ path: t.file('claims.csv', readFileSync('resources/sample/tiktok_claims_sample.csv')) });
});
afterAll(async () => {
  await thread.close();
  t.dispose();
});

describe('AnalysisThread', () => {
  it('profiles on another thread while this one stays free', async () => {
    const ticks: string[] = [];
    const timer = new Promise<void>((resolve) => setTimeout(() => (ticks.push('timer'), resolve()), 0));
    const profile = thread.run(t.wb.db, { op: 'profile', info: sample }).then((p) => (ticks.push('profile'), p));
    const [p] = await Promise.all([profile, timer]);
    // In-process work would finish in a microtask, before any timer.
    expect(ticks).toEqual(['timer', 'profile']);
    expect(p.columns.find((c) => c.name === 'claim_status')!.missing).toBe(298);
    expect(p.duplicates.count).toBe(0);
  });

  it('draws a chart with the bundled fonts', async () => {
    const r = await thread.run(t.wb.db, {
      op: 'chart',
      info: sample,
      chart: { kind: 'box', x: 'video_view_count', title: 'Views' },
      format: { type: 'png', width: 400, height: 300, scale: 2 },
    });
    const png = Buffer.from(r.data, 'base64');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([800, 600]);
  });

  it('prepares a recipe there, and its feature matrices arrive intact', async () => {
    const recipe = parseRecipe(JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8')));
    const p = await thread.run(t.wb.db, { op: 'prepare', info: sample, recipe });
    expect(p.train.X.columns[0]).toBeInstanceOf(Float64Array);
    expect(p.train.y).toBeInstanceOf(Int32Array);
    expect(p.train.y.length).toBe(11450);
    expect(p.features).toHaveLength(25);
    expect(p.classes).toEqual(['opinion', 'claim']);
  });

  it('keeps the API error code and message of a failed task', async () => {
    const failure = thread.run(t.wb.db, {
      op: 'chart',
      info: sample,
      chart: { kind: 'box', x: 'claim_status' },
      format: { type: 'svg', width: 400, height: 300, scale: 1 },
    });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ code: 'bad-input', message: expect.stringMatching(/"claim_status" is not numeric/) });
  });
});
