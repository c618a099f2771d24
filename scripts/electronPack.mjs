// electron-builder's afterPack hook (electron-builder.yml): puts better-sqlite3
// built for the packaged Electron into the packed app. electron-builder's own
// rebuild (npmRebuild) would rebuild node_modules/better-sqlite3 in the project
// itself, leaving Node's CLI, web host and tests an addon they cannot load; this
// builds in out/native/ as `npm start` does (electronSqlite.mjs) and copies the
// result into the package's unpacked copy of better-sqlite3 only.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronPackage } from './electronInstall.mjs';
import { ensureSqliteForElectron, runLogged, sqliteCachePath } from './electronSqlite.mjs';

/** electron-builder's Arch enum (builder-util), by number. */
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/** Where electron-builder puts the app's resources (app.asar and its unpacked files) for a platform. */
export function packedResourcesDir(appOutDir, platformName, productFilename) {
  return platformName === 'darwin' || platformName === 'mas' ? join(appOutDir, `${productFilename}.app`, 'Contents', 'Resources') : join(appOutDir, 'resources');
}

/** better-sqlite3's addon in the packed app: unpacked, as native code cannot be loaded from inside app.asar. */
export function packedSqliteAddon(resourcesDir) {
  return join(resourcesDir, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
}

export async function putSqliteIntoPackage(context, { root, electron, ensure, log }) {
  const arch = ARCH_NAMES[context.arch];
  if (!arch || arch === 'universal') throw new Error(`better-sqlite3 cannot be packed for the architecture ${arch ?? context.arch}: build one installer per architecture (--x64, --arm64).`);
  if (!electron) throw new Error('The electron package is not installed (run npm install): better-sqlite3 cannot be built for it.');
  const packing = context.packager?.info?.framework?.version;
  if (packing && packing !== electron.version) {
    throw new Error(`electron-builder packs Electron ${packing} but node_modules has Electron ${electron.version}: better-sqlite3 must be built for the one packed (remove electronVersion from the configuration, or install that version).`);
  }
  const built = await ensure({ root, electron, arch });
  if (!built.ok) throw new Error(`better-sqlite3 could not be built for Electron ${electron.version} (${arch}): ${built.why}`);
  const resources = packedResourcesDir(context.appOutDir, context.electronPlatformName, context.packager?.appInfo?.productFilename ?? 'Assay');
  const target = packedSqliteAddon(resources);
  const packageDir = dirname(dirname(dirname(target)));
  if (!existsSync(packageDir)) {
    throw new Error(`better-sqlite3 is not unpacked in the package (${packageDir} is missing): electron-builder.yml's asarUnpack must list node_modules/better-sqlite3/**.`);
  }
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(sqliteCachePath(root, electron.abi), target);
  log(`better-sqlite3 for Electron ${electron.version} (${arch}) packed into ${target}`);
  return target;
}

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

export default async function afterPack(context) {
  await putSqliteIntoPackage(context, {
    root: projectRoot,
    electron: electronPackage(projectRoot),
    ensure: (options) => ensureSqliteForElectron({ ...options, env: process.env }, { run: runLogged, log: (line) => console.log(line) }),
    log: (line) => console.log(line),
  });
}
