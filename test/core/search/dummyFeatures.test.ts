import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepare } from '../../../src-main/core/recipe/pipeline';
import { parseRecipe } from '../../../src-main/core/recipe/schema';
import { dummyFeatures } from '../../../src-main/core/search/dummyFeatures';
import { sampleFrame } from '../recipe/sampleFrame';

const recipe = (file: string) => parseRecipe(JSON.parse(readFileSync(`resources/recipes/${file}`, 'utf8')));

describe('dummyFeatures', () => {
  it("names each oneHot indicator's category and the dropped first one (OneHotEncoder, as Course 5 encodes)", () => {
    const r = recipe('verified-course5.json');
    const p = prepare(r, sampleFrame());
    const d = dummyFeatures(r.steps, p.learned, p.features);
    expect(d).toContainEqual({ feature: 'claim_status_opinion', column: 'claim_status', value: 'opinion', base: 'claim' });
    expect(d.filter((x) => x.column === 'author_ban_status').map((x) => [x.value, x.base])).toEqual([
      ['banned', 'active'],
      ['under review', 'active'],
    ]);
    // Every indicator is a feature, and no numeric feature is taken for one.
    for (const x of d) expect(p.features).toContain(x.feature);
    expect(d.map((x) => x.feature)).not.toContain('video_duration_sec');
  });

  it('does the same for get_dummies, and knows no base when nothing is dropped', () => {
    const r = recipe('verified-course5.json');
    const step = r.steps.find((s) => s.op === 'oneHot')!;
    if (step.op !== 'oneHot') throw new Error('no oneHot step');
    step.style = 'getDummies';
    const p = prepare(r, sampleFrame());
    expect(dummyFeatures(r.steps, p.learned, p.features)).toContainEqual({ feature: 'claim_status_opinion', column: 'claim_status', value: 'opinion', base: 'claim' });
    step.dropFirst = false;
    const q = prepare(r, sampleFrame());
    expect(dummyFeatures(r.steps, q.learned, q.features)).toContainEqual({ feature: 'claim_status_claim', column: 'claim_status', value: 'claim', base: null });
  });
});
