import { ApiError } from '../core/api/errors';
import { ASSAY_VERSION } from '../core/version';
import { IMPORT_USAGE, importCommand } from './commands/importCommand';
import { PROFILE_USAGE, profileCommand } from './commands/profileCommand';
import { RUN_USAGE, runCommand } from './commands/runCommand';

const USAGE = `usage:
  ${RUN_USAGE}
      run a recipe without the UI (a progress bar on a terminal; --json prints one JSON document)
  ${IMPORT_USAGE}
      import a CSV, TSV or Arrow file into a project (created if missing)
  ${PROFILE_USAGE}
      profile a CSV, TSV or Arrow file: shape, info, describe, missing values, duplicates, value counts, correlations (--json: one JSON document)
  assay version`;

/** The headless entry point. */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'version':
    case '--version':
      console.log(ASSAY_VERSION);
      return 0;
    case 'run':
      return runCommand(rest);
    case 'import':
      return importCommand(rest);
    case 'profile':
      return profileCommand(rest);
    default:
      console.error(USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    const cancelled = e instanceof ApiError && e.code === 'cancelled';
    console.error(`assay: ${(e as Error).message ?? String(e)}`);
    process.exit(cancelled ? 130 : 1);
  },
);
