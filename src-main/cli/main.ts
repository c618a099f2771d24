import { constants } from 'node:os';
import { ApiError } from '../core/api/errors';
import { ASSAY_VERSION } from '../core/version';

// Each command is imported when it runs: together they load the store, the
// engine, the report writers and their libraries, which takes longer than
// most commands (and `assay version`) themselves.
const commands = {
  run: () => import('./commands/runCommand'),
  import: () => import('./commands/importCommand'),
  profile: () => import('./commands/profileCommand'),
  compare: () => import('./commands/compareCommand'),
  report: () => import('./commands/reportCommand'),
  score: () => import('./commands/scoreCommand'),
  exportRecipe: () => import('./commands/exportRecipeCommand'),
  export: () => import('./commands/exportCommand'),
};

async function usage(): Promise<string> {
  const [run, imp, profile, compare, report, score, exp, exportRecipe] = await Promise.all([
    commands.run(),
    commands.import(),
    commands.profile(),
    commands.compare(),
    commands.report(),
    commands.score(),
    commands.export(),
    commands.exportRecipe(),
  ]);
  return `usage:
  ${run.RUN_USAGE}
      run a recipe without the UI (a progress bar on a terminal; --json prints one JSON document)
  ${imp.IMPORT_USAGE}
      import a CSV, TSV or Arrow file into a project (created if missing)
  ${profile.PROFILE_USAGE}
      profile a CSV, TSV or Arrow file: shape, info, describe, missing values, duplicates, value counts, correlations (--json: one JSON document)
  ${compare.COMPARE_USAGE}
      compare 2–4 models of runs side by side (RUN: a run.json or the folder assay run --out writes; without #MODEL, its champion), with McNemar's test and the corrected t-test (--json: one JSON document)
  ${report.REPORT_USAGE}
      write a run's report as a PowerPoint deck with native charts and an executive summary (RUN: a run.json or the folder assay run --out writes; --pdf also a PDF, needs LibreOffice; --images DIR the slides as PNG/SVG)
  ${score.SCORE_USAGE}
      score a CSV or TSV file with a model file (MODEL: a .assaymodel that assay run --out writes or the app saves); writes row, prediction, p_<class> per class and note per input row (--keep-columns: the input columns first), and the confusion matrix when the file has the labels
  ${exp.EXPORT_USAGE}
      write a model file's model as XGBoost JSON (gradient boosting) or ONNX (every model type), reading the prepared features (see the README for the preparation steps to apply)
  ${exportRecipe.EXPORT_RECIPE_USAGE}
      write a recipe as the scikit-learn program that reproduces its run (--format sklearn: a .py script; notebook: a Jupyter notebook; --dask: the grid searches on a Dask cluster), printing one JSON document like assay run --json
  assay version
Relative paths are taken from the current folder; ~ is your home folder.`;
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** How long a stopped command may take to roll back before the process ends regardless. */
const STOP_GRACE_MS = 3000;

const stop = new AbortController();
let stoppedBy: (typeof STOP_SIGNALS)[number] | null = null;
const signalExitCode = (s: (typeof STOP_SIGNALS)[number]) => 128 + constants.signals[s];

// A signal cancels the command (an import rolls back, a run stops its
// workers) and the process then ends with the shell's 128 + signal; a command
// that does not stop in time is ended regardless. Repeated signals change
// nothing: a Ctrl+C under bin/assay.mjs arrives twice, from the terminal and
// forwarded by the wrapper.
for (const s of STOP_SIGNALS) {
  process.on(s, () => {
    if (stoppedBy) return;
    stoppedBy = s;
    stop.abort();
    setTimeout(() => process.exit(signalExitCode(s)), STOP_GRACE_MS).unref();
  });
}

// A reader that goes away (`assay profile … | head`) is not an error of the command.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

/** The headless entry point. */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'version':
    case '--version':
      process.stdout.write(`${ASSAY_VERSION}\n`);
      return 0;
    case 'run':
      return (await commands.run()).runCommand(rest, stop.signal);
    case 'import':
      return (await commands.import()).importCommand(rest, stop.signal);
    case 'profile':
      return (await commands.profile()).profileCommand(rest, stop.signal);
    case 'compare':
      return (await commands.compare()).compareCommand(rest);
    case 'report':
      return (await commands.report()).reportCommand(rest, stop.signal);
    case 'score':
      return (await commands.score()).scoreCommand(rest, stop.signal);
    case 'export-recipe':
      return (await commands.exportRecipe()).exportRecipeCommand(rest, stop.signal);
    case 'export':
      return (await commands.export()).exportCommand(rest);
    default:
      console.error(await usage());
      return 2;
  }
}

/** Resolves once everything written to `stream` so far has reached the pipe, file or terminal. */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.writableLength === 0) resolve();
    // Writes complete in order, so this callback runs after every earlier one.
    else stream.write('', () => resolve());
  });
}

/**
 * Ends the process only once stdout and stderr are flushed: `process.exit`
 * right after a large write to a pipe drops what the pipe had not taken yet
 * (everything past the first 64 KiB of `assay run --json | jq`).
 */
async function finish(code: number): Promise<never> {
  process.exitCode = code;
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}

main(process.argv.slice(2)).then(
  (code) => finish(stoppedBy ? signalExitCode(stoppedBy) : code),
  (e: unknown) => {
    const cancelled = e instanceof ApiError && e.code === 'cancelled';
    console.error(`assay: ${(e as Error).message ?? String(e)}`);
    return finish(stoppedBy ? signalExitCode(stoppedBy) : cancelled ? 130 : 1);
  },
);
