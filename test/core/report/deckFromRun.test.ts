import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import { runChartRequestSchema } from '../../../src-main/core/charts/runCharts';
import { deckFromRun } from '../../../src-main/core/report/deckFromRun';
import { reportSchema, type Report, type Slide } from '../../../src-main/core/report/schema';
import { newSlideId } from '../../../src-main/core/report/slideId';
import { claimsRun, verifiedRun } from './runFixtures';

/** Every string anywhere in a value. */
function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === 'object') return Object.values(v).flatMap(strings);
  return [];
}

/** What a slide says: title, caption, notes and its body's text. */
const slideText = (s: Slide) => strings(s).join('\n');
const byTitle = (deck: Report, title: string | RegExp) => deck.slides.find((s) => (typeof title === 'string' ? s.title === title : title.test(s.title)))!;
const bullets = (s: Slide) => (s.body.kind === 'bullets' ? s.body.bullets : []);

describe('deckFromRun', () => {
  it('builds the slides in the order of a results talk, each referring to the run', () => {
    const deck = deckFromRun({ runId: 7, title: 'Claims, grid 2', record: claimsRun() });
    expect(reportSchema.parse(deck)).toEqual(deck);
    expect(deck.name).toBe('Claims, grid 2');
    expect(deck.slides.map((s) => s.title)).toEqual([
      'Claims, grid 2',
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
    ]);
    expect(deck.slides.map((s) => s.body.kind)).toEqual(['title', 'bullets', 'bullets', 'table', 'table', 'table', 'table', 'table', 'chart', 'chart', 'chart', 'sections']);
    for (const s of deck.slides) {
      expect(s.runIds).toEqual([7]);
      expect(s.caption.length).toBeGreaterThan(0);
      expect(s.caption).not.toContain('\n');
      expect(s.notes.length).toBeGreaterThan(0);
    }
    expect(new Set(deck.slides.map((s) => s.id)).size).toBe(deck.slides.length);
  });

  it('has a title slide naming the dataset, its rows, the date and the Assay version', () => {
    const deck = deckFromRun({ runId: 7, title: 'Claims', record: claimsRun() });
    expect(deck.slides[0].body).toEqual({ kind: 'title', subtitle: 's · 19,382 rows · 2025-03-04 · Assay 0' });
  });

  it('prints the champion test figures exactly as the confusion counts give them', () => {
    const record = claimsRun();
    const deck = deckFromRun({ runId: 7, title: 'Claims', record });
    const recall = (1902 / 1914).toFixed(3);
    const metrics = byTitle(deck, 'The champion on the test set');
    expect(metrics.body.kind === 'table' && metrics.body.table.rows.find((r) => r[0] === 'recall')?.[1]).toBe(recall);
    expect(metrics.caption).toContain(`recall ${recall}`);
    expect(metrics.notes).toContain(`Test recall: ${1902 / 1914}`);
    const summary = byTitle(deck, 'Executive summary');
    expect(slideText(summary)).toContain(`recall ${recall}`);
    expect(slideText(summary)).toContain('It finds 1,902 of the 1,914 claims in the test rows and misses 12');
    const confusion = byTitle(deck, /^Confusion matrix/);
    expect(confusion.body).toMatchObject({
      kind: 'table',
      table: {
        rows: [
          ['opinion', '1,901', '2'],
          ['claim', '12', '1,902'],
        ],
      },
    });
    expect(confusion.caption).toBe('The model misses 12 of 1,914 claims (0.6%) and wrongly flags 2 of 1,903 opinions (0.1%).');
  });

  it('refers to ROC, PR and importance charts of the champion with valid requests', () => {
    const deck = deckFromRun({ runId: 7, title: 'Claims', record: claimsRun() });
    const charts = deck.slides.filter((s) => s.body.kind === 'chart').map((s) => s.body);
    expect(charts).toEqual([
      { kind: 'chart', source: { type: 'run', id: 7, modelId: 'rf', chart: { kind: 'roc', set: 'test', threshold: null } } },
      { kind: 'chart', source: { type: 'run', id: 7, modelId: 'rf', chart: { kind: 'pr', set: 'test', threshold: null } } },
      // The permutation list is the model's second.
      { kind: 'chart', source: { type: 'run', id: 7, modelId: 'rf', chart: { kind: 'importance', importance: 1, top: 15 } } },
    ]);
    for (const c of charts) if (c.kind === 'chart' && c.source.type === 'run') expect(runChartRequestSchema.parse(c.source.chart)).toEqual(c.source.chart);
    expect(byTitle(deck, /^ROC curve/).notes).toMatch(/^ROC AUC: 0\.9\d+\.$/m);
  });

  it('uses the first importance list when there is no permutation one, and skips importance and curves the run lacks', () => {
    const record = claimsRun({}, { importances: [] });
    expect(deckFromRun({ runId: 1, title: 't', record }).slides.some((s) => s.title.startsWith('Feature importance'))).toBe(false);
    const impurityOnly = claimsRun();
    impurityOnly.models[0].importances = impurityOnly.models[0].importances.slice(0, 1);
    const chart = byTitle(deckFromRun({ runId: 1, title: 't', record: impurityOnly }), /^Feature importance/).body;
    expect(chart.kind === 'chart' && chart.source.type === 'run' && chart.source.chart).toEqual({ kind: 'importance', importance: 0, top: 15 });
    const noScores = claimsRun();
    noScores.models[0].heldOut = { validation: null, test: null };
    const titles = deckFromRun({ runId: 1, title: 't', record: noScores }).slides.map((s) => s.title);
    expect(titles.filter((t) => /curve/.test(t))).toEqual([]);
  });

  it('describes the data: rows, features, the split, class balance and missing values when known', () => {
    const deck = deckFromRun({
      runId: 7,
      title: 'Claims',
      record: claimsRun(),
      summary: { datasetColumns: 12, missing: [{ column: 'claim_status', count: 298 }, { column: 'video_transcription_text', count: 298 }, { column: 'video_id', count: 0 }] },
    });
    expect(bullets(byTitle(deck, 'The data'))).toEqual([
      '19,382 rows and 12 columns in s; the models see 6 features.',
      'After preparation, 19,084 rows: 11,450 training, 3,817 validation and 3,817 test.',
      'Target claim_status, positive class “claim”: 5,794 of 11,450 training rows (50.6%), 1,925 of 3,817 validation rows (50.4%) and 1,914 of 3,817 test rows (50.1%).',
      'Missing values: claim_status 298 and video_transcription_text 298 (596 cells in all).',
    ]);
    const without = bullets(byTitle(deckFromRun({ runId: 7, title: 'Claims', record: claimsRun() }), 'The data'));
    expect(without[0]).toBe('19,382 rows in s; the models see 6 features.');
    expect(without.join(' ')).not.toMatch(/Missing/);
    const none = bullets(byTitle(deckFromRun({ runId: 7, title: 'C', record: claimsRun(), summary: { missing: [] } }), 'The data'));
    expect(none.at(-1)).toBe('No missing values in the dataset.');
  });

  it('lists the preparation steps in words with the leakage flags', () => {
    const leaky = byTitle(deckFromRun({ runId: 3, title: 'C5', record: verifiedRun(true) }), 'The preparation');
    expect(bullets(leaky)).toEqual([
      'Step 1: drop rows with a missing value.',
      'Step 2: cap outliers of video_comment_count at 1.5 × IQR (upper).',
      'Step 3: upsample the minority of the target, seed 0.',
      'Step 4: split test 25 %, seed 42.',
      'Step 3 (resample) runs before the split: Resampling before the split copies rows that then land in both training and test sets, so test scores are inflated.',
    ]);
    expect(leaky.caption).toBe('1 step runs before the split and learns from the test rows: held-out scores may be optimistic.');
    const clean = byTitle(deckFromRun({ runId: 3, title: 'C5', record: verifiedRun(false) }), 'The preparation');
    expect(clean.caption).toBe('3 steps; none is flagged for leakage.');
  });

  it('keeps every leakage flag when a long recipe fills the slide', () => {
    const record = verifiedRun(true);
    const steps = Array.from({ length: 30 }, () => ({ op: 'dropMissing' }));
    (record.recipe as { steps: unknown[] }).steps = steps;
    record.leakage = [0, 1, 2].map((step) => ({ step, op: 'resample', message: 'Leaks.' }));
    const deck = deckFromRun({ runId: 3, title: 'C5', record });
    const b = bullets(byTitle(deck, 'The preparation'));
    expect(reportSchema.parse(deck)).toBeTruthy();
    expect(b).toHaveLength(20);
    expect(b.slice(-3)).toEqual(['Step 1 (resample) runs before the split: Leaks.', 'Step 2 (resample) runs before the split: Leaks.', 'Step 3 (resample) runs before the split: Leaks.']);
    expect(b[16]).toMatch(/^Step 17: .* Step 30: drop rows with a missing value\.$/);
  });

  it('adds the coefficient table and its reading for a logistic-regression champion only', () => {
    const deck = deckFromRun({ runId: 3, title: 'C5', record: verifiedRun(false) });
    const titles = deck.slides.map((s) => s.title);
    expect(titles.slice(-3)).toEqual(['Coefficients: logreg', 'Reading the logistic regression: logreg', 'Executive summary']);
    // One candidate: no best-candidates table; no validation set: no validation column.
    expect(titles).not.toContain('Best candidates: logreg');
    const coef = byTitle(deck, 'Coefficients: logreg');
    expect(coef.body.kind === 'table' && coef.body.table.rows.map((r) => r[0])).toEqual(['const', 'video_duration_sec', 'claim_status_opinion', 'video_view_count']);
    expect(coef.caption).toMatch(/penalty 'none' only/);
    expect(bullets(byTitle(deck, /^Reading/))).toContain(
      'Being opinion rather than claim (claim_status) is associated with a 1.550 increase in the log-odds of “verified” (odds × 4.711), the other features held fixed.',
    );
    expect(deckFromRun({ runId: 3, title: 'C6', record: claimsRun() }).slides.some((s) => s.title.startsWith('Coefficients'))).toBe(false);
  });

  it('puts the executive summary last as editable sections, leakage named for a leaky run only', () => {
    const leaky = deckFromRun({ runId: 3, title: 'C5', record: verifiedRun(true) }).slides.at(-1)!;
    expect(leaky.body.kind).toBe('sections');
    expect(slideText(leaky)).toMatch(/the recipe leaks/);
    expect(slideText(leaky)).toMatch(/Re-run the leak-free recipe/);
    const clean = deckFromRun({ runId: 3, title: 'C5', record: verifiedRun(false) }).slides.at(-1)!;
    expect(slideText(clean)).not.toMatch(/leak/i);
  });

  it('writes no NaN or undefined anywhere, even for undefined scores', () => {
    const record = claimsRun();
    record.models[0].bestCv.precision = NaN;
    record.models[0].cv.rows[0].mean.precision = NaN;
    record.models[0].cv.rows[0].std.precision = NaN;
    record.models[1].validation!.metrics.recall = NaN;
    record.models[0].importances[1].features.push({ feature: 'x', value: NaN });
    for (const r of [record, claimsRun(), verifiedRun(true), verifiedRun(false)]) {
      const deck = deckFromRun({ runId: 3, title: 'Deck', record: r });
      expect(reportSchema.parse(deck)).toEqual(deck);
      for (const s of strings(deck)) {
        expect(s).not.toMatch(/NaN|undefined|null|\[object/);
      }
    }
  });

  it('names the deck after the run, or the recipe when the title is blank, within the schema', () => {
    expect(deckFromRun({ runId: 3, title: '  ', record: claimsRun() }).name).toBe('Course 6');
    const long = deckFromRun({ runId: 3, title: 'x'.repeat(500), record: claimsRun() });
    expect(long.name).toHaveLength(200);
    expect(reportSchema.parse(long)).toBeTruthy();
  });

  it('refuses a run without a champion', () => {
    const record = { ...claimsRun(), champion: null, status: 'cancelled' as const };
    expect(() => deckFromRun({ runId: 7, title: 'x', record })).toThrow(ApiError);
    expect(() => deckFromRun({ runId: 7, title: 'x', record })).toThrow(
      'Run 7 has no champion (it was cancelled before one was chosen): a report needs a finished run.',
    );
    try {
      deckFromRun({ runId: 7, title: 'x', record: { ...record, status: 'failed' } });
    } catch (e) {
      expect((e as ApiError).code).toBe('bad-input');
      expect((e as ApiError).message).toMatch(/^Run 7 has no champion \(it failed/);
    }
    // A complete run with no champion says just that, not "no model was chosen before one was chosen".
    expect(() => deckFromRun({ runId: 7, title: 'x', record: { ...record, status: 'complete' } })).toThrow(
      'Run 7 has no champion (no model was chosen): a report needs a finished run.',
    );
  });

  it('refuses a champion that is not one of the run’s models, naming it and them', () => {
    const record = claimsRun();
    record.champion = { ...record.champion!, modelId: 'logreg' };
    expect(() => deckFromRun({ runId: 7, title: 'x', record })).toThrow('Run 7\'s champion "logreg" is not one of its models (rf, xgb): the record is damaged.');
  });

  it('builds the deck of a record from before importances were kept', () => {
    const record = claimsRun();
    for (const m of record.models) delete (m as Partial<typeof m>).importances;
    const deck = deckFromRun({ runId: 7, title: 'x', record });
    expect(deck.slides.some((s) => s.title.startsWith('Feature importance'))).toBe(false);
    expect(JSON.stringify(deck)).not.toMatch(/undefined/);
  });
});

describe('newSlideId', () => {
  it('is short, URL-safe and different every time', () => {
    const ids = Array.from({ length: 1000 }, newSlideId);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{10}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
