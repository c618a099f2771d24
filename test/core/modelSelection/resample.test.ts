/**
 * resample against `sklearn.utils.resample` 1.2 (fixtures from
 * scripts/fixtures/model_selection_fixtures.py), including the Course 5
 * upsampling of the minority class to the majority's size.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import { resample } from '../../../src-main/core/modelSelection/resample';
import fixture from '../../fixtures/modelSelection/resample.json';
import { asStored } from './labels';
import type { Indices } from './labels';

describe('resample matches sklearn.utils.resample', () => {
  it.each(fixture.cases.map((c) => [c.n, c.replace, c.nSamples, c.randomState, c] as const))(
    'n=%i replace=%s n_samples=%s random_state=%i',
    (n, replace, nSamples, randomState, c) => {
      const rows = resample(n, { replace, nSamples: nSamples ?? undefined, randomState });
      expect(asStored(rows, c.rows as Indices)).toEqual(c.rows);
    },
  );

  it('refuses more rows than there are without replacement', () => {
    let err: unknown;
    try {
      resample(5, { replace: false, nSamples: 6, randomState: 0 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).message).toBe(fixture.errors.too_many_without_replace);
  });

  it('draws nothing for zero rows', () => {
    expect(resample(0, { nSamples: 0, randomState: 0 }).length).toBe(0);
    expect(resample(0, { replace: false, randomState: 0 }).length).toBe(0);
  });
});
