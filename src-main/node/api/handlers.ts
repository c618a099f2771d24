import { encodeArrowPage } from '../../core/data/arrowPage';
import { describeQuery } from '../../core/data/query';
import { encodeQueryPage, forgetDatasetViews, isCurrentState, queryCount, queryPage, queryPosition } from '../store/query';
import { getDataset, listDatasets, readColumns, renameDataset, deleteDataset } from '../store/datasets';
import { setColumnKind } from '../store/columnKinds';
import { AnalysisThread } from '../analysis/analysisThread';
import { deleteRecipe, duplicateRecipe, getRecipe, listRecipes, saveRecipe } from '../store/recipes';
import type { Workbench } from '../app/workbench';
import { RunQueue } from '../runs/runQueue';
import { exportRunChart } from '../charts/runChartExport';
import { drawChart } from '../charts/exportChart';
import { tableChart } from '../../core/charts/tableChart';
import { ApiError } from '../../core/api/errors';
import { estimateFor } from '../runs/estimateFor';
import { runsTable } from '../runs/runsTable';
import { compareRuns } from '../runs/compareRuns';
import { exportCompareChart } from '../charts/compareChartExport';
import { ReportService } from '../report/reportService';
import type { HandlerContext, Handlers } from './router';
import type { GridQuery } from '../../core/data/query';
import { viewBuildProgress } from '../../core/data/viewBuildProgress';
import { ViewBuilds } from '../views/viewBuilds';
import { ViewThread } from '../views/viewThread';
import { RunModelSource } from '../modelFile/runModelSource';
import { ModelService } from '../scoring/modelService';
import { exportModelFile } from '../../core/modelExport/exportModel';
import { recipeExportFile } from '../recipe/recipeExportService';

/** Builds of a grid view tried before the host builds it in place (each further one follows a change of its dataset). */
const VIEW_ATTEMPTS = 3;

export interface HostDescription {
  host: 'electron' | 'web';
  version: string;
}

/** The API's behaviour, shared by every host. */
export function createHandlers(wb: Workbench, host: HostDescription): Handlers {
  const analysis = new AnalysisThread();
  const views = new ViewBuilds(new ViewThread());
  // A build can take seconds, during which the project may be switched or the
  // dataset changed: the answer is for the project asked, and the dataset as it is then.
  const viewReady = async (id: number, query: GridQuery, ctx: HandlerContext) => {
    const db = wb.db;
    for (let attempt = 1; ; attempt++) {
      const info = getDataset(db, id);
      await views.ready(db, info, query, { signal: ctx.signal, onProgress: (p) => ctx.progress(viewBuildProgress(p, query, info.columns, info.rows)) });
      if (!db.open || !wb.info() || wb.db !== db) {
        throw new ApiError('cancelled', `The project was closed or switched while the view of dataset ${id} was being built; ask again in the project now open.`);
      }
      // Past a few changes in a row, the synchronous functions build the view of the present state in place.
      if (isCurrentState(db, info) || attempt === VIEW_ATTEMPTS) return { db, info: getDataset(db, id) };
    }
  };
  const runs = new RunQueue(wb, { prepare: (db, info, recipe) => analysis.run(db, { op: 'prepare', info, recipe }) });
  const reports = new ReportService(wb, runs);
  const models = new ModelService(wb, new RunModelSource(wb, runs, (db, info, recipe) => analysis.run(db, { op: 'prepare', info, recipe })));
  return {
    'app.info': () => ({ version: host.version, host: host.host, project: wb.info() }),
    'project.current': () => wb.info(),
    'project.recent': () => wb.recentProjects(),
    'project.new': ({ path }) => wb.create(path),
    'project.open': ({ path }) => wb.open(path),
    'project.saveAs': ({ path }) => wb.saveAs(path),
    'dataset.list': () => listDatasets(wb.db),
    'dataset.get': ({ id }) => getDataset(wb.db, id),
    'dataset.page': ({ id, offset, limit }) => {
      const info = getDataset(wb.db, id);
      const n = Math.max(0, Math.min(limit, info.rows - offset));
      return encodeArrowPage(info.columns, readColumns(wb.db, info, offset, n));
    },
    // Sorted and filtered views are built off the host's thread first (see node/views/viewBuilds.ts).
    'dataset.queryPage': async ({ id, query, offset, limit }, ctx) => {
      const { db, info } = await viewReady(id, query, ctx);
      return encodeQueryPage(info.columns, queryPage(db, info, query, offset, limit));
    },
    'dataset.queryCount': async ({ id, query }, ctx) => {
      const { db, info } = await viewReady(id, query, ctx);
      return { rows: queryCount(db, info, query), description: describeQuery(query, info.columns) };
    },
    'dataset.queryPosition': async ({ id, query, row }, ctx) => {
      const { db, info } = await viewReady(id, query, ctx);
      return { position: queryPosition(db, info, query, row) };
    },
    'dataset.import': ({ path, name, displayName, delimiter, onBadLines }, ctx) =>
      wb.importFile({ path: wb.resolvePath(path), name, displayName, delimiter, onBadLines, signal: ctx.signal, onProgress: ctx.progress }),
    'dataset.setColumnKind': ({ id, column, kind }) =>
      wb.write((db) => {
        const info = setColumnKind(db, id, column, kind);
        forgetDatasetViews(db, id);
        return info;
      }),
    'dataset.rename': ({ id, name }) => wb.write((db) => renameDataset(db, id, name)),
    'dataset.delete': ({ id }) =>
      wb.write((db) => {
        deleteDataset(db, id);
        forgetDatasetViews(db, id);
        return { id };
      }),
    'dataset.profile': ({ id }) => analysis.run(wb.db, { op: 'profile', info: getDataset(wb.db, id) }),
    'chart.render': ({ id, chart, format, width, height, scale }) =>
      analysis.run(wb.db, { op: 'chart', info: getDataset(wb.db, id), chart, format: { type: format, width, height, scale } }),
    'recipe.list': () => listRecipes(wb.db),
    'recipe.get': ({ id }) => getRecipe(wb.db, id),
    'recipe.save': ({ id, recipe }) => wb.write((db) => saveRecipe(db, id, recipe)),
    'recipe.duplicate': ({ id }) => wb.write((db) => duplicateRecipe(db, id)),
    'recipe.delete': ({ id }) =>
      wb.write((db) => {
        deleteRecipe(db, id);
        return { id };
      }),
    'recipe.exportPython': ({ format, dask, ...source }) => recipeExportFile(wb.db, { source, format, dask }),
    'recipe.preview': ({ datasetId, recipe }) => analysis.run(wb.db, { op: 'preview', info: getDataset(wb.db, datasetId), recipe }),
    'run.estimate': ({ recipe, datasetId }) => estimateFor(wb.db, recipe, datasetId),
    'run.start': ({ recipeId, datasetId }) => runs.start(recipeId, datasetId),
    'run.cancel': ({ id }) => runs.cancel(id),
    'run.list': () => runs.list(),
    'run.get': ({ id }) => runs.get(id),
    'run.delete': ({ id }) => runs.delete(id),
    'run.update': ({ id, ...changes }) => runs.update(id, changes),
    'run.rerun': ({ id }) => runs.rerun(id),
    'run.table': () => runsTable(runs),
    'run.compare': ({ models, ...options }) => compareRuns(runs, models, options),
    'run.compareChart': ({ models, chart, format, width, height, scale }) => exportCompareChart(runs, models, chart, { type: format, width, height, scale }),
    'report.list': () => reports.list(),
    'report.get': ({ id }) => reports.get(id),
    'report.save': ({ id, report }) => reports.save(id, report),
    'report.delete': ({ id }) => reports.delete(id),
    'report.fromRun': ({ runId }) => reports.fromRun(runId),
    'report.addSlide': ({ id, slide }) => reports.addSlide(id, slide),
    'report.export': ({ id, format }, ctx) => reports.export(id, format, ctx.signal),
    'table.render': ({ table, format, scale }) => {
      const { option, width, height } = tableChart(table);
      return drawChart(option, undefined, 'table', { type: format, width, height, scale });
    },
    'model.file': ({ runId, modelId, threshold }) => models.file(runId, modelId, threshold ?? null),
    'model.check': ({ source, datasetId }) => models.check(source, datasetId),
    'model.score': (input, ctx) => models.score(input, { signal: ctx.signal, progress: ctx.progress }),
    'model.export': async ({ runId, modelId, format, threshold }) => {
      const { model } = await models.load({ runId, modelId });
      const f = exportModelFile(model, format, threshold);
      return { fileName: f.fileName, mime: f.mime, data: Buffer.from(f.bytes).toString('base64'), notes: f.notes };
    },
    'run.chart': ({ id, modelId, chart, format, width, height, scale }) => {
      const record = runs.record(id);
      if (!record) throw new ApiError('not-found', `Run ${id} has no results to draw: it ${runs.summary(id).status === 'failed' ? 'failed' : 'finished nothing'} before any model was scored.`);
      return exportRunChart(record, modelId, chart, { type: format, width, height, scale });
    },
  };
}
