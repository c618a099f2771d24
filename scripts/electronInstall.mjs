// The installed electron package and its binary, as `npm start` needs them.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * Electron's version and NODE_MODULE_VERSION, read from its npm package
 * without running it: the package ships `abi_version`; node-abi's table
 * answers for a package that does not.
 */
export function electronPackage(root) {
  const dir = join(root, 'node_modules', 'electron');
  let version;
  try {
    version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
  let abi = existsSync(join(dir, 'abi_version')) ? readFileSync(join(dir, 'abi_version'), 'utf8').trim() : '';
  if (!abi) {
    try {
      abi = String(createRequire(join(root, 'package.json'))('node-abi').getAbi(version, 'electron'));
    } catch {
      return null;
    }
  }
  return { version, abi };
}

function runInstallScript(script) {
  return spawnSync(process.execPath, [script], { stdio: 'ignore', timeout: 120_000 }).status === 0;
}

/**
 * Electron's binary, downloaded once (from outside the npm registry) where it
 * is missing; a line says so first, as the download takes a while.
 */
export function electronBinary(root, { log = (line) => console.log(line), install = runInstallScript } = {}) {
  const dir = join(root, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  const binary = () => (existsSync(pathFile) ? join(dir, 'dist', readFileSync(pathFile, 'utf8')) : null);
  const present = () => {
    const b = binary();
    return b !== null && existsSync(b);
  };
  if (!present()) {
    const version = electronPackage(root)?.version ?? '';
    log(`Downloading Electron ${version} once (about 100 MB, from outside the npm registry; this can take a few minutes)…`.replace('Electron  ', 'Electron '));
    if (!install(join(dir, 'install.js')) || !present()) return { path: null, why: 'its binary could not be downloaded' };
  }
  return { path: binary() };
}
