import { describe, expect, it } from 'vitest';
import { comparisonRoute, formatRoute, historyMode, HOME, parseRoute, route, runsTableRoute, settleSelection } from '../../src-renderer/src/lib/state/route';

describe('route in the URL hash', () => {
  it('round-trips every view with its selection', () => {
    const cases = [
      ['#/data/3', route('data', 3)],
      ['#/explore/3', route('explore', 3)],
      ['#/prepare/2', route('prepare', 2)],
      ['#/train/2', route('train', 2)],
      ['#/runs/12?model=rf&tab=confusion', route('runs', 12, 'rf', 'confusion')],
      ['#/runs/12?model=rf', route('runs', 12, 'rf')],
      ['#/runs', route('runs')],
      ['#/report', route('report')],
      ['#/data', route('data')],
    ] as const;
    for (const [hash, r] of cases) {
      expect(formatRoute(r)).toBe(hash);
      expect(parseRoute(hash)).toEqual(r);
    }
  });

  it('keeps odd model names through the query string', () => {
    const r = route('runs', 4, 'rf & gb=2', 'importance');
    expect(formatRoute(r)).toBe('#/runs/4?model=rf+%26+gb%3D2&tab=importance');
    expect(parseRoute(formatRoute(r))).toEqual(r);
  });

  it('an empty or unknown hash is the Data view with nothing chosen', () => {
    for (const hash of ['', '#', '#/', '#/nowhere/3', '#data/x', '#/DATA/1', '#/__proto__/1', '#/constructor']) {
      expect(parseRoute(hash)).toEqual(HOME);
    }
  });

  it('a malformed id keeps the view with nothing chosen', () => {
    for (const id of ['abc', '-1', '0', '1.5', '1e3', '01', '12abc', '99999999999999999999']) {
      expect(parseRoute(`#/explore/${id}`)).toEqual(route('explore'));
    }
    expect(parseRoute('#/runs/x?model=rf&tab=cv')).toEqual(route('runs', null, 'rf', 'cv'));
  });

  it('drops what the view does not have: an unknown tab, a model or tab outside Runs', () => {
    expect(parseRoute('#/runs/5?tab=bogus&model=')).toEqual(route('runs', 5));
    expect(parseRoute('#/runs/5?tab=overview')).toEqual(route('runs', 5));
    expect(parseRoute('#/data/5?model=rf&tab=cv')).toEqual(route('data', 5));
    expect(parseRoute('#/report/5')).toEqual(route('report', 5));
    expect(formatRoute({ view: 'prepare', id: 2, model: 'rf', tab: 'cv' })).toBe('#/prepare/2');
    expect(formatRoute(route('runs', 7, null, 'overview'))).toBe('#/runs/7');
  });

  it('tolerates a trailing slash and the token-style query the web host uses before the hash', () => {
    expect(parseRoute('#/prepare/2/')).toEqual(route('prepare', 2));
    expect(parseRoute(new URL('http://127.0.0.1:4000/?token=ab12#/train/2').hash)).toEqual(route('train', 2));
  });
});

describe('the Runs section’s modes in the URL', () => {
  const two = [
    { runId: 12, modelId: 'rf' },
    { runId: 13, modelId: 'xgb' },
  ];

  it('round-trips the table of all runs and a comparison with its models', () => {
    const cases = [
      ['#/runs/table', runsTableRoute()],
      ['#/runs/compare?models=12:rf,13:xgb', comparisonRoute(two)],
      ['#/runs/compare', comparisonRoute([])],
    ] as const;
    for (const [hash, r] of cases) {
      expect(formatRoute(r)).toBe(hash);
      expect(parseRoute(hash)).toEqual(r);
    }
    expect(parseRoute('#/runs/12').mode).toBe('run');
    expect(parseRoute('#/runs/table').mode).toBe('table');
  });

  it('a comparison names no run, model or tab; a table takes no models', () => {
    expect(parseRoute('#/runs/compare?models=12:rf,13:xgb&model=rf&tab=cv')).toEqual(comparisonRoute(two));
    expect(parseRoute('#/runs/table?models=12:rf,13:xgb&tab=cv')).toEqual(runsTableRoute());
    expect(formatRoute({ ...route('runs', 3, 'rf', 'cv'), mode: 'compare', models: two })).toBe('#/runs/compare?models=12:rf,13:xgb');
  });

  it('a malformed model list opens the comparison with nothing chosen, flagged for the hint', () => {
    const r = parseRoute('#/runs/compare?models=12:rf,oops');
    expect(r).toEqual(comparisonRoute([], true));
    expect(formatRoute(r)).toBe('#/runs/compare');
  });

  it('choosing a mode or other models pushes; the same comparison writes nothing', () => {
    expect(historyMode(route('runs', 3, 'rf'), runsTableRoute())).toBe('push');
    expect(historyMode(runsTableRoute(), comparisonRoute(two))).toBe('push');
    expect(historyMode(comparisonRoute(two), comparisonRoute(two.slice(0, 1)))).toBe('push');
    expect(historyMode(comparisonRoute(two), route('runs', 3))).toBe('push');
    expect(historyMode(comparisonRoute([], true), comparisonRoute([]))).toBeNull();
    expect(historyMode(parseRoute('#/runs/compare?models=12:rf,13:xgb'), comparisonRoute(two))).toBeNull();
  });
});

describe('history entries', () => {
  it('the analyst’s moves push: another view, another selection, another model, another tab', () => {
    expect(historyMode(route('data', 1), route('explore', 1))).toBe('push');
    expect(historyMode(route('data', 1), route('data', 2))).toBe('push');
    expect(historyMode(route('runs', 3, 'rf'), route('runs', 3, 'gb'))).toBe('push');
    expect(historyMode(route('runs', 3, 'rf'), route('runs', 4))).toBe('push');
    expect(historyMode(route('runs', 3, 'rf'), route('runs', 3, 'rf', 'cv'))).toBe('push');
    expect(historyMode(route('runs', 3, 'rf', 'cv'), route('runs', 3, 'rf'))).toBe('push');
  });

  it('what the app settles on by itself replaces: a first selection, the champion, a selection gone', () => {
    expect(historyMode(HOME, route('data', 1))).toBe('replace');
    expect(historyMode(route('runs', 3), route('runs', 3, 'rf'))).toBe('replace');
    expect(historyMode(route('prepare', 2), route('prepare'))).toBe('replace');
  });

  it('the same place writes nothing', () => {
    expect(historyMode(route('runs', 3, 'rf', 'overview'), route('runs', 3, 'rf'))).toBeNull();
    expect(historyMode(parseRoute('#/data/1'), route('data', 1))).toBeNull();
  });
});

describe('settling a loaded list on a selection', () => {
  it('takes the linked id when the list has it', () => {
    expect(settleSelection([1, 2, 3], 3, 1)).toBe(3);
  });
  it('falls back to what is shown, then to the first, when the linked id no longer exists', () => {
    expect(settleSelection([1, 2], 9, 2)).toBe(2);
    expect(settleSelection([1, 2], 9, 7)).toBe(1);
    expect(settleSelection([1, 2], null, null)).toBe(1);
    expect(settleSelection([], 9, 2)).toBeNull();
  });
});
