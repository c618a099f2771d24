import { describe, expect, it } from 'vitest';
import { takeFrameRows } from '../../../src-main/core/recipe/frame';
import { applyPreparation } from '../../../src-main/core/scoring/applyPreparation';
import { buildPreparation } from '../../../src-main/core/scoring/buildPreparation';
import type { FeatureMatrix } from '../../../src-main/core/ml/types';
import { frameColumns, preparedWithRawRows, shippedRecipe } from './preparationFixtures';

/** Bit-for-bit equality of two matrices (NaN equals NaN, 0 differs from -0). */
function expectSameMatrix(actual: FeatureMatrix, expected: FeatureMatrix): void {
  expect(actual.names).toEqual(expected.names);
  expect(actual.rows).toBe(expected.rows);
  expected.columns.forEach((col, j) => {
    const a = actual.columns[j];
    let diff = -1;
    for (let i = 0; i < col.length && diff < 0; i++) if (!Object.is(a[i], col[i])) diff = i;
    expect(diff, `${expected.names[j]} differs at row ${diff}: ${a[diff]} vs ${col[diff]}`).toBe(-1);
  });
}

describe('a kept preparation applied to the run\'s own raw rows', () => {
  for (const file of ['claims-course6.json', 'verified-course5.json', 'verified-course5-no-leak.json']) {
    it(`gives exactly the run's held-out matrices (${file})`, () => {
      const recipe = shippedRecipe(file);
      const { prepared, frame, rows } = preparedWithRawRows(recipe);
      const prep = buildPreparation(recipe, prepared.learned, frameColumns(frame), prepared.features);
      for (const part of ['test', 'validation'] as const) {
        const expected = prepared[part];
        if (!expected) continue;
        const out = applyPreparation(prep, takeFrameRows(frame, rows[part]));
        expectSameMatrix(out.X, expected.X);
        expect(out.notes.every((n) => n === null)).toBe(true);
      }
      // The training rows too: every step is the one the run fitted.
      if (!recipe.steps.some((s) => s.op === 'resample')) expectSameMatrix(applyPreparation(prep, takeFrameRows(frame, rows.train)).X, prepared.train.X);
    });
  }

  it('keeps only the raw columns the features come from, and skips row-only steps', () => {
    const recipe = shippedRecipe('claims-course6.json');
    const { prepared, frame } = preparedWithRawRows(recipe);
    const prep = buildPreparation(recipe, prepared.learned, frameColumns(frame), prepared.features);
    expect(prep.columns.map((c) => c.name)).toEqual([
      'video_duration_sec',
      'video_transcription_text',
      'verified_status',
      'author_ban_status',
      'video_view_count',
      'video_like_count',
      'video_share_count',
      'video_download_count',
      'video_comment_count',
    ]);
    expect(prep.skipped.map((s) => s.op)).toEqual(['split']);
    expect(prep.steps.map((s) => s.op)).toEqual(['dropMissing', 'textLength', 'oneHot', 'countVectorizer']);
    expect(prep.features.find((f) => f.name === 'text_length')!.from).toEqual(['video_transcription_text']);
  });
});
