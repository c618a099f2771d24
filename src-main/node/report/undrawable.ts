import { ApiError } from '../../core/api/errors';
import { clipText, xmlText } from '../../core/charts/xmlText';

/**
 * What a slide says in place of a chart or table that could not be drawn
 * (a picture resvg refused, a chart ECharts could not lay out): one slide
 * says why, and the rest of the deck is still written. A cancelled export
 * is no failure of the slide, so it is thrown on.
 */
export function undrawableMessage(what: 'chart' | 'table' | 'slide', e: unknown): string {
  if (e instanceof ApiError && e.code === 'cancelled') throw e;
  const reason = xmlText(clipText((e instanceof Error ? e.message : String(e)).trim(), 600));
  return `This ${what} could not be drawn: ${reason || 'no reason was given.'}`;
}
