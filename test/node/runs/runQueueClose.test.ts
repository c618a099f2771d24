import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRecipe } from '../../../src-main/core/recipe/schema';
import type { RunSummary } from '../../../src-main/core/search/runSummary';
import { Workbench } from '../../../src-main/node/app/workbench';
import { RunQueue } from '../../../src-main/node/runs/runQueue';
import { listDatasets } from '../../../src-main/node/store/datasets';
import { listRuns } from '../../../src-main/node/store/runs';
import { saveRecipe } from '../../../src-main/node/store/recipes';
import { bigCsv } from '../helpers';

let dir: string;
let wb: Workbench;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-runs-close-'));
  wb = await Workbench.start({ home: join(dir, 'home'), resources: 'resources' });
});
afterEach(async () => {
  await wb.close();
  rmSync(dir, { recursive: true, force: true });
});

function forest(name: string, trees: number) {
  const r = parseRecipe(JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8')));
  r.name = name;
  r.models = [{ ...r.models[0], grid: { max_depth: [4, 8], max_features: [0.6], max_samples: [0.7], n_estimators: [trees] } }];
  return wb.write((db) => saveRecipe(db, null, r).id);
}

async function until(queue: RunQueue, id: number, ok: (s: RunSummary) => boolean): Promise<void> {
  while (!ok(queue.summary(id))) await new Promise((r) => setTimeout(r, 25));
}

describe('RunQueue when its project closes', () => {
  it('records its runs as cancelled because the project was closed, even while an import holds the write lock', async () => {
    const sample = wb.info()!.path;
    const queue = new RunQueue(wb, { workers: 1 });
    const running = await queue.start(await forest('slow', 80));
    const queued = await queue.start(await forest('next', 5));
    await until(queue, running.id, (s) => (s.progress?.fitsDone ?? 0) > 0);

    // An import part-way through: its transaction is open on the same connection as the runs' records.
    writeFileSync(join(dir, 'big.csv'), bigCsv(200_000));
    let partWay!: () => void;
    const started = new Promise<void>((r) => (partWay = r));
    const importing = wb
      .importFile({ path: join(dir, 'big.csv'), chunkSize: 16384, onProgress: (p) => p.done > 500_000 && partWay() })
      .then(
        () => 'imported',
        (e: unknown) => (e as Error).message,
      );
    await started;

    wb.create(join(dir, 'other.assay'));
    expect(await importing).toMatch(/cancelled because the project Sample was closed/);
    await queue.idle();
    // Nothing of the old project's runs reached the new one.
    expect(queue.list()).toEqual([]);

    await wb.close();
    const again = await Workbench.start({ home: join(dir, 'home2'), resources: 'resources', empty: true });
    again.open(sample);
    const runs = listRuns(again.db);
    expect(runs.map((r) => [r.id, r.status, r.error])).toEqual([
      [queued.id, 'cancelled', 'Cancelled because the project was closed.'],
      [running.id, 'cancelled', 'Cancelled because the project was closed.'],
    ]);
    expect(listDatasets(again.db).map((d) => d.name)).toEqual(['tiktok_claims_sample']);
    await again.close();
  });
});
