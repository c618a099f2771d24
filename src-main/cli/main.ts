import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ASSAY_VERSION } from '../core/version';
import { Workbench } from '../node/app/workbench';
import { assayHome, resourcesDir } from '../node/app/paths';

const USAGE = `usage: assay <command>

commands:
  import PROJECT.assay FILE [--name NAME]   import a CSV, TSV or Arrow file into a project (created if missing)
  version                                   print Assay's version`;

/** The headless entry point; later issues add `run` and `profile`. */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'version' || command === '--version') {
    console.log(ASSAY_VERSION);
    return 0;
  }
  if (command === 'import') {
    const { values, positionals } = parseArgs({ args: rest, options: { name: { type: 'string' } }, allowPositionals: true });
    const [project, file] = positionals;
    if (!project || !file) {
      console.error(USAGE);
      return 2;
    }
    const wb = await Workbench.start({ home: assayHome(), resources: resourcesDir(), empty: true });
    if (existsSync(project)) wb.open(project);
    else wb.create(project);
    try {
      const started = Date.now();
      const info = await wb.importFile({
        path: file,
        name: values.name,
        onProgress: (p) => {
          if (process.stderr.isTTY && p.total) process.stderr.write(`\rimporting ${((100 * p.done) / p.total).toFixed(0)}%`);
        },
      });
      if (process.stderr.isTTY) process.stderr.write('\n');
      console.log(`${info.name}: ${info.rows} rows × ${info.columns.length} columns in ${((Date.now() - started) / 1000).toFixed(2)} s`);
      for (const n of info.notes) console.log(`note: ${n}`);
      return 0;
    } finally {
      wb.close();
    }
  }
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`assay: ${(e as Error).message ?? String(e)}`);
    process.exit(1);
  },
);
