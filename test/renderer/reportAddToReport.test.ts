import { describe, expect, it } from 'vitest';
import { slideSchema, type ChartSourceRef } from '../../src-main/core/report/schema';
import { addedMessage, chartRunIds, chartSlide, describeChartSource, tableSlide, viewRunIds } from '../../src-renderer/src/lib/report/addToReport';

const runRoc: ChartSourceRef = { type: 'run', id: 12, modelId: 'rf', chart: { kind: 'roc', set: 'test', threshold: 0.35 } };
const compareRoc: ChartSourceRef = {
  type: 'compare',
  models: [
    { runId: 12, modelId: 'rf' },
    { runId: 12, modelId: 'xgb' },
    { runId: 13, modelId: 'rf' },
  ],
  chart: { kind: 'roc', set: 'validation' },
};
const histogram: ChartSourceRef = { type: 'dataset', id: 3, chart: { kind: 'histogram', x: { lengthOf: 'video_transcription_text' }, hue: 'claim_status', bins: 20 } };

describe('"Add to report" on a chart', () => {
  it('names the runs the chart shows: its run, the runs compared once each, none for a dataset', () => {
    expect(chartRunIds(runRoc)).toEqual([12]);
    expect(chartRunIds(compareRoc)).toEqual([12, 13]);
    expect(chartRunIds(histogram)).toEqual([]);
  });

  it('a slide titled as the chart is labelled (or as its own title), the caption empty, the source in words in the notes', () => {
    const s = chartSlide(runRoc, 'ROC curve', 'id1');
    expect(s).toEqual({
      id: 'id1',
      title: 'ROC curve',
      caption: '',
      notes: 'ROC curve of model rf of run #12 on the test rows, marked at the threshold 0.35.',
      body: { kind: 'chart', source: runRoc },
      runIds: [12],
    });
    expect(slideSchema.parse(s)).toEqual(s);
    const titled = chartSlide({ ...histogram, chart: { ...histogram.chart, title: 'Transcripts by class' } } as ChartSourceRef, 'Chart', 'id2');
    expect(titled.title).toBe('Transcripts by class');
    expect(slideSchema.safeParse(chartSlide(compareRoc, 'ROC curves', 'id3')).success).toBe(true);
  });

  it('describes every kind of source in words', () => {
    expect(describeChartSource(histogram)).toBe('Histogram of the length of video_transcription_text by claim_status (20 bins), dataset #3.');
    expect(describeChartSource(compareRoc)).toBe('ROC curves of rf (run #12), xgb (run #12) and rf (run #13) on the validation rows.');
    expect(describeChartSource({ type: 'run', id: 4, modelId: 'lr', chart: { kind: 'confusion', set: 'test', normalize: true, threshold: null } })).toBe(
      'Confusion matrix (shares of each actual class) of model lr of run #4 on the test rows, at the default threshold 0.50.',
    );
    expect(describeChartSource({ type: 'run', id: 4, modelId: 'lr', chart: { kind: 'importance', importance: 1, top: 15 } })).toBe(
      'Feature importance of model lr of run #4: the top 15 features of its importance list 2.',
    );
    expect(
      describeChartSource({
        type: 'compare',
        models: [
          { runId: 1, modelId: 'a' },
          { runId: 2, modelId: 'b' },
        ],
        chart: { kind: 'metricBars', metric: 'recall' },
      }),
    ).toBe('recall of a (run #1) and b (run #2): cross-validation mean ± std, validation and test.');
    expect(describeChartSource({ type: 'dataset', id: 1, chart: { kind: 'heatmap', columns: ['a', 'b'] } })).toBe('Correlations (Pearson) of a, b, dataset #1.');
    expect(describeChartSource({ type: 'dataset', id: 1, chart: { kind: 'scatter', x: 'a', y: 'b', logY: true } })).toBe('b against a (log scale), dataset #1.');
  });
});

describe('"Add to report" on a table', () => {
  const format = (v: number, column: number) => (column === 1 ? v.toFixed(3) : v.toLocaleString('en-US'));

  it('the cells as the view shows them, numbers flagged for right alignment, the full-precision TSV in the notes', () => {
    const s = tableSlide(
      {
        label: 'Metrics',
        header: ['metric', 'score', 'rows'],
        rows: [
          ['recall', 0.998412, 3817],
          ['=cmd', null, 12000],
        ],
        format,
        runIds: [12, 12],
      },
      'tbl',
    );
    expect(s.title).toBe('Metrics');
    expect(s.caption).toBe('');
    expect(s.runIds).toEqual([12]);
    expect(s.body).toEqual({
      kind: 'table',
      table: {
        header: ['metric', 'score', 'rows'],
        rows: [
          ['recall', '0.998', '3,817'],
          ['=cmd', null, '12,000'],
        ],
        numeric: [false, true, true],
      },
    });
    // The notes are the table's copy as pasted into a spreadsheet: full precision, text a spreadsheet would run neutralised.
    expect(s.notes.split('\n')).toEqual(['metric\tscore\trows', 'recall\t0.998412\t3817', "'=cmd\t\t12000"]);
    expect(slideSchema.parse(s)).toEqual(s);
  });

  it('a table past the slide bounds keeps the first 500 rows and 40 columns, says so, and its notes stay within their length', () => {
    const header = Array.from({ length: 45 }, (_, i) => `c${i}`);
    const rows = Array.from({ length: 2000 }, (_, r) => header.map((_, c) => r * 100 + c + 0.123456789));
    const s = tableSlide({ label: 'Wide', header, rows, format, runIds: [] }, 'w');
    const t = s.body.kind === 'table' ? s.body.table : null;
    expect(t!.header).toHaveLength(40);
    expect(t!.rows).toHaveLength(500);
    expect(t!.rows.every((r) => r.length === 40)).toBe(true);
    expect(s.caption).toBe('Shows the first 500 of 2,000 rows and the first 40 of 45 columns.');
    expect(s.notes.length).toBeLessThanOrEqual(20_000);
    expect(s.notes).toMatch(/… [\d,]+ more rows not shown here\.$/);
    expect(slideSchema.safeParse(s).success).toBe(true);
  });

  it('a short row gets empty cells, so every row is as wide as the header', () => {
    const s = tableSlide({ label: 'Ragged', header: ['a', 'b'], rows: [['x']], format, runIds: [] }, 'r');
    expect(s.body.kind === 'table' && s.body.table.rows).toEqual([['x', null]]);
    expect(slideSchema.safeParse(s).success).toBe(true);
  });

  it('belongs to the run open in Runs, or to the runs compared; to none elsewhere', () => {
    const compared = [
      { runId: 12, modelId: 'rf' },
      { runId: 13, modelId: 'rf' },
      { runId: 12, modelId: 'xgb' },
    ];
    expect(viewRunIds({ section: 'runs', runsMode: 'run', openRunId: 7, compared })).toEqual([7]);
    expect(viewRunIds({ section: 'runs', runsMode: 'compare', openRunId: 7, compared })).toEqual([12, 13]);
    expect(viewRunIds({ section: 'runs', runsMode: 'table', openRunId: 7, compared })).toEqual([]);
    expect(viewRunIds({ section: 'explore', runsMode: 'run', openRunId: 7, compared })).toEqual([]);
    expect(viewRunIds({ section: 'runs', runsMode: 'run', openRunId: null, compared })).toEqual([]);
  });
});

describe('the notice once added', () => {
  it("names the report and the slide's place", () => {
    const slides = [{ id: 'a' }, { id: 'b' }, { id: 'c' }] as never;
    expect(addedMessage({ name: 'Course 6', slides }, 'c')).toBe('Added to “Course 6” (slide 3).');
    expect(addedMessage({ name: 'Course 6', slides }, 'zz')).toBe('Added to “Course 6” (slide 3).');
  });
});
