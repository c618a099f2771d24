import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runChart } from '../../../src-main/core/charts/runCharts';
import { runChartSpec } from '../../../src-main/core/charts/runChartSpec';
import { formatCount } from '../../../src-main/core/evaluation/format';
import { parseRecipe, type Recipe } from '../../../src-main/core/recipe/schema';
import { deckFromRun } from '../../../src-main/core/report/deckFromRun';
import { reportSchema, type Report, type Slide } from '../../../src-main/core/report/schema';
import type { RunRecord } from '../../../src-main/core/search/runRecord';
import { runRecipe } from '../../../src-main/node/search/runRecipe';
import { sampleFrame } from '../../core/recipe/sampleFrame';

/** The Course 6 recipe with the small grid runRecipe's tests use, so the run takes seconds. */
function smallCourse6(): Recipe {
  const r = parseRecipe(JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8')));
  r.models[0].grid = { max_depth: [4, null], max_features: [0.6], max_samples: [0.7], n_estimators: [10, 20] };
  r.models[1].grid = { max_depth: [3], min_child_weight: [5], learning_rate: [0.1], n_estimators: [20, 40] };
  return r;
}

const seed = (file: string) => parseRecipe(JSON.parse(readFileSync(`resources/recipes/${file}`, 'utf8')));
const dataset = { name: 'tiktok_claims_sample', contentHash: null };

const runs: Record<'course6' | 'course5' | 'course5NoLeak', RunRecord> = {} as never;
const decks: Record<keyof typeof runs, Report> = {} as never;

beforeAll(async () => {
  const frame = sampleFrame();
  runs.course6 = await runRecipe(smallCourse6(), frame, { workers: 2, dataset });
  runs.course5 = await runRecipe(seed('verified-course5.json'), frame, { workers: 2, dataset });
  runs.course5NoLeak = await runRecipe(seed('verified-course5-no-leak.json'), frame, { workers: 2, dataset });
  for (const [k, record] of Object.entries(runs)) {
    decks[k as keyof typeof runs] = deckFromRun({ runId: 4, title: record.recipeName, record, summary: { datasetColumns: 12, missing: [{ column: 'claim_status', count: 298 }] } });
  }
}, 180_000);

function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === 'object') return Object.values(v).flatMap(strings);
  return [];
}
const deckText = (d: Report) => strings(d).join('\n');
const slide = (d: Report, title: RegExp) => d.slides.find((s) => title.test(s.title))!;
const tableOf = (s: Slide) => (s.body.kind === 'table' ? s.body.table : null)!;

describe('deckFromRun on real runs of the seed recipes', () => {
  it('builds valid decks in the expected order', () => {
    for (const d of Object.values(decks)) expect(reportSchema.parse(d)).toEqual(d);
    expect(decks.course6.slides.map((s) => s.title)).toEqual([
      runs.course6.recipeName,
      'The data',
      'The preparation',
      'The search',
      'Best candidates: rf',
      'The champion on the test set',
      'Confusion matrix: rf, test set',
      'Classification report: rf, test set',
      'ROC curve: rf, test set',
      'Precision–recall curve: rf, test set',
      'Feature importance: rf',
      'Executive summary',
    ].map((t) => t.replace(/\brf\b/, runs.course6.champion!.modelId)));
    expect(decks.course5.slides.map((s) => s.title).slice(3)).toEqual([
      'The search',
      'The champion on the test set',
      'Confusion matrix: logreg, test set',
      'Classification report: logreg, test set',
      'ROC curve: logreg, test set',
      'Precision–recall curve: logreg, test set',
      'Feature importance: logreg',
      'Coefficients: logreg',
      'Reading the logistic regression: logreg',
      'Executive summary',
    ]);
  });

  it("prints the champion's test recall as its confusion counts give it, and the counts themselves", () => {
    for (const [k, d] of Object.entries(decks)) {
      const c = runs[k as keyof typeof runs].champion!;
      const [[tn, fp], [fn, tp]] = c.test.confusion;
      const recall = (tp / (tp + fn)).toFixed(3);
      expect(c.test.metrics.recall.toFixed(3)).toBe(recall);
      const metrics = tableOf(slide(d, /^The champion on the test set$/));
      expect(metrics.rows.find((r) => r[0] === 'recall')![1]).toBe(recall);
      const summary = strings(slide(d, /^Executive summary$/)).join('\n');
      expect(summary).toContain(`recall ${recall}`);
      expect(summary).toContain(`It finds ${formatCount(tp)} of the ${formatCount(tp + fn)} `);
      expect(summary).toContain(`misses ${formatCount(fn)};`);
      const confusion = tableOf(slide(d, /^Confusion matrix/));
      expect(confusion.rows.map((r) => r.slice(1))).toEqual([
        [formatCount(tn), formatCount(fp)],
        [formatCount(fn), formatCount(tp)],
      ]);
    }
  });

  it('shades the confusion cells darker for larger counts', () => {
    for (const [k, d] of Object.entries(decks)) {
      const counts = runs[k as keyof typeof runs].champion!.test.confusion.flat();
      const fills = tableOf(slide(d, /^Confusion matrix/)).fills!.flatMap((r) => r.slice(1)) as string[];
      const lum = fills.map((f) => [1, 3, 5].map((i) => parseInt(f.slice(i, i + 2), 16)).reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0));
      for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (counts[i] > counts[j]) expect(lum[i]).toBeLessThan(lum[j]);
    }
  });

  it('names leakage in the summary of the leaky Course 5 recipe only', () => {
    const summary = (d: Report) => strings(slide(d, /^Executive summary$/)).join('\n');
    expect(summary(decks.course5)).toMatch(/Caution: the recipe leaks: step 2 \(cap outliers\) and step 3 \(resample\) run before the split/);
    expect(summary(decks.course5)).toMatch(/Re-run the leak-free recipe/);
    expect(summary(decks.course5NoLeak)).not.toMatch(/leak/i);
    expect(summary(decks.course6)).not.toMatch(/leak/i);
    // The leak-free run's test rows keep their true balance: few verified authors.
    expect(summary(decks.course5NoLeak)).toMatch(/Caution: the classes are imbalanced: \d+\.\d% of the test rows are “verified” rows/);
    const prep = slide(decks.course5, /^The preparation$/);
    expect(prep.body.kind === 'bullets' && prep.body.bullets.slice(-2)).toEqual([
      `Step 2 (cap outliers) runs before the split: ${runs.course5.leakage[0].message}`,
      `Step 3 (resample) runs before the split: ${runs.course5.leakage[1].message}`,
    ]);
  });

  it('refers only to charts the stored run can draw', () => {
    for (const [k, d] of Object.entries(decks)) {
      const record = runs[k as keyof typeof runs];
      const charts = d.slides.filter((s) => s.body.kind === 'chart');
      expect(charts).toHaveLength(3);
      for (const s of charts) {
        if (s.body.kind !== 'chart' || s.body.source.type !== 'run') throw new Error('a run chart');
        const option = runChart(runChartSpec(record, s.body.source.modelId, s.body.source.chart));
        expect(option).toBeTruthy();
      }
      const importance = charts[2].body;
      // The permutation list: the last of each model's importances in these runs.
      const m = record.models.find((x) => x.modelId === record.champion!.modelId)!;
      expect(importance.kind === 'chart' && importance.source.type === 'run' && importance.source.chart).toMatchObject({ importance: m.importances.findIndex((x) => x.kind === 'permutation') });
    }
  });

  it('writes no NaN or undefined anywhere', () => {
    for (const d of Object.values(decks)) expect(deckText(d)).not.toMatch(/NaN|undefined|\[object/);
  });
});
