import { describe, expect, it } from 'vitest';
import { formatCompareModels, modelsOfRun, parseCompareModels, sameModels } from '../../src-renderer/src/lib/compare/compareRoute';

describe('the compared models in the URL', () => {
  it('writes run:model pairs separated by commas, and reads them back', () => {
    const models = [
      { runId: 12, modelId: 'rf' },
      { runId: 13, modelId: 'xgb' },
    ];
    expect(formatCompareModels(models)).toBe('12:rf,13:xgb');
    expect(parseCompareModels('12:rf,13:xgb')).toEqual({ models, unreadable: false });
  });

  it('encodes model ids, so a comma, colon, space or ampersand in one does not split the list', () => {
    const models = [
      { runId: 4, modelId: 'rf, deep: 2' },
      { runId: 4, modelId: 'a&b=c%' },
      { runId: 5, modelId: 'é' },
    ];
    const text = formatCompareModels(models);
    expect(text).toBe('4:rf%2C%20deep%3A%202,4:a%26b%3Dc%25,5:%C3%A9');
    expect(parseCompareModels(text)).toEqual({ models, unreadable: false });
  });

  it('an absent or empty list is no models, and not an error', () => {
    expect(parseCompareModels(null)).toEqual({ models: [], unreadable: false });
    expect(parseCompareModels('')).toEqual({ models: [], unreadable: false });
  });

  it('keeps a single model (the analyst removed the others), up to four', () => {
    expect(parseCompareModels('7:rf').models).toEqual([{ runId: 7, modelId: 'rf' }]);
    expect(parseCompareModels('1:a,2:b,3:c,4:d').models).toHaveLength(4);
  });

  it('a list it cannot read fully is no models at all, flagged so the view can say why', () => {
    for (const raw of [
      'rf',
      '12',
      '12:',
      ':rf',
      '0:rf',
      '-1:rf',
      '01:rf',
      '1.5:rf',
      '12:rf,',
      '12:rf,,13:xgb',
      '12:rf,x:xgb',
      '12:%E0%A4%A',
      '12:rf,12:rf',
      '1:a,2:b,3:c,4:d,5:e',
      `1:${'m'.repeat(61)}`,
      '99999999999999999999:rf',
    ]) {
      expect(parseCompareModels(raw), raw).toEqual({ models: [], unreadable: true });
    }
  });

  it('tells whether two lists name the same models in the same order', () => {
    const a = [
      { runId: 1, modelId: 'rf' },
      { runId: 2, modelId: 'rf' },
    ];
    expect(sameModels(a, [...a])).toBe(true);
    expect(sameModels(a, [...a].reverse())).toBe(false);
    expect(sameModels(a, a.slice(0, 1))).toBe(false);
  });
});

describe('comparing the models of one run', () => {
  it('takes every model of a run with two to four', () => {
    expect(modelsOfRun(3, ['logreg', 'rf'])).toEqual({
      models: [
        { runId: 3, modelId: 'logreg' },
        { runId: 3, modelId: 'rf' },
      ],
      note: null,
    });
  });

  it('takes the first four of a larger run and says which were left out', () => {
    const r = modelsOfRun(3, ['a', 'b', 'c', 'd', 'e', 'f']);
    expect(r.models.map((m) => m.modelId)).toEqual(['a', 'b', 'c', 'd']);
    expect(r.note).toBe('Run 3 has 6 models; comparing the first 4 (e and f left out). Choose others in All runs.');
  });

  it('says a run with one model has nothing to compare it with', () => {
    const r = modelsOfRun(3, ['rf']);
    expect(r.models).toEqual([{ runId: 3, modelId: 'rf' }]);
    expect(r.note).toBe('Run 3 has only one model; choose another in All runs to compare it with.');
  });
});
