import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { compareChart } from '../../../src-main/core/charts/compareCharts';
import type { CompareChartRequest } from '../../../src-main/core/charts/compareCharts';
import { parseRecipe, type Recipe } from '../../../src-main/core/recipe/schema';
import type { HeldOutScores } from '../../../src-main/core/search/runRecord';
import { Workbench } from '../../../src-main/node/app/workbench';
import { exportCompareChart } from '../../../src-main/node/charts/compareChartExport';
import { drawChart, type ChartFormat } from '../../../src-main/node/charts/exportChart';
import { compareRuns } from '../../../src-main/node/runs/compareRuns';
import { RunQueue } from '../../../src-main/node/runs/runQueue';
import { saveRecipe } from '../../../src-main/node/store/recipes';
import { insertRun } from '../../../src-main/node/store/runs';
import { exactMcNemarP } from '../../core/compare/exactMcNemar';

/**
 * Course 6 with grids small enough for a test (test/node/runRecipe.test.ts),
 * and a tiny forest (3 trees of depth 2) that disagrees with rf on some
 * validation rows: rf and xgb of this grid predict alike.
 */
function smallCourse6(name: string): Recipe {
  const r = parseRecipe(JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8')));
  r.name = name;
  r.models[0].grid = { max_depth: [4, null], max_features: [0.6], max_samples: [0.7], n_estimators: [10, 20] };
  r.models[1].grid = { max_depth: [3], min_child_weight: [5], learning_rate: [0.1], n_estimators: [20, 40] };
  r.models.push({ id: 'tiny', type: 'randomForest', params: { random_state: 0 }, grid: { n_estimators: [3], max_depth: [2], max_features: [0.3] } });
  return r;
}

let dir: string;
let wb: Workbench;
let queue: RunQueue;
/** The same recipe on the same dataset, run twice; and a run that failed. */
let first: number;
let second: number;
let failed: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assay-compare-'));
  wb = await Workbench.start({ home: join(dir, 'home'), resources: 'resources' });
  queue = new RunQueue(wb, { workers: 2 });
  const recipeId = await wb.write((db) => saveRecipe(db, null, smallCourse6('small course 6')).id);
  const bad = smallCourse6('bad target');
  bad.target = { column: 'claim_status', positive: 'rumour' };
  const badId = await wb.write((db) => saveRecipe(db, null, bad).id);
  first = (await queue.start(recipeId)).id;
  second = (await queue.start(recipeId)).id;
  failed = (await queue.start(badId)).id;
  await queue.idle();
}, 240_000);

afterAll(() => {
  wb.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Rows one model classifies right and the other wrong, recomputed here: predicted positive iff p > 0.5. */
function disagreements(a: HeldOutScores, b: HeldOutScores): { b: number; c: number } {
  let onlyA = 0;
  let onlyB = 0;
  for (let i = 0; i < a.y.length; i++) {
    const rightA = a.score[i] > 0.5 === (a.y[i] === 1);
    const rightB = b.score[i] > 0.5 === (b.y[i] === 1);
    if (rightA && !rightB) onlyA++;
    if (rightB && !rightA) onlyB++;
  }
  return { b: onlyA, c: onlyB };
}


/** The text nodes echarts wrote. */
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1].replace(/&amp;/g, '&').replace(/&#39;/g, "'"));

const SVG: ChartFormat = { type: 'svg', width: 900, height: 500, scale: 1 };

describe('run.compare in the host', () => {
  it('two models of one run that disagree: McNemar on the 3,817 validation rows they share, the t-test on their 5 folds', () => {
    expect(queue.summary(first).status).toBe('complete');
    const c = compareRuns(
      queue,
      [
        { runId: first, modelId: 'rf' },
        { runId: first, modelId: 'tiny' },
      ],
      {},
    );
    expect(c.models.map((m) => [m.run, m.modelId, m.label])).toEqual([
      [first, 'rf', 'rf'],
      [first, 'tiny', 'tiny'],
    ]);
    const [pair] = c.pairs;
    const record = queue.record(first)!;
    const held = (id: string) => record.models.find((m) => m.modelId === id)!.heldOut.validation!;
    const counts = disagreements(held('rf'), held('tiny'));
    expect(counts.b + counts.c).toBeGreaterThan(0);
    expect(pair.mcnemar).toMatchObject({ set: 'validation', rows: 3817, exact: true, ...counts });
    const p = exactMcNemarP(counts.b, counts.c);
    // Relative: the p-value may be far below any absolute tolerance.
    expect(Math.abs(pair.mcnemar!.pValue / p - 1)).toBeLessThan(1e-9);
    expect(pair.cvTest!.differences).toHaveLength(5);
    expect(pair.cvTest!.metric).toBe('recall');
    expect(pair.identical).toBe(false);
    // The verdict states the disagreements (the false alarms differ too, so it speaks of them, not of misses alone) and the p-value.
    const n = (x: number) => x.toLocaleString('en-US');
    expect(pair.verdict).toContain(`rf and tiny disagree on ${n(counts.b + counts.c)} of the same 3,817 validation rows (rf right on ${n(counts.b)}, tiny on ${n(counts.c)})`);
    expect(pair.verdict).toContain(p < 0.001 ? 'would arise by chance with p < 0.001' : `would arise by chance with p = ${Number(p.toPrecision(2))}`);
    expect(pair.verdict).toMatch(/Over the same 5 cross-validation folds (rf|tiny)'s recall is 0\.\d{3} higher on average \(corrected t = \d+\.\d\d, p [=<] [\d.]+\)/);
  });

  it('a run and its re-run: the same predictions and folds, b = c = 0, every difference 0, "identical"', () => {
    const c = compareRuns(
      queue,
      [
        { runId: first, modelId: 'rf' },
        { runId: second, modelId: 'rf' },
      ],
      { metric: 'f1', exactMcNemar: false },
    );
    expect(c.models.map((m) => m.label)).toEqual([`#${first} rf`, `#${second} rf`]);
    const [pair] = c.pairs;
    expect(pair.identical).toBe(true);
    expect(pair.mcnemar).toMatchObject({ set: 'validation', rows: 3817, b: 0, c: 0, exact: false });
    expect(pair.cvTest!.metric).toBe('f1');
    expect(pair.cvTest!.differences).toEqual([0, 0, 0, 0, 0]);
    expect(pair.verdict).toMatch(/identical/);
  });

  it('reads each run once however many of its models are compared', () => {
    const record = vi.spyOn(queue, 'record');
    try {
      compareRuns(
        queue,
        [
          { runId: first, modelId: 'rf' },
          { runId: first, modelId: 'xgb' },
          { runId: second, modelId: 'rf' },
          { runId: second, modelId: 'xgb' },
        ],
        {},
      );
      expect(record.mock.calls.map(([id]) => id)).toEqual([first, second]);
    } finally {
      record.mockRestore();
    }
  });

  it('refuses a missing run, a model the run lacks, a failed run and an active one', async () => {
    const compare = (runId: number, modelId = 'rf') => () => compareRuns(queue, [{ runId: first, modelId: 'rf' }, { runId, modelId }], {});
    expect(compare(999)).toThrow(expect.objectContaining({ code: 'not-found', message: 'There is no run 999 in this project.' }));
    // The message names the models the run has.
    expect(compare(second, 'lr')).toThrow(expect.objectContaining({ code: 'not-found', message: expect.stringMatching(/rf, xgb, tiny/) }));
    expect(queue.summary(failed).status).toBe('failed');
    expect(compare(failed)).toThrow(expect.objectContaining({ code: 'not-found', message: `Run ${failed} has no results to compare: it failed before any model was scored.` }));
    const waiting = await wb.write((db) => insertRun(db, { recipeId: null, recipeName: 'x', datasetName: 'y', datasetHash: 'z' }).id);
    expect(compare(waiting)).toThrow(expect.objectContaining({ code: 'conflict', message: `Run ${waiting} is still queued; compare it once it finishes.` }));
  });
});

describe('run.compareChart in the host', () => {
  const models = () => [
    { runId: first, modelId: 'rf' },
    { runId: first, modelId: 'xgb' },
    { runId: second, modelId: 'rf' },
  ];
  const requests: CompareChartRequest[] = [
    { kind: 'metricBars', metric: 'recall' },
    { kind: 'roc', set: 'validation' },
    { kind: 'pr', set: 'validation' },
    { kind: 'roc', set: 'test' },
    { kind: 'confusion', set: 'validation', normalize: false },
    { kind: 'confusion', set: 'validation', normalize: true },
    { kind: 'importance', top: 10 },
  ];

  it.each(requests.map((r) => [`${r.kind}${'set' in r ? ` ${r.set}` : ''}${'normalize' in r && r.normalize ? ' (row shares)' : ''}`, r] as const))('%s: an SVG naming every model', (_name, request) => {
    const out = exportCompareChart(queue, models(), request, SVG);
    expect(out.mime).toBe('image/svg+xml');
    expect(out.data.startsWith('<svg')).toBe(true);
    const t = texts(out.data).join('\n');
    const labels = [`#${first} rf`, `#${first} xgb`, `#${second} rf`];
    // The test set: only each run's champion has predictions there, and the rest are named in the note.
    for (const label of labels) expect(t).toContain(label);
  });

  it('a PNG of the asked size, named after the chart', () => {
    const out = exportCompareChart(queue, models(), { kind: 'confusion', set: 'validation', normalize: false }, { type: 'png', width: 720, height: 480, scale: 2 });
    expect(out.mime).toBe('image/png');
    const png = Buffer.from(out.data, 'base64');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1440, 960]);
    expect(out.fileName).toBe('confusion-matrices-validation-set@2x.png');
  });
});

describe('comparison charts drawn through drawChart', () => {
  it('metric bars: each error bar stands on its CV bar and spans mean ± std on the bars’ scale', () => {
    const { option, note } = compareChart({
      kind: 'metricBars',
      metric: 'recall',
      models: [
        { label: 'rf', cv: { mean: 0.5, std: 0.1, folds: 5 }, validation: 0.6, test: 0.7 },
        { label: 'xgb', cv: { mean: 0.4, std: 0.05, folds: 5 }, validation: 0.3, test: null },
      ],
    });
    const svg = drawChart(option, note, 'metricBars', SVG).data;
    // Bars are drawn as "M x y0 l w 0 l 0 -h l -w 0Z"; the error bar's stem as "M x y1 L x y2".
    const bars = [...svg.matchAll(/<path d="M([\d.]+) ([\d.]+)l([\d.]+) 0l0 -([\d.]+)[^"]*"[^>]*ecmeta_series_index="0"/g)].map((m) => ({ x: +m[1], base: +m[2], w: +m[3], h: +m[4] }));
    const stems = [...svg.matchAll(/<path d="M([\d.]+) ([\d.]+)L([\d.]+) ([\d.]+)"[^>]*ecmeta_series_index="3"/g)].filter((m) => m[1] === m[3]).map((m) => ({ x: +m[1], low: +m[2], high: +m[4] }));
    expect(bars).toHaveLength(2);
    expect(stems).toHaveLength(2);
    const cases = [
      { mean: 0.5, std: 0.1 },
      { mean: 0.4, std: 0.05 },
    ];
    cases.forEach(({ mean, std }, i) => {
      const perUnit = bars[i].h / mean;
      expect(Math.abs(stems[i].x - (bars[i].x + bars[i].w / 2))).toBeLessThan(0.2);
      expect(Math.abs(stems[i].low - (bars[i].base - (mean - std) * perUnit))).toBeLessThan(0.2);
      expect(Math.abs(stems[i].high - (bars[i].base - (mean + std) * perUnit))).toBeLessThan(0.2);
    });
    expect(texts(svg)).toEqual(expect.arrayContaining(['recall by model', 'rf', 'xgb', '0.500', '0.600', '0.700', 'CV mean ± std', 'Test']));
  });
});
