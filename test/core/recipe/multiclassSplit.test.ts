/**
 * The shipped three-class recipe prepares the sample as pandas and
 * scikit-learn do (scripts/fixtures/multiclass_run_fixtures.py): the same
 * sorted classes, the same rows in each part of the split stratified by the
 * target, the same vectorizer vocabulary fitted on the training text, and
 * the same final columns.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepare, type PreparedData } from '../../../src-main/core/recipe/pipeline';
import { parseRecipe, type Recipe } from '../../../src-main/core/recipe/schema';
import { sampleFrame } from './sampleFrame';

interface Fixture {
  classes: string[];
  split_ids: { train: number[]; validation: number[]; test: number[] };
  train_counts: number[];
  vocabulary: string[];
  features: string[];
}
const fixture = JSON.parse(readFileSync('test/fixtures/recipe/multiclass_run.json', 'utf8')) as Fixture;
const shipped = (): Recipe => parseRecipe(JSON.parse(readFileSync('resources/recipes/ban-status-multiclass.json', 'utf8')), 'ban-status-multiclass.json');

describe('ban-status-multiclass on the sample', () => {
  it('has the sorted classes, the columns and the vocabulary of scikit-learn', () => {
    const p = prepare(shipped(), sampleFrame());
    expect(p.classes).toEqual(fixture.classes);
    expect(p.features).toEqual(fixture.features);
    const countsAt = shipped().steps.findIndex((s) => s.op === 'countVectorizer');
    expect((p.learned[countsAt] as { vocabulary: string[] }).vocabulary).toEqual(fixture.vocabulary);
    expect([0, 1, 2].map((k) => p.train.y.filter((v) => v === k).length)).toEqual(fixture.train_counts);
  });

  it("splits the rows as train_test_split(stratify=y) twice: the same rows in each part, in the same order", () => {
    // "#" (the sample's row number) kept as a feature names each row.
    const r = shipped();
    r.steps = r.steps.map((s) => (s.op === 'dropColumns' ? { ...s, columns: ['video_id'] } : s));
    const q = prepare(r, sampleFrame());
    const ids = (X: PreparedData['train']['X']) => Array.from(X.columns[X.names.indexOf('#')]);
    expect(ids(q.train.X)).toEqual(fixture.split_ids.train);
    expect(ids(q.validation!.X)).toEqual(fixture.split_ids.validation);
    expect(ids(q.test.X)).toEqual(fixture.split_ids.test);
  });
});
