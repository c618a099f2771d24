/**
 * `npm start`'s decisions with fake effects: no Electron binary can be had
 * here, so every way a first launch can go is played by a stand-in.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  displayMissing,
  electronExitCode,
  missingBuild,
  planStart,
  startupFailure,
  type ElectronExit,
  type StartEffects,
  type StartInput,
} from '../../scripts/startPlan.mjs';

const electron = { version: '45.4.1', abi: '150' };
const desktop: StartInput = { args: [], platform: 'linux', env: { DISPLAY: ':0' } };

/** The NODE_MODULE_VERSION error as Electron's main process reports it. */
const abiError =
  "The module '/home/a/assay/node_modules/better-sqlite3/build/Release/better_sqlite3.node'\n" +
  'was compiled against a different Node.js version using\n' +
  'NODE_MODULE_VERSION 115. This version of Node.js requires\n' +
  'NODE_MODULE_VERSION 150. Please try re-compiling or re-installing\n' +
  'the module (for instance, using `npm rebuild` or `npm install`).';

function fakes(over: Partial<StartEffects> = {}) {
  const calls: string[] = [];
  const effects: StartEffects = {
    electronPackage: () => {
      calls.push('package');
      return electron;
    },
    electronBinary: async () => {
      calls.push('binary');
      return { path: '/e/electron' };
    },
    ensureSqliteForElectron: async () => {
      calls.push('sqlite');
      return { ok: true };
    },
    discardSqliteForElectron: () => {
      calls.push('discard');
    },
    launchElectron: async (binary, args) => {
      calls.push(`launch ${binary} ${args.join(' ')}`.trim());
      return { code: 0, signal: null, loaded: true };
    },
    ...over,
  };
  return { effects, calls };
}

describe('planStart', () => {
  it('launches Electron with the built native module when everything is there, and exits with its code', async () => {
    const { effects, calls } = fakes({
      launchElectron: async (binary, args) => {
        calls.push(`launch ${binary} ${args.join(' ')}`);
        return { code: 3, signal: null, loaded: true };
      },
    });
    const outcome = await planStart({ ...desktop, args: ['--project', 'a.assay'] }, effects);
    expect(outcome).toEqual({ host: 'electron', exitCode: 3 });
    expect(calls).toEqual(['package', 'binary', 'sqlite', 'launch /e/electron --project a.assay']);
  });

  it('serves the web host without a word when asked to (--web or ASSAY_WEB=1), passing the other arguments on', async () => {
    const { effects, calls } = fakes();
    expect(await planStart({ ...desktop, args: ['--web', '--port', '9'] }, effects)).toEqual({ host: 'web', args: ['--port', '9'], line: '' });
    expect(await planStart({ ...desktop, env: { DISPLAY: ':0', ASSAY_WEB: '1' } }, effects)).toEqual({ host: 'web', args: [], line: '' });
    expect(calls).toEqual([]);
  });

  it('serves the web host when there is no display to open a window on', async () => {
    const { effects, calls } = fakes();
    const outcome = await planStart({ ...desktop, env: {} }, effects);
    expect(outcome).toEqual({
      host: 'web',
      args: [],
      line: 'Electron is not available (no display to open a window on); serving the workbench for your browser instead.',
    });
    expect(calls).toEqual([]);
  });

  it('serves the web host when the electron package is not installed', async () => {
    const { effects } = fakes({ electronPackage: () => null });
    const outcome = await planStart(desktop, effects);
    expect(outcome).toMatchObject({ host: 'web', line: expect.stringContaining('(the electron package is not installed)') });
  });

  it('serves the web host when Electron’s binary could not be downloaded, building nothing', async () => {
    const { effects, calls } = fakes({
      electronBinary: async () => {
        calls.push('binary');
        return { path: null, why: 'its binary could not be downloaded' };
      },
    });
    const outcome = await planStart(desktop, effects);
    expect(outcome).toEqual({
      host: 'web',
      args: [],
      line: 'Electron is not available (its binary could not be downloaded); serving the workbench for your browser instead.',
    });
    expect(calls).toEqual(['package', 'binary']);
  });

  it('says in one line why better-sqlite3 could not be built for Electron, and serves the web host without launching it', async () => {
    const { effects, calls } = fakes({
      ensureSqliteForElectron: async () => {
        calls.push('sqlite');
        return { ok: false, why: 'no C++ compiler (make: g++: No such file or directory); see out/native/electron-150/build.log' };
      },
    });
    const outcome = await planStart(desktop, effects);
    expect(outcome.host).toBe('web');
    const line = (outcome as { line: string }).line;
    expect(line).toBe(
      'Electron is not available (better-sqlite3 could not be built for Electron 45.4.1: no C++ compiler (make: g++: No such file or directory); see out/native/electron-150/build.log); serving the workbench for your browser instead.',
    );
    expect(line).not.toContain('\n');
    expect(calls).toEqual(['package', 'binary', 'sqlite']);
  });

  it('falls back to the web host when Electron exits at start-up with the NODE_MODULE_VERSION error, and drops the cached build', async () => {
    const { effects, calls } = fakes({
      launchElectron: async () => {
        calls.push('launch');
        return { code: 1, signal: null, loaded: false, failure: abiError };
      },
    });
    const outcome = await planStart(desktop, effects);
    expect(outcome).toEqual({
      host: 'web',
      args: [],
      line:
        'Electron could not start (better_sqlite3.node was built for NODE_MODULE_VERSION 115 but Electron needs 150); ' +
        'its better-sqlite3 build is made again at the next start; serving the workbench for your browser instead.',
    });
    expect(calls).toEqual(['package', 'binary', 'sqlite', 'launch', 'discard']);
  });

  it('drops a damaged or wrong-architecture cached build that failed to load, and says so in one line', async () => {
    const cached = '/home/a/assay/out/native/electron-150/better_sqlite3.node';
    for (const failure of [`${cached}: invalid ELF header`, `dlopen(${cached}, 0x0001): tried: '${cached}' (mach-o file, but is an incompatible architecture)`, `${cached}: file too short`]) {
      const { effects, calls } = fakes({
        launchElectron: async () => {
          calls.push('launch');
          return { code: 1, signal: null, loaded: false, failure };
        },
      });
      const outcome = await planStart(desktop, effects);
      expect(outcome, failure).toEqual({
        host: 'web',
        args: [],
        line: `Electron could not start (${failure}); its better-sqlite3 build is made again at the next start; serving the workbench for your browser instead.`,
      });
      expect(calls, failure).toEqual(['package', 'binary', 'sqlite', 'launch', 'discard']);
    }
  });

  it('keeps other failures to load a library from dropping the cached build', async () => {
    const { effects, calls } = fakes({
      launchElectron: async () => ({ code: 1, signal: null, loaded: false, failure: '/usr/lib/libnss3.so: invalid ELF header' }),
    });
    await planStart(desktop, effects);
    expect(calls).not.toContain('discard');
  });

  it('says in one line what the file system refused while building, and serves the web host', async () => {
    for (const code of ['ENOTDIR', 'EPERM', 'EBUSY', 'ENOSPC']) {
      const { effects, calls } = fakes({
        ensureSqliteForElectron: async () => {
          throw Object.assign(new Error(`${code}: it refused, mkdir '/home/a/assay/out/native'\n    at mkdirSync`), { code });
        },
      });
      const outcome = await planStart(desktop, effects);
      expect(outcome, code).toEqual({
        host: 'web',
        args: [],
        line: `Electron is not available (better-sqlite3 could not be built for Electron 45.4.1: ${code}: it refused, mkdir '/home/a/assay/out/native'); serving the workbench for your browser instead.`,
      });
      expect(calls).not.toContain(expect.stringMatching(/^launch/));
    }
  });

  it('says so when the cached build cannot be dropped, and still serves the web host', async () => {
    const { effects } = fakes({
      launchElectron: async () => ({ code: 1, signal: null, loaded: false, failure: abiError }),
      discardSqliteForElectron: () => {
        throw Object.assign(new Error("EBUSY: resource busy or locked, unlink '/a/out/native/electron-150/better_sqlite3.node'"), { code: 'EBUSY' });
      },
    });
    expect(await planStart(desktop, effects)).toEqual({
      host: 'web',
      args: [],
      line:
        'Electron could not start (better_sqlite3.node was built for NODE_MODULE_VERSION 115 but Electron needs 150); ' +
        "its better-sqlite3 build could not be removed (EBUSY: resource busy or locked, unlink '/a/out/native/electron-150/better_sqlite3.node'), delete it to have it made again; " +
        'serving the workbench for your browser instead.',
    });
  });

  it('hands Electron project files named relative to the folder npm start was run in', async () => {
    const { effects, calls } = fakes();
    await planStart({ ...desktop, args: ['q3.assay', '--inspect', '/abs/deck.assay'], env: { DISPLAY: ':0', INIT_CWD: '/home/a/work' }, cwd: '/home/a/assay' }, effects);
    expect(calls.at(-1)).toBe(`launch /e/electron ${join('/home/a/work', 'q3.assay')} --inspect /abs/deck.assay`);
    const plain = fakes();
    await planStart({ ...desktop, args: ['q3.assay'], cwd: '/home/a/assay' }, plain.effects);
    expect(plain.calls.at(-1)).toBe(`launch /e/electron ${join('/home/a/assay', 'q3.assay')}`);
  });

  it('falls back with the reason Electron printed when it crashed before its window loaded', async () => {
    const { effects, calls } = fakes({
      launchElectron: async () => ({
        code: 127,
        signal: null,
        loaded: false,
        stderrTail: '/e/electron: error while loading shared libraries: libnss3.so: cannot open shared object file: No such file or directory\n',
      }),
    });
    const outcome = await planStart(desktop, effects);
    expect(outcome).toMatchObject({
      host: 'web',
      line: 'Electron could not start (/e/electron: error while loading shared libraries: libnss3.so: cannot open shared object file: No such file or directory); serving the workbench for your browser instead.',
    });
    expect(calls).not.toContain('discard');
  });

  it('falls back when the binary cannot be spawned at all', async () => {
    const { effects } = fakes({ launchElectron: async () => ({ code: null, signal: null, loaded: false, spawnError: 'spawn /e/electron EACCES' }) });
    expect(await planStart(desktop, effects)).toMatchObject({ host: 'web', line: expect.stringContaining('(it failed to start: spawn /e/electron EACCES)') });
  });

  it('exits with Electron’s code, without a fallback, once its window had loaded, even when it failed later', async () => {
    const { effects } = fakes({ launchElectron: async () => ({ code: 1, signal: null, loaded: true, stderrTail: 'Error: later\n' }) });
    expect(await planStart(desktop, effects)).toEqual({ host: 'electron', exitCode: 1 });
  });

  it('exits quietly when Electron quit cleanly before a window (a second instance handing its file to the first)', async () => {
    const { effects } = fakes({ launchElectron: async () => ({ code: 0, signal: null, loaded: false }) });
    expect(await planStart(desktop, effects)).toEqual({ host: 'electron', exitCode: 0 });
  });
});

describe('startupFailure', () => {
  const early = (over: Partial<ElectronExit>): ElectronExit => ({ code: 1, signal: null, loaded: false, ...over });

  it('is none when the user stopped Electron (Ctrl+C) before its window loaded', () => {
    expect(startupFailure(early({ code: null, signal: 'SIGINT' }))).toBeNull();
    expect(electronExitCode(early({ code: null, signal: 'SIGINT' }))).toBe(130);
    expect(electronExitCode(early({ code: null, signal: 'SIGTERM' }))).toBe(143);
  });

  it('names a crash by its signal', () => {
    expect(startupFailure(early({ code: null, signal: 'SIGTRAP' }))).toEqual({ reason: 'it was stopped by SIGTRAP', cachedBuildUnusable: false });
  });

  it('prefers an error line of stderr to Chromium’s log lines and stack frames', () => {
    const stderrTail = [
      '[123:0101/000000.000:ERROR:bus.cc(407)] Failed to connect to the bus',
      'App threw an error during load',
      "Error: Cannot find module 'x'",
      '    at Module._resolveFilename (node:internal/modules/cjs/loader:1)',
      '',
    ].join('\n');
    expect(startupFailure(early({ stderrTail }))).toEqual({ reason: "Error: Cannot find module 'x'", cachedBuildUnusable: false });
  });

  it('recognises the NODE_MODULE_VERSION error in stderr too', () => {
    expect(startupFailure(early({ stderrTail: `Error: ${abiError}\n    at process.func [as dlopen]\n` }))).toEqual({
      reason: 'better_sqlite3.node was built for NODE_MODULE_VERSION 115 but Electron needs 150',
      cachedBuildUnusable: true,
    });
  });

  it('says the exit code when Electron said nothing', () => {
    expect(startupFailure(early({ code: 2 }))).toEqual({ reason: 'it exited with code 2', cachedBuildUnusable: false });
  });
});

describe('missingBuild', () => {
  it('says in one line to run npm start when out/ was not built', () => {
    expect(missingBuild('/home/a/assay', () => false)).toBe(
      `Assay is not built yet (${join('/home/a/assay', 'out', 'main', 'web.js')} is missing): run \`npm start\`, which builds it first, or \`npm run build\`.`,
    );
    expect(missingBuild('/home/a/assay', () => true)).toBeNull();
  });

  it('is what `node scripts/start.mjs` prints in a checkout without out/, and nothing more', () => {
    const copy = mkdtempSync(join(tmpdir(), 'assay-start-unbuilt-'));
    try {
      cpSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scripts'), join(copy, 'scripts'), { recursive: true });
      const run = spawnSync(process.execPath, [join(copy, 'scripts', 'start.mjs')], { encoding: 'utf8', env: { ...process.env, DISPLAY: '' } });
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`${missingBuild(copy, () => false)}\n`);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe('displayMissing', () => {
  it('needs X11 or Wayland on Linux only', () => {
    expect(displayMissing('linux', {})).toBe(true);
    expect(displayMissing('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(false);
    expect(displayMissing('linux', { DISPLAY: ':1' })).toBe(false);
    expect(displayMissing('darwin', {})).toBe(false);
    expect(displayMissing('win32', {})).toBe(false);
  });
});
