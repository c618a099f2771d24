import { describe, expect, it } from 'vitest';
import { formatRoute, historyMode, parseRoute, route } from '../../src-renderer/src/lib/state/route';

describe('the Report view in the URL hash', () => {
  it('names the report open: #/report/3, and #/report with none', () => {
    expect(formatRoute(route('report', 3))).toBe('#/report/3');
    expect(parseRoute('#/report/3')).toEqual(route('report', 3));
    expect(parseRoute('#/report/3')).toEqual({ view: 'report', id: 3, model: null, tab: null });
    expect(formatRoute(route('report'))).toBe('#/report');
    expect(parseRoute('#/report')).toEqual(route('report'));
  });

  it('a malformed report id opens the view with nothing chosen; a model or tab is dropped', () => {
    for (const id of ['x', '0', '-2', '03']) expect(parseRoute(`#/report/${id}`)).toEqual(route('report'));
    expect(parseRoute('#/report/4?model=rf&tab=cv')).toEqual(route('report', 4));
  });

  it('opening another report is a step Back returns to; the first one the view settles on is not', () => {
    expect(historyMode(route('report', 3), route('report', 4))).toBe('push');
    expect(historyMode(route('report'), route('report', 4))).toBe('replace');
    expect(historyMode(route('runs', 7), route('report', 4))).toBe('push');
  });
});
