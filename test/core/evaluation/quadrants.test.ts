import { describe, expect, it } from 'vitest';
import { nounOf, pluralOf, quadrantSentences, summarySentence } from '../../../src-main/core/evaluation/quadrants';

const counts = { tn: 2871, fp: 40, fn: 12, tp: 1896 };

describe('quadrant sentences', () => {
  it('word each cell as the seed notebook does, with its count', () => {
    const s = quadrantSentences(counts, ['opinion', 'claim']);
    expect(s.map((q) => [q.quadrant, q.kind, q.count])).toEqual([
      ['upper-left', 'true negatives', 2871],
      ['upper-right', 'false positives', 40],
      ['lower-left', 'false negatives', 12],
      ['lower-right', 'true positives', 1896],
    ]);
    expect(s[0].sentence).toBe('The upper-left quadrant shows the number of true negatives: 2,871 opinions that the model correctly classified as opinions.');
    expect(s[1].sentence).toBe('The upper-right quadrant shows the number of false positives: 40 opinions that the model misclassified as claims.');
    expect(s[2].sentence).toBe('The lower-left quadrant shows the number of false negatives: 12 claims that the model misclassified as opinions.');
    expect(s[3].sentence).toBe('The lower-right quadrant shows the number of true positives: 1,896 claims that the model correctly classified as claims.');
  });

  it('use the singular for one row and the caller\'s nouns when given', () => {
    const s = quadrantSentences({ tn: 0, fp: 1, fn: 1, tp: 3 }, ['not verified', 'verified'], {
      negative: 'videos from unverified accounts',
      positive: 'videos from verified accounts',
    });
    expect(s[1].sentence).toBe('The upper-right quadrant shows the number of false positives: 1 videos from unverified accounts that the model misclassified as videos from verified accounts.');
    const one = quadrantSentences({ tn: 1, fp: 0, fn: 1, tp: 0 }, ['opinion', 'claim']);
    expect(one[0].sentence).toContain(': 1 opinion that the model correctly classified as opinions.');
    expect(quadrantSentences({ tn: 1, fp: 0, fn: 0, tp: 0 }, ['no', 'yes'], { negative: 'opinions', positive: 'claims' })[0].sentence).toContain(': 1 opinion that');
  });

  it('quote class values that are not plain nouns', () => {
    expect(pluralOf('claim')).toBe('claims');
    expect(pluralOf('box')).toBe('boxes');
    expect(pluralOf('category')).toBe('categories');
    expect(pluralOf('day')).toBe('days');
    expect(pluralOf('verified')).toBe('“verified” rows');
    expect(pluralOf('not verified')).toBe('“not verified” rows');
    expect(pluralOf('yes')).toBe('“yes” rows');
    expect(pluralOf('1')).toBe('“1” rows');
    expect(nounOf('banned')).toEqual({ one: '“banned” row', many: '“banned” rows' });
  });
});

describe('summary sentence', () => {
  it('counts misses of the positive class and false flags of the negative class', () => {
    expect(summarySentence(counts, ['opinion', 'claim'])).toBe('The model misses 12 of 1,908 claims (0.6%) and wrongly flags 40 of 2,911 opinions (1.4%).');
  });

  it('never rounds a nonzero share to 0.0%, and words empty classes', () => {
    expect(summarySentence({ tn: 19_999, fp: 1, fn: 0, tp: 10 }, ['opinion', 'claim'])).toBe('The model misses 0 of 10 claims (0.0%) and wrongly flags 1 of 20,000 opinions (<0.1%).');
    expect(summarySentence({ tn: 5, fp: 2, fn: 0, tp: 0 }, ['opinion', 'claim'])).toBe('There are no claims among these rows; the model wrongly flags 2 of 7 opinions (28.6%).');
    expect(summarySentence({ tn: 0, fp: 0, fn: 1, tp: 0 }, ['opinion', 'claim'])).toBe('There are no opinions among these rows; the model misses 1 of 1 claim (100.0%).');
  });
});
