import type { NumericRef } from '../../../../src-main/core/charts/request';
import type { ChartSourceRef, Report, ReportTable, Slide } from '../../../../src-main/core/report/schema';
import { toTsv, type Cell as DisplayCell } from '../../../../src-main/core/evaluation/tsv';
import type { RunsMode } from '../state/route';
import { LIMITS } from './slideTexts';

/**
 * The slides "Add to report" makes of what a view shows: a chart as its
 * source (the host draws it again at export, natively where it can) and a
 * table as the cells the view formats. The speaker notes get the numbers the
 * renderer has: a table's full tab-separated text, a chart's source in words.
 */

/** Bounds of a table slide (the schema's). */
const MAX_COLUMNS = 40;
const MAX_ROWS = 500;
const MAX_HEADER = 200;
const MAX_CELL = 400;
const MAX_RUNS = 8;

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const count = (n: number) => n.toLocaleString('en-US');

/** The runs a chart shows: its run, or the runs of the models compared (each once). */
export function chartRunIds(source: ChartSourceRef): number[] {
  if (source.type === 'run') return [source.id];
  if (source.type === 'compare') return [...new Set(source.models.map((m) => m.runId))].slice(0, MAX_RUNS);
  return [];
}

/** The runs a table belongs to, from where it is shown: the open run, the runs compared, or none (the table of all runs, a dataset). */
export function viewRunIds(view: { section: string; runsMode: RunsMode; openRunId: number | null; compared: readonly { runId: number }[] }): number[] {
  if (view.section !== 'runs') return [];
  if (view.runsMode === 'run') return view.openRunId === null ? [] : [view.openRunId];
  if (view.runsMode === 'compare') return [...new Set(view.compared.map((m) => m.runId))].slice(0, MAX_RUNS);
  return [];
}

const columnWords = (ref: NumericRef) => (typeof ref === 'string' ? ref : `the length of ${ref.lengthOf}`);
const setWords = (set: 'validation' | 'test') => `the ${set} rows`;
const thresholdWords = (t: number | null) => (t === null ? 'at the default threshold 0.50' : `at the threshold ${t.toFixed(2)}`);

/** A chart's source in words, for its speaker notes: what it shows, of which data or runs. */
export function describeChartSource(source: ChartSourceRef): string {
  if (source.type === 'dataset') {
    const c = source.chart;
    const of = `dataset #${source.id}`;
    switch (c.kind) {
      case 'histogram':
        return `Histogram of ${columnWords(c.x)}${c.hue ? ` by ${c.hue}` : ''}${typeof c.bins === 'number' ? ` (${c.bins} bins)` : ''}, ${of}.`;
      case 'box':
        return `Box plot of ${columnWords(c.x)}${c.by ? ` by ${c.by}` : ''}, ${of}.`;
      case 'barCounts':
        return `${c.normalize ? 'Shares' : 'Counts'} of ${c.x}${c.hue ? ` by ${c.hue}` : ''}, ${of}.`;
      case 'heatmap':
        return `Correlations (Pearson) of ${c.columns.join(', ')}, ${of}.`;
      case 'scatter':
        return `${columnWords(c.y)} against ${columnWords(c.x)}${c.hue ? ` by ${c.hue}` : ''}${c.logX || c.logY ? ' (log scale)' : ''}, ${of}.`;
      case 'groupedMean':
        return `Mean of ${columnWords(c.y)} by ${c.by}, ${of}.`;
    }
  }
  if (source.type === 'run') {
    const c = source.chart;
    const model = `model ${source.modelId} of run #${source.id}`;
    switch (c.kind) {
      case 'confusion':
        return `Confusion matrix${c.normalize ? ' (shares of each actual class)' : ''} of ${model} on ${setWords(c.set)}, ${thresholdWords(c.threshold)}.`;
      case 'roc':
        return `ROC curve of ${model} on ${setWords(c.set)}, marked ${thresholdWords(c.threshold)}.`;
      case 'pr':
        return `Precision–recall curve of ${model} on ${setWords(c.set)}, marked ${thresholdWords(c.threshold)}.`;
      case 'importance':
        return `Feature importance of ${model}: the top ${c.top} features of its importance list ${c.importance + 1}.`;
    }
  }
  const c = source.chart;
  const models = source.models.map((m) => `${m.modelId} (run #${m.runId})`);
  const list = models.length > 1 ? `${models.slice(0, -1).join(', ')} and ${models.at(-1)}` : models.join('');
  switch (c.kind) {
    case 'metricBars':
      return `${c.metric} of ${list}: cross-validation mean ± std, validation and test.`;
    case 'roc':
      return `ROC curves of ${list} on ${setWords(c.set)}.`;
    case 'pr':
      return `Precision–recall curves of ${list} on ${setWords(c.set)}.`;
    case 'confusion':
      return `Confusion matrices${c.normalize ? ' (shares of each actual class)' : ''} of ${list} on ${setWords(c.set)}.`;
    case 'importance':
      return `Feature importances of ${list}: the top ${c.top} features.`;
  }
}

/** A chart slide: titled as the chart or its label, the caption left to the analyst. */
export function chartSlide(source: ChartSourceRef, label: string, id: string): Slide {
  return {
    id,
    title: cut(source.chart.title?.trim() || label, LIMITS.title),
    caption: '',
    notes: describeChartSource(source),
    body: { kind: 'chart', source },
    runIds: chartRunIds(source),
  };
}

export interface ShownTable {
  label: string;
  header: string[];
  rows: DisplayCell[][];
  /** How the view formats a numeric cell; the slide shows the same text. */
  format: (v: number, column: number) => string;
  runIds: readonly number[];
}

/** The table as the slide holds it: the cells as the view shows them, within the schema's bounds. */
export function reportTable(header: readonly string[], rows: readonly DisplayCell[][], format: ShownTable['format']): ReportTable {
  const columns = Math.min(header.length, MAX_COLUMNS);
  const shown = rows.slice(0, MAX_ROWS);
  return {
    header: header.slice(0, columns).map((h) => cut(h, MAX_HEADER)),
    // Every row as wide as the header, as the schema asks: a short row's missing cells are empty.
    rows: shown.map((r) => Array.from({ length: columns }, (_, i) => r[i] ?? null).map((c, i) => (c === null ? null : cut(typeof c === 'number' ? format(c, i) : c, MAX_CELL)))),
    numeric: header.slice(0, columns).map((_, i) => rows.length > 0 && rows.every((r) => r[i] === null || typeof r[i] === 'number')),
  };
}

/** Tab-separated text within the notes' length, whole lines only, saying how many were left out. */
function notesTsv(header: string[], rows: DisplayCell[][]): string {
  const lines = toTsv(header, rows).trimEnd().split('\n');
  const kept: string[] = [];
  let length = 0;
  for (const line of lines) {
    // Room for the closing line, whatever it says.
    if (length + line.length + 1 > LIMITS.notes - 80) break;
    kept.push(line);
    length += line.length + 1;
  }
  const left = lines.length - kept.length;
  return left > 0 ? `${kept.join('\n')}\n… ${count(left)} more rows not shown here.` : kept.join('\n');
}

/** A table slide: titled as the table, its notes the table's tab-separated text at full precision. */
export function tableSlide(t: ShownTable, id: string): Slide {
  const table = reportTable(t.header, t.rows, t.format);
  const left: string[] = [];
  if (t.rows.length > MAX_ROWS) left.push(`the first ${count(MAX_ROWS)} of ${count(t.rows.length)} rows`);
  if (t.header.length > MAX_COLUMNS) left.push(`the first ${MAX_COLUMNS} of ${t.header.length} columns`);
  return {
    id,
    title: cut(t.label, LIMITS.title),
    caption: left.length ? `Shows ${left.join(' and ')}.` : '',
    notes: notesTsv(t.header, t.rows),
    body: { kind: 'table', table },
    runIds: [...new Set(t.runIds)].slice(0, MAX_RUNS),
  };
}

/** The notice once a slide is added: the report's name and the slide's place in it. */
export function addedMessage(report: Pick<Report, 'name' | 'slides'>, slideId: string): string {
  const at = report.slides.findIndex((s) => s.id === slideId);
  return `Added to “${report.name}” (slide ${at >= 0 ? at + 1 : report.slides.length}).`;
}
