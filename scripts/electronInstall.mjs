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

/** Electron's binary, downloaded once (from outside the npm registry) where it is missing. */
export function electronBinary(root) {
  const dir = join(root, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  const binary = () => (existsSync(pathFile) ? join(dir, 'dist', readFileSync(pathFile, 'utf8')) : null);
  const present = () => {
    const b = binary();
    return b !== null && existsSync(b);
  };
  if (!present()) {
    const r = spawnSync(process.execPath, [join(dir, 'install.js')], { stdio: 'ignore', timeout: 120_000 });
    if (r.status !== 0 || !present()) return { path: null, why: 'its binary could not be downloaded' };
  }
  return { path: binary() };
}
