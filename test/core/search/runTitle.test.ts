import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRecipe, type Recipe } from '../../../src-main/core/recipe/schema';
import { clip, MAX_RUN_TITLE, py, rerunTitle, runTitle } from '../../../src-main/core/search/runTitle';

const COURSE6 = parseRecipe(JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8')));
const COURSE5 = parseRecipe(JSON.parse(readFileSync('resources/recipes/verified-course5.json', 'utf8')));

/** Course 6 with only its forest, searching max_depth 5 and 7. */
function forest(edit: (r: Recipe) => void = () => {}): Recipe {
  const r = structuredClone(COURSE6);
  r.name = 'Claims';
  r.models = [{ id: 'rf', type: 'randomForest', params: { random_state: 0 }, grid: { max_depth: [5, 7], n_estimators: [100] } }];
  edit(r);
  return r;
}

/** Course 6 as shipped, both models, renamed. */
function both(edit: (r: Recipe) => void = () => {}): Recipe {
  const r = structuredClone(COURSE6);
  r.name = 'Claims';
  edit(r);
  return r;
}

const split = (r: Recipe) => r.steps.find((s) => s.op === 'split') as Extract<Recipe['steps'][number], { op: 'split' }>;
const prev = (recipe: Recipe, id = 3, datasetName = 'claims') => ({ id, recipe, datasetName });
const next = (recipe: Recipe, datasetName = 'claims') => ({ recipe, datasetName });

describe('a run’s default title', () => {
  it('is the recipe name for the first run of a recipe', () => {
    expect(runTitle(next(forest()), null)).toBe('Claims');
  });

  it('names the issue’s examples: a grid that grew, another dataset, another seed', () => {
    expect(runTitle(next(forest((r) => (r.models[0].grid.max_depth = [5, 7, null]))), prev(forest()))).toBe('Claims · grid max_depth 5,7 → 5,7,None');
    expect(runTitle(next(forest(), 'videos'), prev(forest()))).toBe('Claims · dataset videos');
    expect(runTitle(next(forest((r) => (split(r).randomState = 1))), prev(forest()))).toBe('Claims · seed 0 → 1');
  });

  it('says re-run of the previous run when nothing differs', () => {
    expect(runTitle(next(forest()), prev(forest(), 7))).toBe('Claims · re-run of #7');
    // Key order and a changed description are not differences.
    const reordered = forest((r) => {
      r.description = 'another text';
      r.models[0].grid = { n_estimators: [100], max_depth: [5, 7] };
    });
    expect(runTitle(next(reordered), prev(forest(), 7))).toBe('Claims · re-run of #7');
  });

  it('prefixes the model id when the recipe has more than one model, and names fixed parameters without "grid"', () => {
    const after = both((r) => {
      r.models[0].grid.max_depth = [5, 7];
      r.models[1].params.n_estimators = 300;
      delete r.models[1].grid.n_estimators;
    });
    expect(runTitle(next(after), prev(both()))).toBe('Claims · rf grid max_depth 5,7,None → 5,7; xgb grid n_estimators 300,500 → 300');
    const fixed = both((r) => (r.models[0].params.n_estimators = 300));
    const before = both((r) => (r.models[0].params.n_estimators = 100));
    fixed.models[0].grid = { max_depth: [5] };
    before.models[0].grid = { max_depth: [5] };
    expect(runTitle(next(fixed), prev(before))).toBe('Claims · rf n_estimators 100 → 300');
  });

  it('writes values as Python does', () => {
    expect([null, true, false, 0.5, 3, 1e-5, 0.0001, 1e16, 'sqrt'].map(py)).toEqual(['None', 'True', 'False', '0.5', '3', '1e-05', '0.0001', '1e+16', 'sqrt']);
    const after = forest((r) => (r.models[0].grid.bootstrap = [true, false]));
    expect(runTitle(next(after), prev(forest()))).toBe('Claims · grid bootstrap default → True,False');
  });

  it('names the split, folds, refit and added or removed models', () => {
    expect(runTitle(next(forest((r) => (split(r).test = 0.25))), prev(forest((r) => (split(r).test = 0.2))))).toBe('Claims · split test 0.2 → 0.25');
    expect(runTitle(next(forest((r) => (r.cv.folds = 10))), prev(forest()))).toBe('Claims · folds 5 → 10');
    expect(
      runTitle(
        next(forest((r) => (r.refit = 'f1'))),
        prev(forest()),
      ),
    ).toBe('Claims · refit recall → f1');
    const lr = { id: 'lr', type: 'logisticRegression' as const, params: {}, grid: {} };
    expect(runTitle(next(both((r) => (r.models = [r.models[0], lr]))), prev(both()))).toBe('Claims · + model lr; − model xgb');
  });

  it('names added and removed steps, a resample seed, and falls back to "steps changed"', () => {
    const noLength = forest((r) => (r.steps = r.steps.filter((s) => s.op !== 'textLength')));
    expect(runTitle(next(forest()), prev(noLength))).toBe('Claims · + step textLength');
    expect(runTitle(next(noLength), prev(forest()))).toBe('Claims · − step textLength');
    const c5 = structuredClone(COURSE5);
    const reseeded = structuredClone(COURSE5);
    reseeded.steps = reseeded.steps.map((s) => (s.op === 'resample' ? { ...s, randomState: 1 } : s));
    expect(runTitle(next(reseeded), prev(c5))).toBe(`${COURSE5.name} · resample seed 0 → 1`);
    const otherDrops = forest((r) => (r.steps = r.steps.map((s) => (s.op === 'dropColumns' ? { ...s, columns: ['#'] } : s))));
    expect(runTitle(next(otherDrops), prev(forest()))).toBe('Claims · steps changed');
    // Two steps swapped have no shorter name either.
    const swapped = forest((r) => ([r.steps[1], r.steps[2]] = [r.steps[2], r.steps[1]]));
    expect(runTitle(next(swapped), prev(forest()))).toBe('Claims · steps changed');
    expect(runTitle(next(forest((r) => (r.features = ['text_length']))), prev(forest()))).toBe('Claims · features changed');
  });

  it('names at most three changes, then counts the rest', () => {
    const many = forest((r) => {
      split(r).randomState = 1;
      r.cv.folds = 10;
      r.refit = 'f1';
      r.models[0].grid.max_depth = [5];
    });
    expect(runTitle(next(many, 'videos'), prev(forest()))).toBe('Claims · dataset videos; grid max_depth 5,7 → 5; seed 0 → 1; +2 more');
  });
});

describe('a re-run’s default title', () => {
  it('is its source’s title and id', () => {
    expect(rerunTitle('Claims · grid max_depth 5,7 → 5,7,None', 4)).toBe('Claims · grid max_depth 5,7 → 5,7,None · re-run of #4');
    expect(rerunTitle('Baseline', 12)).toBe('Baseline · re-run of #12');
  });

  it('names only its own source, not the chain of re-runs before it', () => {
    expect(rerunTitle('small · re-run of #1', 2)).toBe('small · re-run of #2');
    expect(rerunTitle('small · re-run of #1 · re-run of #2', 3)).toBe('small · re-run of #3');
    // Only a trailing re-run is the chain: the rest is the analyst's.
    expect(rerunTitle('re-run of #1 vs baseline', 2)).toBe('re-run of #1 vs baseline · re-run of #2');
  });

  it('cuts the source’s title short to fit the limit', () => {
    const long = 'x'.repeat(MAX_RUN_TITLE);
    const t = rerunTitle(long, 12345);
    expect(t).toHaveLength(MAX_RUN_TITLE);
    expect(t).toBe(`${'x'.repeat(MAX_RUN_TITLE - ' · re-run of #12345'.length - 1)}… · re-run of #12345`);
    expect(rerunTitle('y'.repeat(MAX_RUN_TITLE - ' · re-run of #7'.length), 7)).toHaveLength(MAX_RUN_TITLE);
    expect(rerunTitle('y'.repeat(MAX_RUN_TITLE - ' · re-run of #7'.length), 7)).not.toContain('…');
  });
});

describe('titles within the limit', () => {
  it('cut a long recipe name and long changes with "…"', () => {
    const name = 'n'.repeat(200);
    expect(runTitle(next(forest((r) => (r.name = name))), null)).toBe(name);
    const t = runTitle(next(forest((r) => (r.name = name)), 'videos'), prev(forest((r) => (r.name = name))));
    expect(t).toHaveLength(MAX_RUN_TITLE);
    expect(t.endsWith('…')).toBe(true);
    const previousName = forest((r) => (r.name = name));
    expect(runTitle(next(forest((r) => (r.name = name))), prev(previousName, 123))).toHaveLength(MAX_RUN_TITLE);
  });

  it('never cut inside a character made of two UTF-16 units, nor leave a space before "…"', () => {
    expect(clip('abc', 3)).toBe('abc');
    expect(clip('abcd', 3)).toBe('ab…');
    expect(clip('a🎯bc', 3)).toBe('a…');
    expect(clip('a bc', 3)).toBe('a…');
  });
});
