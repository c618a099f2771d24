import { buildChart } from '../../../src-main/core/charts/index';
import type { DeckContext } from '../../../src-main/core/report/deckContext';
import { REPORT_VERSION, reportSchema, type Report, type Slide } from '../../../src-main/core/report/schema';
import type { ImportanceSet, RunRecord } from '../../../src-main/core/search/runRecord';
import { model, predicting, record } from '../../core/compare/runRecords';

/**
 * A hand-made report with a slide of every kind — title, bullets, sections,
 * a chart of each source type (run, compare, dataset; native and picture),
 * a table with fills — plus slides whose run, dataset or predictions are
 * gone; and the context it is exported from (run 1 exists, run 7 was deleted).
 */

const y = Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? 1 : 0));

const permutation: ImportanceSet = {
  kind: 'permutation',
  title: 'Permutation (recall, validation)',
  description: 'How much recall drops when a feature is shuffled.',
  features: [
    { feature: 'video_view_count', value: 0.15, std: 0.01 },
    { feature: 'video_like_count', value: 0, std: 0 },
    { feature: 'text_length', value: -0.01, std: 0.004 },
  ],
};

export function fixtureRecord(): RunRecord {
  const rf = model('rf', {
    folds: { recall: [0.9, 0.8, 0.85], accuracy: [0.9, 0.92, 0.91] },
    validation: predicting(y, [1, 4]),
    test: predicting(y, [0, 5, 8]),
    importances: [permutation],
  });
  const xgb = model('xgb', { type: 'gradientBoosting', folds: { recall: [0.88, 0.83, 0.8], accuracy: [0.89, 0.9, 0.9] }, validation: predicting(y, [2, 3, 9]) });
  return record({ models: [rf, xgb], champion: 'rf', rows: { train: 180, validation: y.length, test: y.length } });
}

const base = (id: string, title: string): Omit<Slide, 'body'> => ({ id, title, caption: `Caption of ${title}`, notes: `Notes of ${title}: recall 0.947 (18 of 19).`, runIds: [1] });

export const CONFUSION_FILLS = [
  ['#08306b', '#f7fbff'],
  ['#c6dbef', '#2171b5'],
];

export function fixtureReport(): Report {
  const slides: Slide[] = [
    { ...base('s1', 'Claims model review'), body: { kind: 'title', subtitle: 'sample · 19,084 rows · Assay 0.1.0' } },
    { ...base('s2', 'The data'), body: { kind: 'bullets', bullets: ['19,084 rows, 25 features.', 'Positive class “claim”: 49.6 %.'] } },
    {
      ...base('s3', 'Executive summary'),
      body: {
        kind: 'sections',
        sections: [
          { heading: 'Variables analysed', bullets: ['Target: claim_status.', 'The models see 25 features.'] },
          { heading: 'Results', bullets: ['rf finds 18 of 19 claims in the test rows.'] },
          { heading: 'Next steps', bullets: ['Validate the model on new data.'] },
        ],
      },
    },
    { ...base('s4', 'ROC curve: rf, test set'), body: { kind: 'chart', source: { type: 'run', id: 1, modelId: 'rf', chart: { kind: 'roc', set: 'test', threshold: 0.5 } } } },
    { ...base('s5', 'Feature importance: rf'), body: { kind: 'chart', source: { type: 'run', id: 1, modelId: 'rf', chart: { kind: 'importance', importance: 0, top: 15 } } } },
    { ...base('s6', 'Confusion matrix picture'), body: { kind: 'chart', source: { type: 'run', id: 1, modelId: 'rf', chart: { kind: 'confusion', set: 'test', normalize: false, threshold: null } } } },
    {
      ...base('s7', 'Recall by model'),
      body: { kind: 'chart', source: { type: 'compare', models: [{ runId: 1, modelId: 'rf' }, { runId: 1, modelId: 'xgb' }], chart: { kind: 'metricBars', metric: 'recall' } } },
    },
    { ...base('s8', 'Mean views by status'), runIds: [], body: { kind: 'chart', source: { type: 'dataset', id: 1, chart: { kind: 'groupedMean', by: 'claim_status', y: 'video_view_count' } } } },
    { ...base('s9', 'Video duration'), runIds: [], body: { kind: 'chart', source: { type: 'dataset', id: 1, chart: { kind: 'histogram', x: 'video_duration_sec' } } } },
    {
      ...base('s10', 'Confusion matrix: rf, test set'),
      body: {
        kind: 'table',
        table: {
          header: ['actual \\ predicted', 'opinion', 'claim'],
          rows: [
            ['opinion', '1,928', '0'],
            ['claim', '16', '1,873'],
          ],
          numeric: [false, true, true],
          fills: [[null, ...CONFUSION_FILLS[0]], [null, ...CONFUSION_FILLS[1]]],
        },
      },
    },
    { ...base('s11', 'Old ROC'), runIds: [7], body: { kind: 'chart', source: { type: 'run', id: 7, modelId: 'rf', chart: { kind: 'roc', set: 'test', threshold: null } } } },
    { ...base('s12', 'Gone dataset'), runIds: [], body: { kind: 'chart', source: { type: 'dataset', id: 9, chart: { kind: 'histogram', x: 'video_duration_sec' } } } },
    // xgb was not the champion: it has no test predictions to draw.
    { ...base('s13', 'ROC curve: xgb, test set'), body: { kind: 'chart', source: { type: 'run', id: 1, modelId: 'xgb', chart: { kind: 'roc', set: 'test', threshold: null } } } },
  ];
  return reportSchema.parse({ version: REPORT_VERSION, name: 'Claims model review', slides });
}

/** Slide numbers (1-based) of the fixture by what they hold. */
export const SLIDE = { title: 1, bullets: 2, sections: 3, roc: 4, importance: 5, confusionPicture: 6, compare: 7, groupedMean: 8, histogram: 9, table: 10, deletedRun: 11, deletedDataset: 12, undrawable: 13 } as const;
/** The slides drawn as native charts. */
export const NATIVE_SLIDES = [SLIDE.roc, SLIDE.importance, SLIDE.compare, SLIDE.groupedMean];
export const PICTURE_SLIDES = [SLIDE.confusionPicture, SLIDE.histogram];

export function fixtureContext(rec: RunRecord = fixtureRecord()): DeckContext {
  const n = 300;
  const status = Array.from({ length: n }, (_, i) => (i % 2 ? 'claim' : 'opinion'));
  const views = Array.from({ length: n }, (_, i) => (i % 2 ? 500_000 + i * 100 : 5_000 + i));
  const duration = Array.from({ length: n }, (_, i) => 5 + ((i * 17) % 55));
  return {
    record: (id) => (id === 1 ? rec : null),
    runTitle: (id) => (id === 1 ? 'Course 6 grid' : null),
    datasetChart: async (id, req) => {
      if (id !== 1) return null;
      if (req.kind === 'groupedMean') return buildChart({ kind: 'groupedMean', by: { name: 'claim_status', values: status }, y: { name: 'video_view_count', values: views } });
      if (req.kind === 'histogram') return buildChart({ kind: 'histogram', x: { name: 'video_duration_sec', values: duration } });
      throw new Error(`no fixture for ${req.kind}`);
    },
  };
}
