#!/usr/bin/env node
// `assay …` from a clone: runs the CLI from source through tsx, so it never
// depends on a stale build.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(root, 'src-main', 'cli', 'main.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: process.cwd(),
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
