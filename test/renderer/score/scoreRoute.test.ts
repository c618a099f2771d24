import { describe, expect, it } from 'vitest';
import { formatRoute, historyMode, parseRoute, route } from '../../../src-renderer/src/lib/state/route';

describe('the Score view in the URL hash', () => {
  it('round-trips the view alone and with a run model chosen', () => {
    const cases = [
      ['#/score', route('score')],
      ['#/score/12?model=logreg', route('score', 12, 'logreg')],
      ['#/score/4?model=rf+%26+gb%3D2', route('score', 4, 'rf & gb=2')],
    ] as const;
    for (const [hash, r] of cases) {
      expect(formatRoute(r)).toBe(hash);
      expect(parseRoute(hash)).toEqual(r);
    }
  });

  it('keeps no tab or runs mode, and a malformed run id chooses nothing', () => {
    expect(parseRoute('#/score/3?model=xgb&tab=cv')).toEqual(route('score', 3, 'xgb'));
    expect(parseRoute('#/score/3?model=xgb&tab=cv').mode).toBeUndefined();
    expect(parseRoute('#/score/x?model=xgb')).toEqual(route('score', null, 'xgb'));
  });

  it('another model chosen is the analyst’s move; settling on the champion is not', () => {
    expect(historyMode(route('runs', 3, 'rf'), route('score', 3, 'rf'))).toBe('push');
    expect(historyMode(route('score', 3, 'rf'), route('score', 3, 'xgb'))).toBe('push');
    expect(historyMode(route('score'), route('score', 3, 'rf'))).toBe('replace');
  });
});
