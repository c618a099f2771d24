import { z } from 'zod';
import { COLUMN_KINDS, type ColumnKind, type DatasetInfo } from '../data/columns';
import type { Recipe } from '../recipe/schema';
import { gridQuerySchema, MAX_IN_VALUES } from '../data/query';
import { describeBytes, utf8ByteLength } from './protocol';
import { chartRequestSchema } from '../charts/request';
import { runChartRequestSchema } from '../charts/runCharts';
import { tableImageSchema } from '../charts/tableChart';
import type { ProfileView } from '../profile/profileView';
import type { RecipePreview } from '../recipe/preview';
import type { RunDetail, RunEstimate, RunSummary } from '../search/runSummary';
import type { RunsTableRow } from '../search/runsTable';
import type { Comparison } from '../compare/types';
import { compareChartRequestSchema } from '../charts/compareCharts';
import { reportSchema, slideSchema, type ReportInfo, type ReportSummary } from '../report/schema';
import { SCORER_NAMES } from '../metrics/scorers';
import { MAX_RUN_TITLE } from '../search/runTitle';
import { noteProblem, refuse, tagProblem, titleProblem } from './textRules';
import type { ModelCheck, ScoreOutcome } from '../scoring/scoreTypes';
import { EXPORT_FORMATS } from '../modelExport/exportFormats';
import { RECIPE_EXPORT_FORMATS } from '../recipeExport/exportFormats';

/**
 * The one API between the renderer and a host (Electron or web). Each method
 * has an input schema, validated by the router before any handler runs, and
 * an output type. Methods marked `long` stream progress and can be cancelled.
 */

const projectPath = z
  .string()
  .min(1, 'a path is required')
  .max(4096)
  .refine((p) => !p.includes('\0'), 'a path cannot contain NUL');

export interface ProjectInfo {
  path: string;
  name: string;
  schemaVersion: number;
}

export interface RecentProject {
  path: string;
  name: string;
  openedAt: string;
  exists: boolean;
}

export interface AppInfo {
  version: string;
  host: 'electron' | 'web';
  project: ProjectInfo | null;
}

export interface Progress {
  /** Work done so far, in `unit`s. */
  done: number;
  /** Total work, when known. */
  total?: number;
  unit: 'bytes' | 'rows' | 'items' | 'fits';
  message?: string;
  /** Estimated seconds left, when the work can tell. */
  etaSeconds?: number;
}

/**
 * Inputs whose schema alone would allow more than one WebSocket message can
 * carry (MAX_MESSAGE_BYTES, 64 MiB) are bounded here, so every valid input
 * fits the transport with room to spare.
 */

/** Largest recipe, as JSON; recipes are a few kilobytes, so this only stops abuse. */
export const MAX_RECIPE_BYTES = 16 * 2 ** 20;

const recipeJson = z.unknown().superRefine((value, ctx) => {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'a recipe must be JSON' });
    return;
  }
  const bytes = text === undefined ? 0 : utf8ByteLength(text);
  if (bytes > MAX_RECIPE_BYTES) {
    ctx.addIssue({ code: 'custom', message: `a recipe can be at most ${describeBytes(MAX_RECIPE_BYTES)} as JSON; this one is ${describeBytes(bytes)}` });
  }
});

/**
 * A grid query whose `in` filters together list at most MAX_IN_VALUES values:
 * one full filter (10,000 values of up to 500 characters) fits a message,
 * twenty would not.
 */
const boundedQuery = gridQuerySchema.superRefine((q, ctx) => {
  let values = 0;
  for (const f of q.filters) if (f.op === 'in') values += f.values.length;
  if (values > MAX_IN_VALUES) {
    ctx.addIssue({ code: 'custom', path: ['filters'], message: `the "in" filters of one query can list at most ${MAX_IN_VALUES} values together; these list ${values}` });
  }
});

const datasetId = z.number().int().positive();
const recipeId = z.number().int().positive();
const runId = z.number().int().positive();
const reportId = z.number().int().positive();
/** 2–4 models to compare, each a model of a stored run. */
const comparedModels = z
  .array(z.object({ runId, modelId: z.string().min(1).max(60) }).strict())
  .min(2, 'choose at least two models to compare')
  .max(4, 'at most four models can be compared at once');
const compareOptions = {
  /** The metric of the corrected t-test (default: the first model's refit metric). */
  metric: z.enum(SCORER_NAMES).optional(),
  /** Half-width of the region of practical equivalence (default 0.01). */
  rope: z.number().min(0).lt(1).optional(),
  /** McNemar's exact binomial test (default) or the continuity-corrected χ². */
  exactMcNemar: z.boolean().optional(),
};
const pngScale = z.union([z.literal(1), z.literal(2), z.literal(3)]);
/** How a host-drawn chart is asked for: SVG, or PNG at 1–3× the given CSS size. */
const chartSize = {
  format: z.enum(['svg', 'png']),
  width: z.number().int().min(200).max(4000),
  height: z.number().int().min(150).max(3000),
  scale: pngScale.default(1),
};

/** A decision threshold: a row is predicted positive iff p(positive) > it. */
const probability = z.number().min(0).max(1);
/** A model of a stored run, or a `.assaymodel` file on the host (opened, or uploaded to a path as dataset.import takes files). */
const modelSource = z.union([
  z.object({ runId, modelId: z.string().min(1).max(200) }).strict(),
  z.object({ path: projectPath, displayName: z.string().min(1).max(500).optional() }).strict(),
]);

/** How "Export as Python…" writes a recipe: the format, and whether its grid searches run on a Dask cluster. */
const pythonExport = { format: z.enum(RECIPE_EXPORT_FORMATS), dask: z.boolean() };

/** A recipe as stored in the project. */
export interface RecipeInfo {
  id: number;
  name: string;
  recipe: Recipe;
  createdAt: string;
  updatedAt: string;
}

export const methods = {
  'app.info': { input: z.object({}).strict(), long: false },
  'project.current': { input: z.object({}).strict(), long: false },
  'project.recent': { input: z.object({}).strict(), long: false },
  'project.new': { input: z.object({ path: projectPath }).strict(), long: false },
  'project.open': { input: z.object({ path: projectPath }).strict(), long: false },
  'project.saveAs': { input: z.object({ path: projectPath }).strict(), long: false },
  'dataset.list': { input: z.object({}).strict(), long: false },
  'dataset.get': { input: z.object({ id: datasetId }).strict(), long: false },
  'dataset.page': {
    input: z
      .object({
        id: datasetId,
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(10_000),
      })
      .strict(),
    long: false,
  },
  /** A page of the filtered, sorted view; see `src-main/node/store/query.ts`. */
  'dataset.queryPage': {
    input: z
      .object({
        id: datasetId,
        query: boundedQuery,
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(10_000),
      })
      .strict(),
    // The first request for a sorted or filtered view builds it on a worker thread, with progress.
    long: true,
  },
  'dataset.queryCount': { input: z.object({ id: datasetId, query: boundedQuery }).strict(), long: true },
  /** Where original row `row` (1-based) lands in the view: a 0-based offset, or null when filtered out. */
  'dataset.queryPosition': {
    input: z.object({ id: datasetId, query: boundedQuery, row: z.number().int().min(1) }).strict(),
    long: true,
  },
  'dataset.import': {
    input: z
      .object({
        path: projectPath,
        /** Name for the dataset; defaults to the file name without extension. */
        name: z.string().min(1).max(200).optional(),
        /** Name to show in messages instead of the path (an uploaded file's original name). */
        displayName: z.string().min(1).max(500).optional(),
        delimiter: z.enum([',', '\t', ';', '|']).optional(),
        /** Rows with more fields than the header: an error (default) or skipped and listed in a note (pandas' on_bad_lines='skip'). */
        onBadLines: z.enum(['error', 'skip']).optional(),
      })
      .strict(),
    long: true,
  },
  'dataset.setColumnKind': {
    input: z.object({ id: datasetId, column: z.number().int().min(0), kind: z.enum(COLUMN_KINDS) }).strict(),
    long: false,
  },
  'dataset.rename': { input: z.object({ id: datasetId, name: z.string().trim().min(1).max(200) }).strict(), long: false },
  'dataset.delete': { input: z.object({ id: datasetId }).strict(), long: false },
  /** The dataset's profile (pandas' info/describe/isna/duplicated/value_counts/corr, VIF), cached per dataset version. */
  'dataset.profile': { input: z.object({ id: datasetId }).strict(), long: false },
  /** A chart of a dataset drawn in the host (echarts SSR), as SVG or PNG at 1–3×. */
  'chart.render': {
    input: z
      .object({
        id: datasetId,
        chart: chartRequestSchema,
        ...chartSize,
      })
      .strict(),
    long: false,
  },
  'recipe.list': { input: z.object({}).strict(), long: false },
  'recipe.get': { input: z.object({ id: recipeId }).strict(), long: false },
  /** Creates (id null) or replaces a recipe; the recipe itself is validated by the recipe schema. */
  'recipe.save': { input: z.object({ id: recipeId.nullable(), recipe: recipeJson }).strict(), long: false },
  'recipe.duplicate': { input: z.object({ id: recipeId }).strict(), long: false },
  'recipe.delete': { input: z.object({ id: recipeId }).strict(), long: false },
  /**
   * The recipe run on a dataset as the Prepare view shows it (see core/recipe/preview.ts).
   * The recipe is validated here, not by the router, so its problems come back as field errors.
   */
  'recipe.preview': { input: z.object({ datasetId, recipe: recipeJson }).strict(), long: false },
  /** Candidates, fits and a time guess for a recipe (validated here, so its problems come back with JSON paths). */
  'run.estimate': { input: z.object({ recipe: recipeJson, datasetId: datasetId.optional() }).strict(), long: false },
  /** Queues a stored recipe on a dataset (default: the one the recipe names); returns at once. */
  'run.start': { input: z.object({ recipeId, datasetId: datasetId.optional() }).strict(), long: false },
  'run.cancel': { input: z.object({ id: runId }).strict(), long: false },
  /** Newest first, active runs with live progress: the UI polls this while something runs. */
  'run.list': { input: z.object({}).strict(), long: false },
  'run.get': { input: z.object({ id: runId }).strict(), long: false },
  'run.delete': { input: z.object({ id: runId }).strict(), long: false },
  /** Renames a run, or sets its note or tags (only the fields given change). */
  'run.update': {
    input: z
      .object({
        id: runId,
        title: z
          .string()
          .trim()
          .max(MAX_RUN_TITLE, `a title can be at most ${MAX_RUN_TITLE} characters`)
          .superRefine(refuse(titleProblem))
          .optional(),
        note: z.string().max(10_000, 'a note can be at most 10,000 characters').superRefine(refuse(noteProblem)).optional(),
        tags: z
          .array(z.string().trim().max(40, 'a tag can be at most 40 characters'))
          .max(20, 'a run can have at most 20 tags')
          .superRefine((tags, ctx) => {
            const problem = tags.map((t, i) => tagProblem(t, i + 1)).find((p) => p !== null);
            if (problem) ctx.addIssue({ code: 'custom', message: problem });
          })
          .optional(),
      })
      .strict(),
    long: false,
  },
  /** Queues the recipe a run ran (its own copy) on the dataset it ran on, which must still hold the same content. */
  'run.rerun': { input: z.object({ id: runId }).strict(), long: false },
  /** Every model of every finished run, one row each, for the runs table. */
  'run.table': { input: z.object({}).strict(), long: false },
  /** The side-by-side comparison of 2–4 models with its statistics (see core/compare). */
  'run.compare': { input: z.object({ models: comparedModels, ...compareOptions }).strict(), long: false },
  /** One of a comparison's charts, drawn in the host like `run.chart`. */
  'run.compareChart': {
    input: z.object({ models: comparedModels, chart: compareChartRequestSchema, ...chartSize }).strict(),
    long: false,
  },
  /** One of a stored run's charts, drawn in the host like `chart.render`. */
  'run.chart': {
    input: z
      .object({
        id: runId,
        modelId: z.string().min(1).max(60),
        chart: runChartRequestSchema,
        ...chartSize,
      })
      .strict(),
    long: false,
  },
  /** Every report's name, size and whether it is damaged; not their slides. */
  'report.list': { input: z.object({}).strict(), long: false },
  /** One report with its slides; refused, saying why, for a damaged one. */
  'report.get': { input: z.object({ id: reportId }).strict(), long: false },
  /** Creates (id null) or replaces a report. */
  'report.save': { input: z.object({ id: reportId.nullable(), report: reportSchema }).strict(), long: false },
  'report.delete': { input: z.object({ id: reportId }).strict(), long: false },
  /** A new report built from a run: data, preparation, search, champion, curves, importance, executive summary. */
  'report.fromRun': { input: z.object({ runId }).strict(), long: false },
  /** Appends a slide ("Add to report") to a report, or to the newest report (a new one when there is none) when id is null. */
  'report.addSlide': { input: z.object({ id: reportId.nullable(), slide: slideSchema }).strict(), long: false },
  /** The deck as a file: PPTX with native charts and tables, PDF (LibreOffice), or a zip of PNG/SVG files named by slide. */
  'report.export': { input: z.object({ id: reportId, format: z.enum(['pptx', 'pdf', 'images']) }).strict(), long: true },
  /** A results table drawn as a picture (the cells as the view formats them), for slides. */
  'table.render': {
    input: z.object({ table: tableImageSchema, format: z.enum(['svg', 'png']), scale: pngScale.default(2) }).strict(),
    long: false,
  },
  /** "Save model…": a run's model as a .assaymodel file, with the Runs view's threshold (null or absent: the argmax rule). */
  'model.file': { input: z.object({ runId, modelId: z.string().min(1).max(200), threshold: probability.nullable().optional() }).strict(), long: false },
  /** The raw columns a model needs, checked by name and kind against a dataset, before anything is scored. */
  'model.check': { input: z.object({ source: modelSource, datasetId }).strict(), long: false },
  /** Scores a dataset; the predictions become a new dataset (row, prediction, p_<class>, note; the input columns first unless keepColumns is false). */
  'model.score': {
    input: z
      .object({
        source: modelSource,
        datasetId,
        /** Overrides the model's own threshold. */
        threshold: probability.nullable().optional(),
        keepColumns: z.boolean().optional(),
        name: z.string().trim().min(1).max(200).optional(),
      })
      .strict(),
    long: true,
  },
  /** "Export model…": a run's model as XGBoost JSON (gradient boosting only) or ONNX (every type), on prepared features; the threshold is recorded, not applied. */
  'model.export': {
    input: z.object({ runId, modelId: z.string().min(1).max(200), format: z.enum(EXPORT_FORMATS), threshold: z.number().min(0).max(1).nullable().optional() }).strict(),
    long: false,
  },
  /** "Export as Python…": a saved recipe, or a run's own copy of its recipe, as a scikit-learn script or Jupyter notebook (optionally with its grid searches on Dask). */
  'recipe.exportPython': { input: z.union([z.object({ recipeId, ...pythonExport }).strict(), z.object({ runId, ...pythonExport }).strict()]), long: false },
} as const;

/** A stored report with the runs its slides name that no longer exist (their slides export as placeholders). */
export interface ReportDetail extends ReportInfo {
  missingRuns: number[];
}

export type Method = keyof typeof methods;
export type Input<M extends Method> = z.infer<(typeof methods)[M]['input']>;

export interface Outputs {
  'app.info': AppInfo;
  'project.current': ProjectInfo | null;
  'project.recent': RecentProject[];
  'project.new': ProjectInfo;
  'project.open': ProjectInfo;
  'project.saveAs': ProjectInfo;
  'dataset.list': DatasetInfo[];
  'dataset.get': DatasetInfo;
  /** An Arrow IPC stream holding one record batch of the asked rows. */
  'dataset.page': Uint8Array;
  /** Arrow IPC stream: the dataset's columns, then one Float64 field of original 1-based row numbers (last; see ROW_NUMBER_FIELD). */
  'dataset.queryPage': Uint8Array;
  /** Rows in the view, and the status-line sentence for the query. */
  'dataset.queryCount': { rows: number; description: string };
  'dataset.queryPosition': { position: number | null };
  'dataset.import': DatasetInfo;
  'dataset.setColumnKind': DatasetInfo;
  'dataset.rename': DatasetInfo;
  'dataset.delete': { id: number };
  'dataset.profile': ProfileView;
  'chart.render': { fileName: string; mime: 'image/svg+xml' | 'image/png'; data: string; note: string | null };
  'recipe.list': RecipeInfo[];
  'recipe.get': RecipeInfo;
  'recipe.save': RecipeInfo;
  'recipe.duplicate': RecipeInfo;
  'recipe.delete': { id: number };
  'recipe.preview': RecipePreview;
  'run.estimate': RunEstimate;
  'run.start': RunSummary;
  'run.cancel': RunSummary;
  'run.list': RunSummary[];
  'run.get': RunDetail;
  'run.delete': { id: number };
  'run.update': RunSummary;
  'run.rerun': RunSummary;
  'run.table': RunsTableRow[];
  'run.compare': Comparison;
  'run.compareChart': { fileName: string; mime: 'image/svg+xml' | 'image/png'; data: string; note: string | null };
  'run.chart': { fileName: string; mime: 'image/svg+xml' | 'image/png'; data: string; note: string | null };
  /** Summaries (no slides): report.get fetches a report's content. */
  'report.list': ReportSummary[];
  'report.get': ReportDetail;
  'report.save': ReportDetail;
  'report.delete': { id: number };
  'report.fromRun': ReportDetail;
  'report.addSlide': ReportDetail;
  /** `data` is base64. */
  'report.export': { fileName: string; mime: string; data: string };
  'table.render': { fileName: string; mime: 'image/svg+xml' | 'image/png'; data: string; note: string | null };
  /** `data` is the file's JSON text as base64. */
  'model.file': { fileName: string; mime: 'application/json'; data: string; bytes: number };
  'model.check': ModelCheck;
  'model.score': ScoreOutcome;
  /** `data` is base64; `notes` are for the analyst (renamed features, a threshold the file does not apply). */
  'model.export': { fileName: string; mime: string; data: string; notes: string[] };
  /** `data` is the program's text; `notes`: leaking steps kept as the recipe has them, steps written in plain pandas, where the data file is looked for. */
  'recipe.exportPython': { fileName: string; mime: string; data: string; notes: string[] };
}
export type Output<M extends Method> = Outputs[M];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(methods, name);
}

export type { ColumnKind };
