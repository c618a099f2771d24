import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepare } from '../../../src-main/core/recipe/pipeline';
import { previewRecipe } from '../../../src-main/core/recipe/preview';
import { parseRecipe } from '../../../src-main/core/recipe/schema';
import { sampleFrame } from './sampleFrame';

const json = (name: string) => JSON.parse(readFileSync(`resources/recipes/${name}.json`, 'utf8'));

/** Pearson r over rows where both are present, written out plainly as an independent check. */
function pearson(x: Float64Array, y: Float64Array): number {
  const idx = [...x.keys()].filter((i) => !Number.isNaN(x[i]) && !Number.isNaN(y[i]));
  const mx = idx.reduce((s, i) => s + x[i], 0) / idx.length;
  const my = idx.reduce((s, i) => s + y[i], 0) / idx.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const i of idx) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('recipe preview', () => {
  it('claims-course6: the columns, rows and classes prepare gives', () => {
    const data = sampleFrame();
    const direct = prepare(parseRecipe(json('claims-course6')), data);
    const p = previewRecipe(json('claims-course6'), data);
    expect(p.fieldErrors).toEqual([]);
    expect(p.failure).toBeNull();
    expect(p.mode).toBe('split');
    expect(p.features).toEqual(direct.features);
    expect(p.columns.map((c) => c.name)).toEqual([...direct.features, 'claim_status']);
    expect(p.rows).toEqual({ input: 19382, train: direct.train.X.rows, validation: direct.validation!.X.rows, test: direct.test.X.rows });
    expect(p.target!.classes).toEqual(['opinion', 'claim']);
    const trainPositives = direct.train.y.reduce((a, b) => a + b, 0);
    expect(p.target!.counts[0]).toEqual({
      part: 'train',
      counts: [
        { label: 'opinion', rows: direct.train.y.length - trainPositives },
        { label: 'claim', rows: trainPositives },
      ],
    });
    expect(p.table.rows).toHaveLength(50);
    expect(p.table.columns).toEqual([...direct.features, 'claim_status']);
    expect(p.table.rows[3][1]).toBe(direct.train.X.columns[1][3]);
    // JSON-safe: survives a round trip unchanged.
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
    expect(p.warnings.filter((w) => w.code === 'leakage')).toEqual([]);
  });

  it('verified-course5 flags its leaks, the no-leak version does not', () => {
    const leaky = previewRecipe(json('verified-course5'), sampleFrame());
    const leaks = leaky.warnings.filter((w) => w.code === 'leakage');
    expect(leaks.map((w) => w.step)).toEqual([1, 2]);
    expect(leaks[1].message).toMatch(/Step 3 \(resample\).*Move it after the split/);
    const clean = previewRecipe(json('verified-course5-no-leak'), sampleFrame());
    expect(clean.failure).toBeNull();
    expect(clean.warnings.filter((w) => w.code === 'leakage')).toEqual([]);
  });

  it('strong correlations are named with the r of the training rows', () => {
    const data = sampleFrame();
    const direct = prepare(parseRecipe(json('claims-course6')), data);
    const p = previewRecipe(json('claims-course6'), data);
    const pair = p.warnings.find((w) => w.code === 'correlation' && w.columns!.includes('video_view_count') && w.columns!.includes('video_like_count'));
    expect(pair).toBeDefined();
    const col = (n: string) => direct.train.X.columns[direct.features.indexOf(n)];
    const r = pearson(col('video_view_count'), col('video_like_count'));
    // The seed notebook reports about 0.86 for this pair on all rows.
    expect(r).toBeGreaterThan(0.8);
    expect(r).toBeLessThan(0.9);
    expect(pair!.value).toBeCloseTo(r, 10);
    expect(pair!.message).toContain(`r = ${r.toFixed(2)}`);
    // video_like_count tracks views, shares and downloads: the advice is to drop it, as the notebook does.
    expect(pair!.message).toContain('Consider dropping "video_like_count" (strongly correlated with 3 features)');
    expect(p.warnings.filter((w) => w.message.includes('the Course 6 notebook drops video_like_count'))).toHaveLength(1);
    // Overlapping n-grams are correlated by construction and are not reported.
    const vocabulary = direct.features.slice(10);
    expect(p.warnings.some((w) => w.columns?.some((c) => vocabulary.includes(c)))).toBe(false);
    // Every reported pair is strong, and no strong pair among the engagement counts is missed.
    for (const w of p.warnings.filter((x) => x.code === 'correlation')) expect(Math.abs(w.value!)).toBeGreaterThanOrEqual(0.7);
    const counts = ['video_view_count', 'video_like_count', 'video_share_count', 'video_download_count', 'video_comment_count'];
    for (let a = 0; a < counts.length; a++) {
      for (let b = a + 1; b < counts.length; b++) {
        const strong = Math.abs(pearson(col(counts[a]), col(counts[b]))) >= 0.7;
        const reported = p.warnings.some((w) => w.code === 'correlation' && w.columns!.includes(counts[a]) && w.columns!.includes(counts[b]));
        expect(reported, `${counts[a]} × ${counts[b]}`).toBe(strong);
      }
    }
    const vif = p.warnings.filter((w) => w.code === 'vif').map((w) => w.columns![0]);
    expect(vif).toContain('video_like_count');
  });

  it('dropping video_like_count, as the seed does, clears its warnings', () => {
    const r = json('claims-course6');
    r.steps.splice(3, 0, { op: 'dropColumns', columns: ['video_like_count'] });
    const p = previewRecipe(r, sampleFrame());
    expect(p.features).not.toContain('video_like_count');
    expect(p.warnings.some((w) => w.columns?.includes('video_like_count'))).toBe(false);
  });

  it('identifiers among features, imbalance and a target left missing are reported', () => {
    const r = json('claims-course6');
    r.steps = r.steps.filter((s: { op: string }) => s.op !== 'dropColumns');
    const p = previewRecipe(r, sampleFrame());
    const ids = p.warnings.filter((w) => w.code === 'identifier').map((w) => w.columns![0]);
    expect(ids).toEqual(['#', 'video_id']);

    const five = previewRecipe(json('verified-course5'), sampleFrame());
    expect(five.warnings.some((w) => w.code === 'imbalance')).toBe(false); // upsampled to 50/50
    const noResample = json('verified-course5-no-leak');
    noResample.steps = noResample.steps.filter((s: { op: string }) => s.op !== 'resample');
    const imbalance = previewRecipe(noResample, sampleFrame()).warnings.find((w) => w.code === 'imbalance');
    expect(imbalance!.value).toBeLessThan(0.1);
    expect(imbalance!.message).toMatch(/not verified \d+\.\d %, verified \d+\.\d %/);

    const keep = json('claims-course6');
    keep.steps[0] = { op: 'dropMissing', columns: ['video_duration_sec'] };
    const missing = previewRecipe(keep, sampleFrame());
    const w = missing.warnings.find((x) => x.code === 'target-missing');
    expect(w!.message).toMatch(/"claim_status" is missing in 298 rows/);
    expect(missing.failure!.message).toMatch(/claim_status/);
    // The sample's rows without a claim status have no transcription either, so dropping those drops them.
    keep.steps[0] = { op: 'dropMissing', columns: ['video_transcription_text'] };
    expect(previewRecipe(keep, sampleFrame()).warnings.some((x) => x.code === 'target-missing')).toBe(false);
  });

  it('schema problems come back as field errors with their path', () => {
    const r = json('claims-course6');
    r.steps[4].test = 1.5;
    r.steps[5].ngramRange = [3, 2];
    const p = previewRecipe(r, sampleFrame());
    expect(p.mode).toBe('none');
    expect(p.fieldErrors.map((e) => e.path)).toEqual([
      ['steps', 4, 'test'],
      ['steps', 5, 'ngramRange'],
    ]);
    // In the words the editor shows next to a field, not zod's.
    expect(p.fieldErrors[0].message).toBe('must be < 1');
    expect(p.fieldErrors[1].message).toMatch(/min must be ≤ max/);
    const blank = json('claims-course6');
    blank.target = { column: '', positive: '' };
    expect(previewRecipe(blank, sampleFrame()).fieldErrors).toEqual([
      { path: ['target', 'column'], message: 'required' },
      { path: ['target', 'positive'], message: 'required' },
    ]);
  });

  it('a failing step is named by number and op, with its column, and the table before it is shown', () => {
    const r = json('claims-course6');
    r.steps[2] = { op: 'dropColumns', columns: ['#', 'video_idx'] };
    const p = previewRecipe(r, sampleFrame());
    expect(p.failure).toMatchObject({ step: 2, op: 'dropColumns', column: 'video_idx' });
    expect(p.failure!.message).toMatch(/^Step 3 \(dropColumns\): The column "video_idx" does not exist/);
    expect(p.mode).toBe('whole');
    expect(p.columns.map((c) => c.name)).toContain('text_length');
  });

  it('a recipe without a split previews the whole table with a note', () => {
    const r = json('claims-course6');
    r.steps = r.steps.slice(0, 3);
    const p = previewRecipe(r, sampleFrame());
    expect(p.fieldErrors).toEqual([]);
    expect(p.mode).toBe('whole');
    expect(p.rows.whole).toBe(19084);
    expect(p.warnings[0].code).toBe('no-split');
    expect(p.columns.find((c) => c.name === 'claim_status')!.role).toBe('target');
    expect(p.target!.counts[0].counts.map((c) => c.label)).toEqual(['claim', 'opinion']);
    // A categorical feature the split would refuse is visible as text.
    expect(p.columns.find((c) => c.name === 'verified_status')!.type).toBe('text');
  });
});
