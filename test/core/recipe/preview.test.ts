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

/** The diagonal of a symmetric positive definite matrix's inverse, by Gauss–Jordan elimination. */
function inverseDiagonal(m: number[][]): number[] {
  const n = m.length;
  const a = m.map((row, i) => [...row, ...row.map((_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    const pivot = a[c][c];
    for (let j = 0; j < 2 * n; j++) a[c][j] /= pivot;
    for (let i = 0; i < n; i++) {
      if (i === c) continue;
      const f = a[i][c];
      for (let j = 0; j < 2 * n; j++) a[i][j] -= f * a[c][j];
    }
  }
  return a.map((row, i) => row[n + i]);
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
    // Steps are named as the step list numbers and labels them, not by their JSON op.
    expect(leaks[0].message).toMatch(/^Step 2 \(cap outliers\) runs before the split/);
    const clean = previewRecipe(json('verified-course5-no-leak'), sampleFrame());
    expect(clean.failure).toBeNull();
    expect(clean.warnings.filter((w) => w.code === 'leakage')).toEqual([]);
  });

  it('Course 6: one warning for the engagement counts names every strong pair with its r and every VIF', () => {
    const data = sampleFrame();
    const direct = prepare(parseRecipe(json('claims-course6')), data);
    const p = previewRecipe(json('claims-course6'), data);
    const collinear = p.warnings.filter((w) => w.code === 'correlation' || w.code === 'vif');
    // Four pair warnings and two VIF warnings before; one group now.
    expect(collinear).toHaveLength(1);
    const [w] = collinear;
    const col = (n: string) => direct.train.X.columns[direct.features.indexOf(n)];
    const counts = ['video_view_count', 'video_like_count', 'video_share_count', 'video_download_count', 'video_comment_count'];
    expect(w.columns).toEqual(counts);
    // Every strong pair among the chosen features (n-grams aside) is listed with its r on the training rows, and no other.
    const chosen = direct.features.slice(0, 10);
    const strong: string[] = [];
    for (let a = 0; a < chosen.length; a++) {
      for (let b = a + 1; b < chosen.length; b++) {
        const r = pearson(col(chosen[a]), col(chosen[b]));
        if (Math.abs(r) >= 0.7) strong.push(`${chosen[a]} × ${chosen[b]}: r = ${r.toFixed(2)}`);
      }
    }
    expect(strong).toHaveLength(4);
    expect([...w.details!.filter((d) => d.includes(' × '))].sort()).toEqual([...strong].sort());
    const r = pearson(col('video_view_count'), col('video_like_count'));
    // The seed notebook reports about 0.86 for this pair on all rows.
    expect(r).toBeGreaterThan(0.8);
    expect(r).toBeLessThan(0.9);
    expect(w.group!.pairs.find((q) => q.a === 'video_view_count' && q.b === 'video_like_count')!.r).toBeCloseTo(r, 10);
    // The VIFs are the diagonal of the inverse correlation matrix of the chosen features.
    const vif = inverseDiagonal(chosen.map((a) => chosen.map((b) => pearson(col(a), col(b)))));
    for (const v of w.group!.vifs) expect(v.vif!, v.column).toBeCloseTo(vif[chosen.indexOf(v.column)], 6);
    expect(w.group!.vifs.map((v) => v.column).sort()).toEqual([...counts].sort());
    expect(w.message).toContain(`VIF ≥ 5: video_like_count ${vif[2].toFixed(1)}, video_download_count ${vif[4].toFixed(1)}`);
    // video_like_count is in three of the four pairs and has the highest VIF: the one to drop.
    expect(w.group!.drop).toBe('video_like_count');
    expect(w.message).toContain('Consider dropping "video_like_count" with a dropColumns step. It is in 3 of the 4 pairs and has the highest VIF');
    // The precedent as the notebooks have it: Course 5 leaves likes out of its logistic regression, Course 6 keeps them.
    expect(w.message).toContain('The Course 5 notebook leaves video_like_count out of its logistic regression for this reason');
    expect(w.message).toContain('the Course 6 notebook keeps it in its random forest and XGBoost models');
    expect(p.warnings.some((x) => /Course 6 notebook drops/.test(x.message))).toBe(false);
    // Overlapping n-grams are correlated by construction and are not reported.
    const vocabulary = direct.features.slice(10);
    expect(p.warnings.some((x) => x.columns?.some((c) => vocabulary.includes(c)))).toBe(false);
  });

  it('Course 5: one warning for its correlated counts, without a notebook precedent that is not true of them', () => {
    const data = sampleFrame();
    for (const name of ['verified-course5', 'verified-course5-no-leak']) {
      const direct = prepare(parseRecipe(json(name)), data);
      const p = previewRecipe(json(name), data);
      const collinear = p.warnings.filter((w) => w.code === 'correlation' || w.code === 'vif');
      // Four pair warnings before.
      expect(collinear, name).toHaveLength(1);
      const [w] = collinear;
      const col = (n: string) => direct.train.X.columns[direct.features.indexOf(n)];
      const names = direct.features;
      const strong: string[] = [];
      for (let a = 0; a < names.length; a++) {
        for (let b = a + 1; b < names.length; b++) if (Math.abs(pearson(col(names[a]), col(names[b]))) >= 0.7) strong.push(`${names[a]} × ${names[b]}`);
      }
      expect(w.group!.pairs.map((q) => `${q.a} × ${q.b}`).sort(), name).toEqual(strong.sort());
      expect(new Set(w.columns)).toEqual(new Set(strong.flatMap((s) => s.split(' × '))));
      // video_like_count is not a feature here, so no notebook is cited; neither drops video_view_count.
      expect(w.message).not.toMatch(/Course [56]|notebook/);
      expect(p.warnings.some((x) => /video_like_count/.test(x.message))).toBe(false);
      // view count: two pairs (as comments and downloads) and the highest VIF of the three.
      expect(w.group!.drop).toBe('video_view_count');
    }
  });

  it('dropping video_like_count, as the Course 5 notebook does, clears its warnings', () => {
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
    // Where, as the step list numbers steps and the form labels fields; why, in the words the editor shows next to a field, not zod's.
    expect(p.fieldErrors.map((e) => e.where)).toEqual(['step 5 (split) · test share', 'step 6 (n-gram counts) · n-grams']);
    expect(p.fieldErrors[0].message).toBe('must be < 1');
    expect(p.fieldErrors[1].message).toMatch(/min must be ≤ max/);
    const blank = json('claims-course6');
    blank.target = { column: '', positive: '' };
    expect(previewRecipe(blank, sampleFrame()).fieldErrors).toEqual([
      { path: ['target', 'column'], where: 'target · column', message: 'required' },
      { path: ['target', 'positive'], where: 'target · positive class', message: 'required' },
    ]);
  });

  it('a failing step is named by number and op, with its column, and the table before it is shown', () => {
    const r = json('claims-course6');
    r.steps[2] = { op: 'dropColumns', columns: ['#', 'video_idx'] };
    const p = previewRecipe(r, sampleFrame());
    expect(p.failure).toMatchObject({ step: 2, op: 'dropColumns', column: 'video_idx' });
    expect(p.failure!.message).toMatch(/^Step 3 \(drop columns\): The column "video_idx" does not exist/);
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
