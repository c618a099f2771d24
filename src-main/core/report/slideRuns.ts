import type { Slide } from './schema';

/**
 * The runs a slide refers to: the ones it lists and the ones its chart is
 * drawn from (a run chart's run, each run of a comparison), each once. A
 * slide whose chart names a run that is gone exports as a placeholder, so
 * the Report view must call that run missing too, even when the slide's own
 * list leaves it out.
 */
export function slideRunIds(slide: Slide): number[] {
  const ids = new Set(slide.runIds);
  if (slide.body.kind === 'chart') {
    const s = slide.body.source;
    if (s.type === 'run') ids.add(s.id);
    if (s.type === 'compare') for (const m of s.models) ids.add(m.runId);
  }
  return [...ids];
}
