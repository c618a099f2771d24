import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Workbench } from '../../node/app/workbench';
import { assayHome, resourcesDir } from '../../node/app/paths';
import { progressBar } from '../progressBar';

export const IMPORT_USAGE = 'assay import PROJECT.assay FILE [--name NAME]';

export async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { name: { type: 'string' } }, allowPositionals: true });
  const [project, file] = positionals;
  if (!project || !file) {
    console.error(`usage: ${IMPORT_USAGE}`);
    return 2;
  }
  const wb = await Workbench.start({ home: assayHome(), resources: resourcesDir(), empty: true });
  if (existsSync(project)) wb.open(project);
  else wb.create(project);
  const bar = progressBar();
  try {
    const started = Date.now();
    const info = await wb.importFile({ path: file, name: values.name, onProgress: (p) => bar.update(p) });
    bar.done();
    console.log(`${info.name}: ${info.rows} rows × ${info.columns.length} columns in ${((Date.now() - started) / 1000).toFixed(2)} s`);
    for (const n of info.notes) console.log(`note: ${n}`);
    return 0;
  } finally {
    bar.done();
    wb.close();
  }
}
