#!/usr/bin/env node
// `npm start`: the desktop app in Electron where its binary can be had,
// otherwise the same workbench served on 127.0.0.1 for a browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules', 'electron');
const args = process.argv.slice(2);
const forceWeb = args.includes('--web') || process.env.ASSAY_WEB === '1';
const passThrough = args.filter((a) => a !== '--web');

function electronBinary() {
  if (!existsSync(join(electronDir, 'package.json'))) return { path: null, why: 'the electron package is not installed' };
  const pathFile = join(electronDir, 'path.txt');
  const present = () => existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8')));
  if (!present()) {
    // Electron fetches its binary from outside the npm registry on first use; try once, quietly.
    const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 120_000 });
    if (r.status !== 0 || !present()) return { path: null, why: 'its binary could not be downloaded' };
  }
  return { path: join(electronDir, 'dist', readFileSync(pathFile, 'utf8')), why: '' };
}

function serveWeb(reason) {
  if (reason) console.log(`Electron is not available (${reason}); serving the workbench for your browser instead.`);
  const child = spawn(process.execPath, [join(root, 'out', 'main', 'web.js'), ...passThrough], { stdio: 'inherit' });
  const forward = (sig) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (forceWeb) {
  serveWeb('');
} else if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  serveWeb('no display to open a window on');
} else {
  const { path, why } = electronBinary();
  if (!path) {
    serveWeb(why);
  } else {
    const child = spawn(path, [root, ...passThrough], { stdio: 'inherit' });
    child.on('error', (e) => serveWeb(`it failed to start: ${e.message}`));
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
