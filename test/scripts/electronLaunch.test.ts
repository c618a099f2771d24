/**
 * The launcher against stand-in Electron binaries (small Node programs): it
 * passes the start-up file to the main process and reports how the run ended.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchElectron } from '../../scripts/electronLaunch.mjs';
import { startupFailure } from '../../scripts/startPlan.mjs';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'assay-launch-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function fakeElectron(body: string): string {
  const file = join(dir, 'electron');
  writeFileSync(file, `#!${process.execPath}\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

describe.skipIf(process.platform === 'win32')('launchElectron', () => {
  it('reports a window that loaded, with the app folder and arguments passed on', async () => {
    const binary = fakeElectron(`
      const fs = require('node:fs');
      if (process.argv[2] !== '/app' || process.argv[3] !== '--project') process.exit(9);
      fs.appendFileSync(process.env.ASSAY_STARTUP_FILE, JSON.stringify({ state: 'loaded' }) + '\\n');
      process.exit(0);`);
    const exit = await launchElectron(binary, '/app', ['--project', 'a.assay']);
    expect(exit).toMatchObject({ code: 0, signal: null, loaded: true });
    expect(startupFailure(exit)).toBeNull();
  });

  it('reports the NODE_MODULE_VERSION error of a main process that could not start', async () => {
    const binary = fakeElectron(`
      process.stderr.write("App threw an error during load\\nError: The module '/a/better_sqlite3.node'\\nwas compiled against a different Node.js version using\\nNODE_MODULE_VERSION 115. This version of Node.js requires\\nNODE_MODULE_VERSION 150. Please try re-compiling\\n");
      process.exit(1);`);
    const exit = await launchElectron(binary, '/app', []);
    expect(exit).toMatchObject({ code: 1, loaded: false });
    expect(startupFailure(exit)).toEqual({ reason: 'better_sqlite3.node was built for NODE_MODULE_VERSION 115 but Electron needs 150', cachedBuildUnusable: true });
  });

  it('reports the failure the main process signalled', async () => {
    const binary = fakeElectron(`
      require('node:fs').appendFileSync(process.env.ASSAY_STARTUP_FILE, JSON.stringify({ state: 'failed', message: 'no project folder' }) + '\\n');
      process.exit(1);`);
    const exit = await launchElectron(binary, '/app', []);
    expect(startupFailure(exit)).toEqual({ reason: 'no project folder', cachedBuildUnusable: false });
  });

  it('reports a binary that cannot be spawned', async () => {
    const exit = await launchElectron(join(dir, 'missing'), '/app', []);
    expect(exit).toMatchObject({ code: null, loaded: false, spawnError: expect.stringContaining('ENOENT') });
  });
});
