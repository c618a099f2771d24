// better-sqlite3 built for the installed Electron, once, cached in
// out/native/electron-<abi>/ where the Electron main process finds it
// (src-main/electron/nativeBinding.ts). Built in a copy of the package, so
// the build in node_modules stays Node's, for the CLI, the web host and the tests.
import { spawn } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';

const ADDON = 'better_sqlite3.node';
const STAMP = 'better-sqlite3.version';
const LOG = 'build.log';
const ELECTRON_HEADERS = 'https://electronjs.org/headers';

export function sqliteCacheDir(root, abi) {
  return join(root, 'out', 'native', `electron-${abi}`);
}

export function sqliteCachePath(root, abi) {
  return join(sqliteCacheDir(root, abi), ADDON);
}

/**
 * node-gyp's failure in one line: its `stack Error:` message (which it wraps
 * over several `stack` lines), after the first compiler or tool error that
 * caused it; for a failed download, the address it could not fetch.
 */
export function buildFailureReason(output) {
  const lines = output
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const start = lines.findIndex((l) => l.startsWith('gyp ERR! stack Error: '));
  let stack = null;
  if (start >= 0) {
    const parts = [lines[start].slice('gyp ERR! stack Error: '.length)];
    for (const l of lines.slice(start + 1)) {
      const more = /^gyp ERR! stack (.*)$/.exec(l)?.[1];
      if (!more || more.startsWith('at ')) break;
      parts.push(more);
    }
    stack = parts.join(' ');
  }
  const fetched = lines.map((l) => /^gyp http GET (\S+)/.exec(l)?.[1]).filter(Boolean).at(-1);
  if (stack && fetched && /network connectivity/.test(stack)) return `${fetched} could not be downloaded (no network, or a proxy in the way)`;
  const cause = lines.find((l) => !l.startsWith('gyp ') && !l.startsWith('make: ***') && /error|No such file|not found/i.test(l));
  if (stack && cause) return `${cause} (${stack})`;
  return stack ?? cause ?? lines.at(-1) ?? 'it gave no output';
}

/** npm's own node-gyp, which `npm start` names to its scripts; npm-cli.js's sibling otherwise. */
export function nodeGypScript(env, exists = existsSync) {
  if (env.npm_config_node_gyp) return env.npm_config_node_gyp;
  if (!env.npm_execpath) return null;
  const beside = join(dirname(dirname(env.npm_execpath)), 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  return exists(beside) ? beside : null;
}

function installedVersion(packageDir) {
  try {
    return JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version ?? null;
  } catch {
    return null;
  }
}

function prebuildInstallScript(packageDir) {
  try {
    return createRequire(join(packageDir, 'package.json')).resolve('prebuild-install/bin.js');
  } catch {
    return null;
  }
}

function isCached(addon, stamp, wanted) {
  try {
    return existsSync(addon) && readFileSync(stamp, 'utf8') === wanted;
  } catch {
    return false;
  }
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user.
    return e?.code === 'EPERM';
  }
}

/** The copies and logs of starts killed mid-build; those of a start still building stay. */
function clearAbandoned(dir) {
  for (const name of readdirSync(dir)) {
    const pid = /^(?:staging|build)-(\d+)-/.exec(name)?.[1];
    if (pid && Number(pid) !== process.pid && !processAlive(Number(pid))) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

/** A file-system error in one line: its code and message, which name the path. */
function fsErrorReason(e) {
  return e instanceof Error ? e.message.split(/\r?\n/)[0] : String(e);
}

/**
 * Two `npm start`s may build at once (two terminals, a double launch): each
 * builds in its own copy of the package with its own log, and only renames
 * finished files into place, so neither ever removes what the other is using.
 */
export async function ensureSqliteForElectron({ root, electron, arch, env }, { run, log }) {
  const packageDir = join(root, 'node_modules', 'better-sqlite3');
  const version = installedVersion(packageDir);
  if (!version) return { ok: false, why: 'better-sqlite3 is not installed (run npm install)' };
  const dir = sqliteCacheDir(root, electron.abi);
  const addon = join(dir, ADDON);
  const stamp = join(dir, STAMP);
  // The addon must match better-sqlite3's JavaScript and the machine it runs on.
  const wanted = `${version} ${arch}`;
  if (isCached(addon, stamp, wanted)) return { ok: true };

  log(`Building better-sqlite3 for Electron ${electron.version} once (cached in ${relative(root, dir)})…`);
  let staging = null;
  try {
    mkdirSync(dir, { recursive: true });
    clearAbandoned(dir);
    staging = mkdtempSync(join(dir, `staging-${process.pid}-`));
    const logFile = join(dir, `build-${basename(staging).slice('staging-'.length)}.log`);
    writeFileSync(logFile, `better-sqlite3 ${version} for Electron ${electron.version} (NODE_MODULE_VERSION ${electron.abi}), ${arch}\n`);
    try {
      return await buildInto(staging, { root, packageDir, electron, arch, env, run, logFile, addon, stamp, wanted });
    } finally {
      renameSync(logFile, join(dir, LOG));
    }
  } catch (e) {
    return { ok: false, why: `its cache could not be written (${fsErrorReason(e)})` };
  } finally {
    if (staging) rmSync(staging, { recursive: true, force: true });
  }
}

async function buildInto(staging, { root, packageDir, electron, arch, env, run, logFile, addon, stamp, wanted }) {
  const copied = (src) => !['build', 'node_modules'].includes(relative(packageDir, src).split(/[\\/]/)[0]);
  cpSync(packageDir, staging, { recursive: true, filter: copied });
  const built = join(staging, 'build', 'Release', ADDON);
  const prebuilt = prebuildInstallScript(packageDir);
  if (prebuilt) await run(prebuilt, ['--runtime', 'electron', '--target', electron.version, '--arch', arch], { cwd: staging, logFile });
  if (!existsSync(built)) {
    const gyp = nodeGypScript(env);
    if (!gyp) return { ok: false, why: 'no prebuilt binary could be downloaded and node-gyp was not found (start Assay with npm start)' };
    const args = ['rebuild', '--release', `--target=${electron.version}`, `--arch=${arch}`, `--dist-url=${ELECTRON_HEADERS}`];
    const compiled = await run(gyp, args, { cwd: staging, logFile });
    if (!compiled.ok || !existsSync(built)) {
      const shownLog = join(dirname(logFile), LOG);
      return {
        ok: false,
        why: `no prebuilt binary could be downloaded and building it failed: ${buildFailureReason(compiled.output)}; see ${relative(root, shownLog)}`,
      };
    }
  }
  // Renamed into place, so a build cut short never leaves a half-written addon
  // behind; the stamp last, so an addon without its stamp is built again.
  renameSync(built, addon);
  const stampTemp = `${logFile}.stamp`;
  writeFileSync(stampTemp, wanted);
  renameSync(stampTemp, stamp);
  return { ok: true };
}

/**
 * Drops the cached addon so the next start builds it again. Only the addon
 * and its stamp: another start may be building in this folder right now.
 */
export function discardSqliteForElectron(root, abi) {
  const dir = sqliteCacheDir(root, abi);
  rmSync(join(dir, STAMP), { force: true });
  rmSync(join(dir, ADDON), { force: true });
}

/** Keeps this much of a command's output for its one-line failure reason. */
const OUTPUT_TAIL = 64 * 1024;

export function runLogged(script, args, { cwd, logFile }) {
  return new Promise((resolve) => {
    const logStream = createWriteStream(logFile, { flags: 'a' });
    logStream.write(`$ node ${script} ${args.join(' ')}\n`);
    let output = '';
    const child = spawn(process.execPath, [script, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const keep = (chunk) => {
      logStream.write(chunk);
      output = (output + chunk.toString()).slice(-OUTPUT_TAIL);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const finish = (ok, extra) => {
      if (extra) output += `\n${extra}`;
      logStream.end(() => resolve({ ok, output }));
    };
    child.on('error', (e) => finish(false, e.message));
    child.on('close', (code) => finish(code === 0, ''));
  });
}
