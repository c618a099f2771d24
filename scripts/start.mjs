#!/usr/bin/env node
// `npm start`: the desktop app in Electron where it can run, otherwise the
// same workbench served on 127.0.0.1 for a browser. The decisions are
// startPlan.mjs's; this file gives them the real machine.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary, electronPackage } from './electronInstall.mjs';
import { launchElectron } from './electronLaunch.mjs';
import { discardSqliteForElectron, ensureSqliteForElectron, runLogged } from './electronSqlite.mjs';
import { missingBuild, planStart } from './startPlan.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function serveWeb(args, line) {
  if (line) console.log(line);
  const child = spawn(process.execPath, [join(root, 'out', 'main', 'web.js'), ...args], { stdio: 'inherit' });
  const forward = (sig) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}

// Run by hand before a build: one line on what to run, not a stack trace from a missing module.
const notBuilt = missingBuild(root);
if (notBuilt) {
  console.error(notBuilt);
  process.exit(1);
}

const outcome = await planStart(
  { args: process.argv.slice(2), platform: process.platform, env: process.env, cwd: process.cwd() },
  {
    electronPackage: () => electronPackage(root),
    electronBinary: async () => electronBinary(root),
    ensureSqliteForElectron: (electron) =>
      ensureSqliteForElectron({ root, electron, arch: process.arch, env: process.env }, { run: runLogged, log: (line) => console.log(line) }),
    discardSqliteForElectron: (electron) => discardSqliteForElectron(root, electron.abi),
    launchElectron: (binary, args) => launchElectron(binary, root, args),
  },
);
if (outcome.host === 'web') serveWeb(outcome.args, outcome.line);
else process.exit(outcome.exitCode);
