import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRecipe } from '../../../src-main/core/recipe/schema';
import { reportSchema, type Slide } from '../../../src-main/core/report/schema';
import { Workbench } from '../../../src-main/node/app/workbench';
import { FIRST_REPORT_NAME, ReportService } from '../../../src-main/node/report/reportService';
import { resolveDeck } from '../../../src-main/node/report/resolveDeck';
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
    // The list has the summary, not the slides.
    expect(service.list().find((r) => r.id === detail.id)).toEqual({
      id: detail.id,
      name: title,
      slides: detail.report.slides.length,
      createdAt: detail.createdAt,
      updatedAt: detail.updatedAt,
      damaged: null,
    });
    // The data slide has the columns and missing values the sample's import counted (the record alone has neither).
    const data = JSON.stringify(detail.report.slides.find((s) => s.title === 'The data'));
    expect(data).toMatch(/and 12 columns/);
    expect(data).toMatch(/Missing values: /);
  });

  it('a damaged report is listed as such, refused when opened, passed over by "Add to report", and can be deleted', async () => {
    const usable = await service.save(null, { version: 1, name: 'Usable', slides: [] });
    const newer = await service.save(null, { version: 1, name: 'Newer', slides: [] });
    const deep = await service.save(null, { version: 1, name: 'Deep', slides: [] });
    // Edited after the usable one, then damaged: a newer version's report, a hand edit deep in a slide.
    await wb.write((db) => {
      db.prepare('UPDATE reports SET json = ? WHERE id = ?').run('{"version": 2, "name": "Newer", "slides": []}', newer.id);
      db.prepare('UPDATE reports SET json = ? WHERE id = ?').run('{"version": 1, "name": "Deep", "slides": [{"id": 3}]}', deep.id);
    });
    const listed = service.list();
    expect(listed.find((r) => r.id === newer.id)).toMatchObject({ name: 'Newer', slides: 0, damaged: 'version: 2 is not a report version this Assay reads (1)' });
    expect(listed.find((r) => r.id === usable.id)?.damaged).toBeNull();
    expect(() => service.get(newer.id)).toThrow(/^Report \d+ \(“Newer”\) is damaged in this project file and cannot be opened or exported: version: /);
    expect(() => service.get(deep.id)).toThrow(/^Report \d+ \(“Deep”\) is damaged in this project file and cannot be opened or exported: slides\.0\./);
    await expect(service.addSlide(deep.id, bulletSlide('x', []))).rejects.toThrow(/is damaged/);
    const added = await service.addSlide(null, bulletSlide('u1', []));
    expect(added.id).toBe(usable.id);
    for (const r of [newer, deep]) expect(await service.delete(r.id)).toEqual({ id: r.id });
    await service.delete(usable.id);
    expect(service.list().some((r) => [usable.id, newer.id, deep.id].includes(r.id))).toBe(false);
  });

  it('"Add to report" with only damaged reports starts a new one', async () => {
    const before = service.list().map((r) => r.id);
    const only = await service.save(null, { version: 1, name: 'Only', slides: [] });
    await wb.write((db) => db.prepare("UPDATE reports SET json = 'not json', updated_at = '2999-01-01T00:00:00.000Z' WHERE id != 0").run());
    const added = await service.addSlide(null, bulletSlide('n1', []));
    expect([...before, only.id]).not.toContain(added.id);
    expect(added.report).toEqual({ version: 1, name: FIRST_REPORT_NAME, slides: [bulletSlide('n1', [])] });
    for (const r of service.list()) await service.delete(r.id);
  });

  it('fromRun refuses a run that is not there', async () => {
    await expect(service.fromRun(9999)).rejects.toThrow(/no run 9999/);
  });

  it('fromRun refuses a run whose stored record is damaged, naming the run and the field', async () => {
    const recipeId = await wb.write((db) => saveRecipe(db, null, tinyCourse6('damaged record')).id);
    const id = (await runs.start(recipeId)).id;
    await runs.idle();
    await wb.write((db) => {
      const { record_json } = db.prepare('SELECT record_json FROM runs WHERE id = ?').get(id) as { record_json: string };
      const record = JSON.parse(record_json) as { champion: { modelId: string } };
      record.champion.modelId = 'gone';
      db.prepare('UPDATE runs SET record_json = ? WHERE id = ?').run(JSON.stringify(record), id);
    });
    const title = runs.summary(id).title;
    await expect(service.fromRun(id)).rejects.toThrow(`Run ${id} (${title}): champion "gone" is not one of the run's models (rf).`);
    await runs.delete(id);
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

  it('missingRuns names the runs a chart is drawn from, not only the ones its slide lists, as the export does', async () => {
    const chart = (id: string, source: Slide['body']): Slide => ({ id, title: `Chart ${id}`, caption: '', notes: '', body: source, runIds: [] });
    const report = await service.save(null, {
      version: 1,
      name: 'Charts of runs that are gone',
      slides: [
        chart('c1', { kind: 'chart', source: { type: 'run', id: 999, modelId: 'rf', chart: { kind: 'roc', set: 'test', threshold: null } } }),
        chart('c2', { kind: 'chart', source: { type: 'compare', models: [{ runId: kept, modelId: 'rf' }, { runId: 998, modelId: 'rf' }], chart: { kind: 'metricBars', metric: 'recall' } } }),
        chart('c3', { kind: 'chart', source: { type: 'run', id: kept, modelId: 'rf', chart: { kind: 'roc', set: 'test', threshold: null } } }),
      ],
    });
    expect(report.missingRuns).toEqual([998, 999]);
    const deck = await resolveDeck(service.context(), report.report);
    expect(deck.slides.map((s) => s.body.kind)).toEqual(['placeholder', 'placeholder', 'chart']);
    await service.delete(report.id);
  });

  it('addSlide refuses a slide that would take the report past its size bound, and the report stays as it was', async () => {
    const table = (id: string, rows: number): Slide => ({
      id,
      title: `Table ${id}`,
      caption: '',
      notes: '',
      body: { kind: 'table', table: { header: Array.from({ length: 40 }, (_, i) => `c${i}`), rows: Array.from({ length: rows }, () => Array.from({ length: 40 }, () => 'x'.repeat(400))), numeric: Array.from({ length: 40 }, () => false) } },
      runIds: [],
    });
    const near = await service.save(null, { version: 1, name: 'Near the bound', slides: [table('t1', 500), table('t2', 480)] });
    await expect(service.addSlide(near.id, table('t3', 100))).rejects.toThrow(
      /^The report “Near the bound” would be 17 MB; a report holds at most 16 MB — remove or shrink a slide \(the largest is slide 1, “Table t1”, a 500×40 table of 7\.7 MB\)\.$/,
    );
    expect(service.get(near.id).report.slides.map((s) => s.id)).toEqual(['t1', 't2']);
    expect((await service.addSlide(near.id, bulletSlide('small', []))).report.slides).toHaveLength(3);
    await service.delete(near.id);
  }, 60_000);

  it('exports take turns: the second waits for the first and reads its report only when its turn comes', async () => {
    const first = await service.save(null, { version: 1, name: 'First', slides: [bulletSlide('e1', [])] });
    const second = await service.save(null, { version: 1, name: 'Second', slides: [bulletSlide('e2', [])] });
    const a = service.export(first.id, 'pptx');
    const b = service.export(second.id, 'pptx');
    expect(service.exportsWaiting).toBe(1);
    // Deleted while it waits: read on its turn, the report is gone, and the export says so.
    await service.delete(second.id);
    const [fileA, refusedB] = await Promise.all([a, b.catch((e: unknown) => e)]);
    expect(fileA.fileName).toBe('first.pptx');
    expect(Buffer.from(fileA.data, 'base64').subarray(0, 2).toString()).toBe('PK');
    expect((refusedB as Error).message).toBe(`There is no report ${second.id} in this project.`);
    expect(service.exportsWaiting).toBe(0);
    await service.delete(first.id);
  }, 60_000);

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
