#!/usr/bin/env node
// `assay …` from a clone: runs the CLI from source through tsx, so it never
// depends on a stale build.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
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
