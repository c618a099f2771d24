/** The value counts a categorical column's checklist filter lists (pandas' value_counts, fixture from scripts/fixtures/profile_fixtures.py). */
import { describe, expect, it } from 'vitest';
import { MAX_LISTED_VALUES, profileFrame, type CategoricalColumnProfile } from '../../../src-main/core/profile/profile';
import { makeFrame } from '../../../src-main/core/recipe/frame';
import sample from '../../fixtures/profile/sample.json';
import { sampleFrame } from '../recipe/sampleFrame';

describe('listed values of categorical columns', () => {
  it('lists every value of the sample categories with its count, in value_counts() order', () => {
    const p = profileFrame(sampleFrame());
    for (const [name, e] of Object.entries(sample.valueCounts)) {
      const c = p.columns.find((x) => x.name === name) as CategoricalColumnProfile;
      expect(c.valueCounts!.values.map((v, i) => [v, c.valueCounts!.counts[i]]), name).toEqual(e.raw);
    }
    expect((p.columns.find((x) => x.name === 'claim_status') as CategoricalColumnProfile).valueCounts!.missing).toBe(298);
    // Free text keeps its short top list only.
    expect((p.columns.find((x) => x.name === 'video_transcription_text') as CategoricalColumnProfile).valueCounts).toBeUndefined();
  });

  it(`keeps the ${MAX_LISTED_VALUES} most frequent values beyond the ${10} a summary shows`, () => {
    const n = MAX_LISTED_VALUES + 50;
    // Value k appears k+1 times, so the most frequent are the last ones.
    const values: string[] = [];
    for (let k = 0; k < n; k++) for (let r = 0; r <= k; r++) values.push(`v${k}`);
    const c = profileFrame(makeFrame(values.length, [['cat', { type: 'string', values, kind: 'categorical' }]]), { spearman: false })
      .columns[0] as CategoricalColumnProfile;
    expect(c.top.values).toHaveLength(10);
    expect(c.valueCounts!.values).toHaveLength(MAX_LISTED_VALUES);
    expect(c.valueCounts!.values[0]).toBe(`v${n - 1}`);
    expect(c.valueCounts!.counts[MAX_LISTED_VALUES - 1]).toBe(n - MAX_LISTED_VALUES + 1);
    expect(c.describe.unique).toBe(n);
  });
});
