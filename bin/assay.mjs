#!/usr/bin/env node
// `assay …` from a clone: runs the built CLI (out/main/cli.js) when the build
// is current, and the CLI from source through tsx otherwise (no build, or an
// input changed since: see buildStamp.mjs), so it never runs a stale build.
// ASSAY_FROM_SOURCE=1 runs the source regardless.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isBuildCurrent } from './buildStamp.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

if (process.env.ASSAY_FROM_SOURCE !== '1' && isBuildCurrent(root)) {
  // In this process: a second Node start would cost as much as the command
  // `assay version`. The CLI handles its own signals and exit code, and reads
  // its arguments from process.argv past this script, as it would past its own.
  await import(pathToFileURL(join(root, 'out', 'main', 'cli.js')).href);
} else {
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(root, 'src-main', 'cli', 'main.ts'), ...process.argv.slice(2)], {
    stdio: 'inherit',
    cwd: process.cwd(),
  });

  // This wrapper is what a shell, a pipeline or a supervisor sees: a signal sent
  // to it must reach the real command, or killing `assay` would leave it running.
  // (A Ctrl+C on a terminal reaches both, and the command stops once.)
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }

  child.on('error', (e) => {
    console.error(`assay: could not start the command (${e.message}).`);
    process.exit(1);
  });
  // The child's status, a signal as the shell reports one: 128 + its number.
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1)));
}
