import { ApiError, cancelledError } from '../../core/api/errors';
import { compareChart, compareChartSpec } from '../../core/charts/compareCharts';
import { runChart } from '../../core/charts/runCharts';
import { runChartSpec } from '../../core/charts/runChartSpec';
import { xmlText } from '../../core/charts/xmlText';
import { buildComparison } from '../../core/compare/comparison';
import type { CompareInput } from '../../core/compare/types';
import type { DeckContext } from '../../core/report/deckContext';
import type { ResolvedBody, ResolvedChart, ResolvedDeck, ResolvedSlide } from '../../core/report/resolvedDeck';
import type { ChartSourceRef, Report, Slide } from '../../core/report/schema';
import { slideRunIds } from '../../core/report/slideRuns';
import type { RunRecord } from '../../core/search/runRecord';

/** "“ROC curve: rf, test set”", or what kind of thing the slide held when it has no title. */
function whatItShowed(slide: Slide): string {
  const title = slide.title.trim();
  if (title) return `“${title}”`;
  const kinds = { title: 'a title', bullets: 'a list', sections: 'a summary', chart: 'a chart', table: 'a table' } as const;
  return kinds[slide.body.kind];
}

const list = (xs: string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);

/**
 * "Run #7 was deleted — this slide showed “ROC curve: rf, test set”." A run
 * that still exists but has no record (it failed or was cancelled before any
 * model was scored) is named as such.
 */
function missingRunsMessage(ctx: DeckContext, missing: number[], slide: Slide): string {
  const deleted = missing.filter((id) => ctx.runTitle(id) === null);
  const empty = missing.filter((id) => ctx.runTitle(id) !== null);
  const parts: string[] = [];
  if (deleted.length) parts.push(`${deleted.length === 1 ? 'Run' : 'Runs'} ${list(deleted.map((id) => `#${id}`))} ${deleted.length === 1 ? 'was' : 'were'} deleted`);
  if (empty.length) parts.push(`${empty.length === 1 ? 'run' : 'runs'} ${list(empty.map((id) => `#${id} (“${ctx.runTitle(id)}”)`))} ${empty.length === 1 ? 'has' : 'have'} no results`);
  const head = parts.join('; ');
  return `${head.charAt(0).toUpperCase()}${head.slice(1)} — this slide showed ${whatItShowed(slide)}.`;
}

function recordOf(ctx: DeckContext, id: number): RunRecord {
  const r = ctx.record(id);
  // The slide's runs were checked before its chart is built.
  if (!r) throw new ApiError('not-found', `Run #${id} has no results.`);
  return r;
}

/** The chart as the app draws it, built from the stored data: the same core functions as the views' exports. */
async function chartOf(ctx: DeckContext, source: ChartSourceRef): Promise<ResolvedChart | null> {
  switch (source.type) {
    case 'run': {
      const { option, note } = runChart(runChartSpec(recordOf(ctx, source.id), source.modelId, source.chart));
      return { option, note: note ?? null, kind: source.chart.kind };
    }
    case 'compare': {
      const inputs: CompareInput[] = source.models.map(({ runId, modelId }) => {
        const record = recordOf(ctx, runId);
        return { run: runId, title: ctx.runTitle(runId) || record.recipeName, record, modelId };
      });
      const comparison = buildComparison(inputs);
      // buildComparison refused any model its run lacks, so each is found.
      const results = inputs.map((i) => i.record.models.find((m) => m.modelId === i.modelId)!);
      const { option, note } = compareChart(compareChartSpec({ comparison, results }, source.chart));
      return { option, note: note ?? null, kind: source.chart.kind };
    }
    case 'dataset': {
      const result = await ctx.datasetChart(source.id, source.chart);
      return result ? { option: result.option, note: result.note ?? null, kind: source.chart.kind } : null;
    }
  }
}

async function bodyOf(ctx: DeckContext, slide: Slide): Promise<ResolvedBody> {
  const missing = slideRunIds(slide).filter((id) => ctx.record(id) === null);
  if (missing.length) return { kind: 'placeholder', message: missingRunsMessage(ctx, missing, slide) };
  const b = slide.body;
  switch (b.kind) {
    case 'title':
    case 'bullets':
    case 'sections':
    case 'table':
      return b;
    case 'chart': {
      try {
        const chart = await chartOf(ctx, b.source);
        if (chart) return { kind: 'chart', chart };
        const dataset = b.source.type === 'dataset' ? `Dataset #${b.source.id}` : 'Its data';
        return { kind: 'placeholder', message: `${dataset} was deleted — this slide showed ${whatItShowed(slide)}.` };
      } catch (e) {
        // A chart the stored data can no longer draw (a model without test predictions…) says why; it does not sink the deck.
        if (e instanceof ApiError && e.code !== 'cancelled') return { kind: 'placeholder', message: `This chart could not be drawn: ${e.message}` };
        throw e;
      }
    }
  }
}

/** Control characters (a stray byte of an imported file, a pasted bell) have no place in XML: the deck would not open. */
export const xmlSafe = xmlText;

function cleanBody(b: ResolvedBody): ResolvedBody {
  switch (b.kind) {
    case 'title':
      return { kind: 'title', subtitle: xmlSafe(b.subtitle) };
    case 'bullets':
      return { kind: 'bullets', bullets: b.bullets.map(xmlSafe) };
    case 'sections':
      return { kind: 'sections', sections: b.sections.map((s) => ({ heading: xmlSafe(s.heading), bullets: s.bullets.map(xmlSafe) })) };
    case 'table':
      return { kind: 'table', table: { ...b.table, header: b.table.header.map(xmlSafe), rows: b.table.rows.map((r) => r.map((c) => (c === null ? null : xmlSafe(c)))) } };
    case 'placeholder':
      return { kind: 'placeholder', message: xmlSafe(b.message) };
    case 'chart':
      return { kind: 'chart', chart: { ...b.chart, note: b.chart.note === null ? null : xmlSafe(b.chart.note) } };
  }
}

/** Every slide of the report with its charts built and its missing runs turned into placeholders. */
export async function resolveDeck(ctx: DeckContext, report: Report, signal?: AbortSignal): Promise<ResolvedDeck> {
  const slides: ResolvedSlide[] = [];
  for (const [i, slide] of report.slides.entries()) {
    if (signal?.aborted) throw cancelledError('The export');
    const body = cleanBody(await bodyOf(ctx, slide));
    slides.push({ number: i + 1, id: slide.id, title: xmlSafe(slide.title), caption: xmlSafe(slide.caption), notes: xmlSafe(slide.notes), body });
  }
  return { name: xmlSafe(report.name), slides };
}
