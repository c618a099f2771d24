/**
 * CountVectorizer against scikit-learn 1.2 (fixtures from
 * scripts/fixtures/features_fixtures.py): the Course 6 n-grams on the sample's
 * training rows, tricky texts, and numpy's argsort that breaks max_features ties.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import {
  CountVectorizer,
  compareCodePoints,
  numpyArgsortHeap,
  numpyArgsortQuick,
  wordTokens,
} from '../../../src-main/core/features/countVectorizer';
import type { CountVectorizerOptions } from '../../../src-main/core/features/countVectorizer';
import { ENGLISH_STOP_WORDS } from '../../../src-main/core/features/englishStopWords';
import fixture from '../../fixtures/features/count_vectorizer.json';
import split from '../../fixtures/features/split.json';
import { readSample, take, textColumn } from './sample';

/** Fixture options are plain JSON (arrays, not tuples). */
const opts = (o: unknown): CountVectorizerOptions => o as CountVectorizerOptions;

function rowOf(columns: Float64Array[], r: number): number[] {
  return columns.map((c) => c[r]);
}

function sums(columns: Float64Array[]): number[] {
  return columns.map((c) => c.reduce((a, b) => a + b, 0));
}

describe('CountVectorizer on the Course 6 training rows', () => {
  const table = readSample();
  const texts = textColumn(table, 'video_transcription_text');
  const train = take(texts, split.train);
  const validation = take(texts, split.validation);
  const c6 = fixture.course6;

  it('reads the sample as pandas does', () => {
    expect(table.raw.length).toBe(split.rows);
    expect(table.complete.length).toBe(split.rowsAfterDropna);
    expect(split.train.length).toBe(11450);
  });

  it('learns the same 15 n-grams and counts', () => {
    const vec = new CountVectorizer(opts(c6.options));
    const m = vec.fitTransform(train);
    expect(m.names).toEqual(c6.names);
    expect(vec.getFeatureNamesOut()).toEqual(c6.names);
    expect(sums(m.columns)).toEqual(c6.trainColumnSums);
    expect(m.columns.every((c) => c.length === train.length)).toBe(true);
    let nonzeroRows = 0;
    for (let r = 0; r < train.length; r++) if (m.columns.some((c) => c[r] !== 0)) nonzeroRows++;
    expect(nonzeroRows).toBe(c6.trainNonzeroRows);
    for (const [r, row] of Object.entries(c6.fullRows)) expect(rowOf(m.columns, Number(r))).toEqual(row);
    const nonzeros: number[][] = [];
    for (let r = 0; r < 500; r++) m.columns.forEach((c, j) => c[r] !== 0 && nonzeros.push([r, j, c[r]]));
    expect(nonzeros).toEqual(c6.first500Nonzeros);

    const v = vec.transform(validation);
    expect(sums(v.columns)).toEqual(c6.validationColumnSums);
    for (const [r, row] of Object.entries(c6.validationFullRows)) expect(rowOf(v.columns, Number(r))).toEqual(row);
  });
});

describe('CountVectorizer on tricky texts', () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const vec = new CountVectorizer(opts(c.options));
      const m = vec.fitTransform(c.texts);
      expect(m.names).toEqual(c.names);
      const dense = c.texts.map((_, r) => rowOf(m.columns, r));
      expect(dense).toEqual(c.matrix);
      if (c.analyzed) c.analyzed.forEach((terms, i) => expect(vec.analyze(c.texts[i])).toEqual(terms));
    });
  }

  it('transforms unseen texts with a fitted vocabulary', () => {
    const t = fixture.transform;
    const vec = new CountVectorizer(opts(t.options)).fit(t.fitTexts);
    const m = vec.transform(t.texts);
    expect(t.texts.map((_, r) => rowOf(m.columns, r))).toEqual(t.matrix);
  });

  it("tokenizes like sklearn's token_pattern", () => {
    for (const [text, tokens] of Object.entries(fixture.tokens)) expect(wordTokens(text)).toEqual(tokens);
  });

  it('treats missing text as an empty document', () => {
    const vec = new CountVectorizer({ ngramRange: [1, 1] });
    const m = vec.fitTransform(['red blue', null, 'blue']);
    expect(m.names).toEqual(['blue', 'red']);
    expect(rowOf(m.columns, 1)).toEqual([0, 0]);
    expect(vec.transform([null]).columns.map((c) => c[0])).toEqual([0, 0]);
  });

  it('says why when nothing is left to count', () => {
    const vec = new CountVectorizer({ ngramRange: [1, 1], stopWords: 'english' });
    expect(() => vec.fit(['the and of', 'a b c'])).toThrow(ApiError);
    expect(() => new CountVectorizer({ ngramRange: [3, 2] })).toThrow(/n-gram range/);
    expect(() => new CountVectorizer({ ngramRange: [1, 1] }).transform(['x'])).toThrow(/fitted/);
  });

  it('has the 318 English stop words', () => {
    expect(ENGLISH_STOP_WORDS.size).toBe(318);
    expect(ENGLISH_STOP_WORDS.has('the')).toBe(true);
    expect(ENGLISH_STOP_WORDS.has('claim')).toBe(false);
  });
});

describe('numpy argsort port', () => {
  it('matches np.argsort (quicksort and heapsort) on tie-heavy arrays', () => {
    for (const c of fixture.argsort) {
      expect(Array.from(numpyArgsortQuick(c.values))).toEqual(c.quicksort);
      expect(Array.from(numpyArgsortHeap(c.values))).toEqual(c.heapsort);
    }
  });

  it('orders strings by code point like Python', () => {
    const words = ['ｄｅｆ', '𝐀𝐁𝐂', 'abc', 'ab', 'é', 'z'];
    expect(words.slice().sort(compareCodePoints)).toEqual(['ab', 'abc', 'z', 'é', 'ｄｅｆ', '𝐀𝐁𝐂']);
  });
});

describe('fitTransform', () => {
  it('equals fit then transform', () => {
    for (const c of fixture.cases) {
      const a = new CountVectorizer(opts(c.options)).fitTransform(c.texts);
      const vec = new CountVectorizer(opts(c.options)).fit(c.texts);
      expect(a).toEqual(vec.transform(c.texts));
    }
  });
});
