import { existsSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isTooManyFieldsError } from '../../core/ingest/rowShape';
import { cliPath, cliWorkbench } from '../cliWorkbench';
import { progressBar } from '../progressBar';

export const IMPORT_USAGE = 'assay import PROJECT.assay FILE [--name NAME] [--skip-bad-lines]';

export async function importCommand(args: string[], signal?: AbortSignal): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { name: { type: 'string' }, 'skip-bad-lines': { type: 'boolean' } },
    allowPositionals: true,
  });
  const [projectArg, fileArg] = positionals;
  if (!projectArg || !fileArg) {
    console.error(`usage: ${IMPORT_USAGE}`);
    return 2;
  }
  const project = cliPath(projectArg);
  const wb = await cliWorkbench();
  // A project made for this import only goes again if the import fails: no empty project is left behind.
  const created = existsSync(project) ? null : wb.create(project).path;
  if (!created) wb.open(project);
  const bar = progressBar();
  let imported = false;
  try {
    const started = Date.now();
    const info = await wb.importFile({
      path: cliPath(fileArg),
      name: values.name,
      onBadLines: values['skip-bad-lines'] ? 'skip' : 'error',
      signal,
      onProgress: (p) => bar.update(p),
    });
    bar.done();
    console.log(`${info.name}: ${info.rows} rows × ${info.columns.length} columns in ${((Date.now() - started) / 1000).toFixed(2)} s`);
    for (const n of info.notes) console.log(`note: ${n}`);
    imported = true;
    return 0;
  } catch (e) {
    if (isTooManyFieldsError(e)) console.error('hint: add --skip-bad-lines to import the file without the rows that have too many fields.');
    throw e;
  } finally {
    bar.done();
    await wb.close();
    if (created && !imported) removeProjectFile(created);
  }
}

/** Removes a project file and the side files SQLite keeps beside it. */
function removeProjectFile(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}
