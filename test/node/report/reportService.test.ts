import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRecipe } from '../../../src-main/core/recipe/schema';
import { reportSchema, type Slide } from '../../../src-main/core/report/schema';
import { Workbench } from '../../../src-main/node/app/workbench';
import { FIRST_REPORT_NAME, ReportService } from '../../../src-main/node/report/reportService';
import { RunQueue } from '../../../src-main/node/runs/runQueue';
import { listDatasets } from '../../../src-main/node/store/datasets';
import { saveRecipe } from '../../../src-main/node/store/recipes';

let dir: string;
let wb: Workbench;
let runs: RunQueue;
let service: ReportService;
/** A finished run kept throughout, and one deleted once a report shows it. */
let kept: number;
let doomed: number;

/** Course 6 with one small forest: a finished run with a champion in seconds. */
function tinyCourse6(name: string) {
  const r = parseRecipe(JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8')));
  r.name = name;
  r.models = [{ ...r.models[0], grid: { max_depth: [4], max_features: [0.6], max_samples: [0.7], n_estimators: [10] } }];
  return r;
}

const bulletSlide = (id: string, runIds: number[]): Slide => ({ id, title: `Slide ${id}`, caption: '', notes: '', body: { kind: 'bullets', bullets: ['one'] }, runIds });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-reportservice-'));
  wb = await Workbench.start({ home: join(dir, 'home'), resources: 'resources' });
  runs = new RunQueue(wb, { workers: 2 });
  service = new ReportService(wb, runs);
  const recipeId = await wb.write((db) => saveRecipe(db, null, tinyCourse6('tiny course 6')).id);
  kept = (await runs.start(recipeId)).id;
  doomed = (await runs.start(recipeId)).id;
  await runs.idle();
}, 240_000);

afterAll(async () => {
  await wb.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ReportService', () => {
  it('addSlide with no report named starts a report when the project has none, then appends to the report edited last', async () => {
    expect(service.list()).toEqual([]);
    const first = await service.addSlide(null, bulletSlide('s1', [kept]));
    expect(first.report.name).toBe(FIRST_REPORT_NAME);
    expect(first.report.slides.map((s) => s.id)).toEqual(['s1']);
    expect(first.missingRuns).toEqual([]);

    const second = await service.addSlide(null, bulletSlide('s2', []));
    expect(second.id).toBe(first.id);
    expect(second.report.slides.map((s) => s.id)).toEqual(['s1', 's2']);

    // The same slide added again gets an id of its own: ids stay unique within a report.
    const again = await service.addSlide(first.id, bulletSlide('s1', []));
    const ids = again.report.slides.map((s) => s.id);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
    expect(ids.slice(0, 2)).toEqual(['s1', 's2']);

    // Another report edited since takes the next "Add to report".
    const other = await service.save(null, { version: 1, name: 'Other', slides: [] });
    const toOther = await service.addSlide(null, bulletSlide('s9', []));
    expect(toOther.id).toBe(other.id);
    expect(service.get(first.id).report.slides).toHaveLength(3);
    await service.delete(other.id);
    await expect(service.addSlide(other.id, bulletSlide('x', []))).rejects.toThrow(/There is no report/);
  });

  it('fromRun builds the deck of the run, named after it, every slide as the schema wants it, stored in the project', async () => {
    const title = runs.summary(kept).title;
    const detail = await service.fromRun(kept);
    expect(detail.report.name).toBe(title);
    expect(() => reportSchema.parse(detail.report)).not.toThrow();
    expect(detail.report.slides.length).toBeGreaterThan(5);
    expect(detail.report.slides.some((s) => s.runIds.includes(kept))).toBe(true);
    expect(detail.missingRuns).toEqual([]);
    expect(service.get(detail.id).report).toEqual(detail.report);
    expect(service.list().map((r) => r.id)).toContain(detail.id);
    // The data slide has the columns and missing values the sample's import counted (the record alone has neither).
    const data = JSON.stringify(detail.report.slides.find((s) => s.title === 'The data'));
    expect(data).toMatch(/and 12 columns/);
    expect(data).toMatch(/Missing values: /);
  });

  it('fromRun refuses a run that is not there', async () => {
    await expect(service.fromRun(9999)).rejects.toThrow(/no run 9999/);
  });

  it('a deleted run is named in missingRuns, and the export context has no record or title for it', async () => {
    const ctx = service.context();
    expect(ctx.record(doomed)?.champion).toBeTruthy();
    const withDoomed = await service.save(null, { version: 1, name: 'Doomed', slides: [bulletSlide('d1', [doomed, kept]), bulletSlide('d2', [doomed])] });
    expect(withDoomed.missingRuns).toEqual([]);
    await runs.delete(doomed);
    expect(service.get(withDoomed.id).missingRuns).toEqual([doomed]);
    expect(ctx.record(doomed)).toBeNull();
    expect(ctx.runTitle(doomed)).toBeNull();
    expect(ctx.record(kept)?.champion).toBeTruthy();
    expect(ctx.runTitle(kept)).toBe(runs.summary(kept).title);
  });

  it("datasetChart builds a dataset's chart option in the host, and is null for a dataset that is gone", async () => {
    const ctx = service.context();
    const [sample] = listDatasets(wb.db);
    const chart = await ctx.datasetChart(sample.id, { kind: 'histogram', x: 'video_duration_sec', bins: 10 });
    expect(chart).not.toBeNull();
    const series = chart!.option.series as { type: string; data: unknown[] }[];
    // One bar per bin, drawn by echarts' custom series as the app's histogram is.
    expect(series[0].data).toHaveLength(10);
    expect(String((chart!.option.title as { text: string }).text)).toMatch(/video duration/i);
    expect(await ctx.datasetChart(9999, { kind: 'histogram', x: 'video_duration_sec' })).toBeNull();
  });
});
