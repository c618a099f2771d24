import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import { classBalance, executiveSummary, featurePhrase, featureSentences } from '../../../src-main/core/report/executiveSummary';
import { claimsRun, verifiedRun } from './runFixtures';

const section = (s: ReturnType<typeof executiveSummary>, heading: string) => s.sections.find((x) => x.heading === heading)!.bullets;
const text = (s: ReturnType<typeof executiveSummary>) => s.sections.flatMap((x) => [x.heading, ...x.bullets]).join('\n');

describe('executiveSummary', () => {
  it("follows the seeds' structure: variables analysed, results, what the model relies on, recommendations, next steps", () => {
    const s = executiveSummary(claimsRun());
    expect(s.sections.map((x) => x.heading)).toEqual(['Variables analysed', 'Results', 'What the model relies on', 'Recommendations', 'Next steps']);
    for (const x of s.sections) {
      expect(x.bullets.length).toBeGreaterThan(0);
      expect(x.bullets.length).toBeLessThanOrEqual(12);
    }
  });

  it('states the champion and its test figures with the counts behind them', () => {
    const s = executiveSummary(claimsRun());
    expect(section(s, 'Results')).toEqual([
      'rf (random forest) is the champion of 2 models, chosen by highest validation recall.',
      `On the 3,817 test rows, scored once, it reaches recall ${(1902 / 1914).toFixed(3)}, precision ${(1902 / 1904).toFixed(3)}, accuracy ${(3803 / 3817).toFixed(3)} and F1 ${((2 * 1902) / (2 * 1902 + 14)).toFixed(3)}.`,
      'It finds 1,902 of the 1,914 claims in the test rows and misses 12; it wrongly flags 2 of the 1,903 opinions as claims.',
      'In cross-validation its best candidate reaches mean recall 0.990 (± 0.010 over 5 folds).',
      'Compared: xgb (gradient boosting) validation recall 0.990.',
    ]);
    expect(s.caption).toBe(`rf finds 1,902 of 1,914 claims in the test rows (recall ${(1902 / 1914).toFixed(3)}) and wrongly flags 2 of 1,903 opinions.`);
    expect(s.notes).toContain(`Test recall: ${1902 / 1914}`);
  });

  it('names the target, its positive class and the features in plain words', () => {
    const v = section(executiveSummary(claimsRun()), 'Variables analysed');
    expect(v).toEqual([
      'Target: claim_status, whether a row is “claim” (the positive class) or “opinion”.',
      'The models see 6 features.',
      '2 columns as recorded: video_view_count and video_like_count.',
      'text_length: the length of video_transcription_text in characters.',
      '1 category indicator (0/1): verified_status (verified rather than not verified).',
      '2 counts of word pairs and triples in video_transcription_text, such as “mount everest” and “group chat”.',
      '“claim” makes up 50.1% of the test rows (1,914 of 3,817).',
    ]);
  });

  it('says what the model relies on by permutation importance, in words, and by its own importance', () => {
    const r = claimsRun();
    r.models[0].importances[1].features.push({ feature: 'verified_status_verified', value: 0.05, std: 0 });
    expect(section(executiveSummary(r), 'What the model relies on')).toEqual([
      'Shuffling video_view_count lowers recall on the validation rows by 0.200, more than any other feature; next comes verified_status “verified” (0.050).',
      'Shuffling any one of the other 1 features changes recall on the validation rows by less than 0.001.',
      'By impurity decrease, the model leans most on video_view_count (0.600), video_like_count (0.250) and the length of video_transcription_text (0.100).',
    ]);
    r.models[0].importances[1].sample = { rows: 20_000, of: 197_122 };
    expect(section(executiveSummary(r), 'What the model relies on')[0]).toMatch(/^Shuffling video_view_count lowers recall on a random 20,000 of the 197,122 validation rows by 0\.200/);
    delete r.models[0].importances[1].sample;
    r.models[0].importances[1].features = [{ feature: 'mount everest', value: 0.0002 }];
    expect(section(executiveSummary(r), 'What the model relies on')[0]).toBe(
      'No single feature matters much on its own: shuffling any one of them changes recall on the validation rows by less than 0.001.',
    );
  });

  it("reads a logistic regression's effects as the Runs overview does", () => {
    const relies = section(executiveSummary(verifiedRun(false)), 'What the model relies on');
    expect(relies[0]).toBe('Shuffling claim_status “opinion” lowers recall on the test rows by 0.356, more than any other feature.');
    expect(relies).toContain(
      'Being opinion rather than claim (claim_status) is associated with a 1.550 increase in the log-odds of “verified” (odds × 4.711), the other features held fixed.',
    );
  });

  it('cautions about leakage and advises the leak-free recipe only when the run leaks', () => {
    const leaky = executiveSummary(verifiedRun(true));
    expect(section(leaky, 'Recommendations')[0]).toBe(
      'Caution: the recipe leaks: step 3 (resample) runs before the split (Resampling before the split copies rows that then land in both training and test sets, so test scores are inflated), so the test scores are likely optimistic; do not act on them yet.',
    );
    expect(section(leaky, 'Next steps')[0]).toMatch(/^Re-run the leak-free recipe: move the split before step 3 \(resample\)/);
    expect(leaky.notes).toMatch(/Leakage: step 3 \(resample\)/);
    const clean = executiveSummary(verifiedRun(false));
    expect(text(clean)).not.toMatch(/leak/i);
    expect(text(executiveSummary(claimsRun()))).not.toMatch(/leak/i);
  });

  it('cautions about imbalance when the positive class is under 20 % or over 80 % of the test rows', () => {
    const rare = executiveSummary(verifiedRun(false));
    expect(section(rare, 'Recommendations')).toContain(
      'Caution: the classes are imbalanced: 6.0% of the test rows are “verified” rows, so accuracy says little (predicting “not verified” for every row would score 0.940); judge the model by recall and precision.',
    );
    const common = executiveSummary(
      claimsRun({}, {}, [
        [100, 20],
        [30, 900],
      ]),
    );
    expect(section(common, 'Recommendations')[0]).toMatch(/^Caution: the classes are imbalanced: 88\.6% of the test rows are claims, .*predicting “claim” for every row would score 0\.886/);
    expect(text(executiveSummary(claimsRun()))).not.toMatch(/imbalanced/);
  });

  it('recommends from the numbers: a trial when recall and precision are high, review-only when most flags are wrong', () => {
    expect(section(executiveSummary(claimsRun()), 'Recommendations')).toEqual([
      'The model can be recommended for a trial: on rows it never saw it catches 99.4% of claims and 99.9% of its flags are right.',
    ]);
    expect(section(executiveSummary(verifiedRun(false)), 'Recommendations')).toContain(
      'Most of its flags are wrong: precision 0.103, 2,127 of its 2,370 flags are “not verified” rows; use it to rank rows for review rather than to decide alone.',
    );
  });

  it('suggests validating on new data and reviewing the misses and false alarms that exist', () => {
    expect(section(executiveSummary(claimsRun()), 'Next steps')).toEqual([
      'Validate the model on new data (rows collected after this sample) before relying on it.',
      'Review the 12 claims it misses and the 2 opinions it wrongly flags in the test rows to see what they have in common.',
    ]);
    const perfect = section(
      executiveSummary(
        claimsRun({}, {}, [
          [1900, 0],
          [0, 1917],
        ]),
      ),
      'Next steps',
    );
    expect(perfect.join(' ')).not.toMatch(/Review/);
    const onlyMisses = section(
      executiveSummary(
        claimsRun({}, {}, [
          [1900, 0],
          [1, 1916],
        ]),
      ),
      'Next steps',
    );
    expect(onlyMisses).toContain('Review the 1 claim it misses in the test rows to see what they have in common.');
  });

  it('needs a champion', () => {
    const r = { ...claimsRun(), champion: null, status: 'cancelled' as const };
    expect(() => executiveSummary(r)).toThrow(ApiError);
  });
});

describe('classBalance', () => {
  it('counts the positive rows of training (out-of-fold), validation and test (confusion rows)', () => {
    expect(classBalance(claimsRun())).toEqual([
      { part: 'training', positives: 5794, rows: 11450 },
      { part: 'validation', positives: 1925, rows: 3817 },
      { part: 'test', positives: 1914, rows: 3817 },
    ]);
    // No validation set and no out-of-fold scores: only the test part is known.
    expect(classBalance(verifiedRun(false))).toEqual([{ part: 'test', positives: 285, rows: 4771 }]);
  });
});

describe('features in words', () => {
  it('reads indicators, text lengths and n-grams from the recipe when the record lacks the dummies', () => {
    const r = claimsRun({ dummies: undefined });
    expect(featureSentences(r)).toContain('1 category indicator (0/1): verified_status (verified).');
    expect(featurePhrase(r, 'mount everest')).toBe('“mount everest” in video_transcription_text');
    expect(featurePhrase(r, 'text_length')).toBe('the length of video_transcription_text');
    expect(featurePhrase(r, 'video_view_count')).toBe('video_view_count');
  });

  it('leaves single-word n-grams among the columns, since they cannot be told from column names', () => {
    const r = claimsRun();
    (r.recipe as { steps: { op: string; ngramRange?: number[] }[] }).steps[4].ngramRange = [1, 2];
    expect(featureSentences(r)[0]).toBe('4 columns as recorded: video_view_count, video_like_count, mount everest and group chat.');
  });
});
