import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { cliPath, cliWorkbench } from '../cliWorkbench';
import { progressBar } from '../progressBar';

export const IMPORT_USAGE = 'assay import PROJECT.assay FILE [--name NAME]';

export async function importCommand(args: string[], signal?: AbortSignal): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { name: { type: 'string' } }, allowPositionals: true });
  const [projectArg, fileArg] = positionals;
  if (!projectArg || !fileArg) {
    console.error(`usage: ${IMPORT_USAGE}`);
    return 2;
  }
  const project = cliPath(projectArg);
  const wb = await cliWorkbench();
  if (existsSync(project)) wb.open(project);
  else wb.create(project);
  const bar = progressBar();
  try {
    const started = Date.now();
    const info = await wb.importFile({ path: cliPath(fileArg), name: values.name, signal, onProgress: (p) => bar.update(p) });
    bar.done();
    console.log(`${info.name}: ${info.rows} rows × ${info.columns.length} columns in ${((Date.now() - started) / 1000).toFixed(2)} s`);
    for (const n of info.notes) console.log(`note: ${n}`);
    return 0;
  } finally {
    bar.done();
    await wb.close();
  }
}
