import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepare, type PreparedPart } from '../../../src-main/core/recipe/pipeline';
import { parseRecipe, type Recipe } from '../../../src-main/core/recipe/schema';
import { sampleFrame } from './sampleFrame';

interface PartFixture {
  shape: [number, number];
  sums: Record<string, number>;
  positives: number;
}

const recipe = (name: string): Recipe => parseRecipe(JSON.parse(readFileSync(`resources/recipes/${name}.json`, 'utf8')), name);
const fixture = (name: string) => JSON.parse(readFileSync(`test/fixtures/recipe/${name}.json`, 'utf8'));

function expectPart(part: PreparedPart, f: PartFixture) {
  expect([part.X.rows, part.X.columns.length]).toEqual(f.shape);
  part.X.names.forEach((name, j) => {
    const sum = part.X.columns[j].reduce((a, b) => a + b, 0);
    expect(sum, name).toBeCloseTo(f.sums[name], 6);
  });
  expect(part.y.reduce((a, b) => a + b, 0)).toBe(f.positives);
}

describe('the shipped recipes reproduce the seed notebooks on the sample', () => {
  it('claims-course6: same rows, features and counts as pandas + scikit-learn', () => {
    const f = fixture('course6');
    const p = prepare(recipe('claims-course6'), sampleFrame());
    expect(p.features).toEqual(f.features);
    expect(p.classes).toEqual(['opinion', 'claim']);
    expectPart(p.train, f.train);
    expectPart(p.validation!, f.validation);
    expectPart(p.test, f.test);
    expect(p.leakage).toEqual([]);
  });

  it('verified-course5: the notebook with its leak, flagged', () => {
    const f = fixture('course5');
    const p = prepare(recipe('verified-course5'), sampleFrame());
    expect(p.features).toEqual(f.features);
    expect(p.classes).toEqual(['not verified', 'verified']);
    expectPart(p.train, f.train);
    expectPart(p.test, f.test);
    expect(p.leakage.map((l) => l.op)).toEqual(['capOutliersIqr', 'resample']);
    expect(p.leakage[1].message).toMatch(/both training and test/);
  });

  it('verified-course5-no-leak: resampling touches training rows only', () => {
    const p = prepare(recipe('verified-course5-no-leak'), sampleFrame());
    expect(p.leakage).toEqual([]);
    const share = (y: Int32Array) => y.reduce((a, b) => a + b, 0) / y.length;
    expect(share(p.train.y)).toBe(0.5);
    // Test rows keep the sample's true balance (about 6 % verified).
    expect(share(p.test.y)).toBeGreaterThan(0.04);
    expect(share(p.test.y)).toBeLessThan(0.09);
  });
});

describe('bad recipes get clear messages', () => {
  const base = () => recipe('claims-course6');
  const run = (edit: (r: Recipe) => void) => {
    const r = base();
    edit(r);
    return () => prepare(r, sampleFrame());
  };

  it('an unknown step names its JSON path', () => {
    const raw = JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8'));
    raw.steps[1] = { op: 'stemWords', column: 'x' };
    expect(() => parseRecipe(raw, 'r.json')).toThrow(/\$\.steps\[1\]\.op/);
  });

  it('an empty grid and a refit metric outside the scoring', () => {
    const raw = JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8'));
    raw.models[0].grid.max_depth = [];
    raw.refit = 'roc_auc';
    expect(() => parseRecipe(raw, 'r.json')).toThrow(/\$\.models\[0\]\.grid\.max_depth[\s\S]*\$\.refit/);
  });

  it('a missing target column', () => {
    expect(run((r) => (r.target.column = 'is_claim'))).toThrow(/target column "is_claim" does not exist/);
  });

  it('a target with one class', () => {
    const frame = sampleFrame();
    const onlyOne = { ...frame, columns: new Map(frame.columns) };
    const status = frame.columns.get('claim_status')!.values as (string | null)[];
    onlyOne.columns.set('claim_status', { type: 'string', values: status.map((v) => (v === null ? null : 'claim')) });
    expect(() => prepare(base(), onlyOne)).toThrow(/"claim_status" has only one class \(claim\)/);
  });

  it('a text feature used without encoding suggests the step', () => {
    expect(run((r) => r.steps.pop())).toThrow(/"video_transcription_text" is text[\s\S]*countVectorizer or textLength/);
  });

  it('a categorical feature used without encoding suggests oneHot', () => {
    expect(run((r) => r.steps.splice(3, 1))).toThrow(/"verified_status" is categorical[\s\S]*oneHot/);
  });

  it('a constant feature', () => {
    const frame = sampleFrame();
    const constant = { ...frame, columns: new Map(frame.columns) };
    constant.columns.set('video_duration_sec', { type: 'number', values: new Float64Array(frame.rows).fill(30) });
    expect(() => prepare(base(), constant)).toThrow(/"video_duration_sec" has the same value \(30\) in every training row/);
  });

  it('an all-missing feature', () => {
    const frame = sampleFrame();
    const empty = { ...frame, columns: new Map(frame.columns) };
    empty.columns.set('video_duration_sec', { type: 'number', values: new Float64Array(frame.rows).fill(NaN) });
    const r = base();
    r.steps[0] = { op: 'dropMissing', columns: ['claim_status', 'video_transcription_text'] };
    expect(() => prepare(r, empty)).toThrow(/"video_duration_sec" is missing in every training row/);
  });

  it('a target with more than two classes lists them', () => {
    const r = base();
    r.target = { column: 'author_ban_status', positive: 'banned' };
    r.steps[3] = { op: 'oneHot', columns: ['verified_status', 'claim_status'], dropFirst: true, style: 'getDummies' };
    expect(() => prepare(r, sampleFrame())).toThrow(/"author_ban_status" has 3 classes \(active, banned, under review\)/);
  });
});
