// `npm start`'s decisions: the desktop app in Electron where it can run,
// otherwise the same workbench served on 127.0.0.1 for a browser. Everything
// that touches the machine comes in as an effect, so each way a first launch
// can go is tested with fakes (test/scripts/startPlan.test.ts); start.mjs
// supplies the real effects. Types: startPlan.d.mts.

import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

const FALLBACK = 'serving the workbench for your browser instead.';
/** Signals by which the user, not a fault, ends a run (Ctrl+C, kill, closed terminal). */
const USER_SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };
const WEB_FLAG = '--web';

export function wantsWeb(args, env) {
  return args.includes(WEB_FLAG) || env.ASSAY_WEB === '1';
}

const PROJECT_FILE = /\.assay$/i;

/**
 * What start.mjs passes on to Electron or the web host: everything but its
 * own flag, with project files named relative to the folder the user ran
 * `npm start` in (npm runs the script in the package's folder, and says
 * where it was run from in INIT_CWD).
 */
export function passThroughArgs(args, from = null) {
  return args
    .filter((a) => a !== WEB_FLAG)
    .map((a) => (from && !a.startsWith('-') && PROJECT_FILE.test(a) && !isAbsolute(a) ? resolve(from, a) : a));
}

/** `node scripts/start.mjs` before anything was built: what to run instead, or null when the build is there. */
export function missingBuild(root, exists = existsSync) {
  const web = join(root, 'out', 'main', 'web.js');
  return exists(web) ? null : `Assay is not built yet (${web} is missing): run \`npm start\`, which builds it first, or \`npm run build\`.`;
}

export function displayMissing(platform, env) {
  return platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY;
}

export function unavailableLine(reason) {
  return `Electron is not available (${reason}); ${FALLBACK}`;
}

export function startFailedLine(failure, discardError = null) {
  let rebuild = '';
  if (discardError) rebuild = `its better-sqlite3 build could not be removed (${discardError}), delete it to have it made again; `;
  else if (failure.cachedBuildUnusable) rebuild = 'its better-sqlite3 build is made again at the next start; ';
  return `Electron could not start (${failure.reason}); ${rebuild}${FALLBACK}`;
}

/** An error in one line: a file-system error's message names its code and path; a stack adds nothing here. */
function oneLine(e) {
  return (e instanceof Error ? e.message : String(e)).split(/\r?\n/)[0];
}

/** npm start's cache of better-sqlite3 for Electron (scripts/electronSqlite.mjs): a path naming it names the culprit. */
const CACHED_ADDON = /[\\/]native[\\/]electron-\d+[\\/]better_sqlite3\.node\b/;

const ABI_ERROR = /The module '([^']+)'\s+was compiled against a different Node\.js version using\s+NODE_MODULE_VERSION (\d+)\.\s+This version of Node\.js requires\s+NODE_MODULE_VERSION (\d+)/;

/** The ABI error spans five lines; one line of it says what is wrong. */
function abiMismatchReason(text) {
  const m = ABI_ERROR.exec(text);
  if (!m) return null;
  const module = m[1].split(/[\\/]/).pop();
  return `${module} was built for NODE_MODULE_VERSION ${m[2]} but Electron needs ${m[3]}`;
}

/**
 * The line of Electron's stderr that says what went wrong: an error line
 * rather than Chromium's own log lines (`[pid:…:ERROR:bus.cc]`, usually
 * harmless) or stack frames; otherwise its last line.
 */
function stderrReason(tail) {
  const lines = tail
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('at '));
  const own = lines.filter((l) => !l.startsWith('['));
  // An error with its message ("TypeError: …", "error while loading shared libraries: …"), not a preamble.
  return own.find((l) => /^\w*Error:|\berror\b.*:/i.test(l)) ?? own.at(-1) ?? lines.at(-1) ?? null;
}

/**
 * Whether an Electron run failed to start, and why: it ended before its
 * window loaded, neither cleanly (a second instance hands its file to the
 * first and quits with 0) nor because the user stopped it.
 */
export function startupFailure(exit) {
  if (exit.spawnError) return { reason: `it failed to start: ${exit.spawnError}`, cachedBuildUnusable: false };
  if (exit.loaded) return null;
  if (exit.signal && exit.signal in USER_SIGNALS) return null;
  if (exit.code === 0 && !exit.signal) return null;
  const said = [exit.failure, exit.stderrTail].filter(Boolean).join('\n');
  const abi = abiMismatchReason(said);
  if (abi) return { reason: abi, cachedBuildUnusable: true };
  const text = exit.failure?.trim() ? exit.failure.trim().split(/\r?\n/)[0] : exit.stderrTail ? stderrReason(exit.stderrTail) : null;
  const fallback = exit.signal ? `it was stopped by ${exit.signal}` : `it exited with code ${exit.code}`;
  // A cached addon that cannot be loaded (damaged, another architecture) is built again.
  const cachedLine = said.split(/\r?\n/).find((l) => CACHED_ADDON.test(l));
  if (cachedLine) return { reason: text && CACHED_ADDON.test(text) ? text : cachedLine.trim(), cachedBuildUnusable: true };
  return { reason: text ?? fallback, cachedBuildUnusable: false };
}

/**
 * What the main process signalled in its start-up file (one JSON line per
 * event, src-main/electron/startupSignal.ts): whether its window loaded,
 * and the first failure it reported.
 */
export function readStartupSignals(text) {
  const events = [];
  for (const line of text.split('\n')) {
    try {
      if (line.trim()) events.push(JSON.parse(line));
    } catch {
      // A line cut short by a crash says nothing.
    }
  }
  const failed = events.find((e) => e?.state === 'failed' && typeof e.message === 'string');
  return { loaded: events.some((e) => e?.state === 'loaded'), ...(failed ? { failure: failed.message } : {}) };
}

/** The exit code `npm start` passes on, as a shell reports a process a signal ended (128 + n). */
export function electronExitCode(exit) {
  if (exit.code !== null) return exit.code;
  const n = exit.signal ? USER_SIGNALS[exit.signal] : undefined;
  return n ? 128 + n : 1;
}

export async function planStart(input, effects) {
  const args = passThroughArgs(input.args, input.env.INIT_CWD || input.cwd || null);
  const web = (line) => ({ host: 'web', args, line });
  if (wantsWeb(input.args, input.env)) return web('');
  if (displayMissing(input.platform, input.env)) return web(unavailableLine('no display to open a window on'));

  const electron = effects.electronPackage();
  if (!electron) return web(unavailableLine('the electron package is not installed'));
  const binary = await effects.electronBinary();
  if (!binary.path) return web(unavailableLine(binary.why));
  // Only now, with a binary to run it, is building the native module worth its minute.
  let sqlite;
  try {
    sqlite = await effects.ensureSqliteForElectron(electron);
  } catch (e) {
    // A full disk or a locked folder must not stop the workbench from being served.
    sqlite = { ok: false, why: oneLine(e) };
  }
  if (!sqlite.ok) return web(unavailableLine(`better-sqlite3 could not be built for Electron ${electron.version}: ${sqlite.why}`));

  const exit = await effects.launchElectron(binary.path, args);
  const failure = startupFailure(exit);
  if (!failure) return { host: 'electron', exitCode: electronExitCode(exit) };
  let discardError = null;
  if (failure.cachedBuildUnusable) {
    try {
      effects.discardSqliteForElectron(electron);
    } catch (e) {
      discardError = oneLine(e);
    }
  }
  return web(startFailedLine(failure, discardError));
}
