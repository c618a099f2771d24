/**
 * better-sqlite3 built for Electron, once, into out/native/electron-<abi>/:
 * the build steps are played by a fake runner (the real ones download from
 * outside the npm registry); the files and the cache are real, in a temp folder.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buildFailureReason,
  discardSqliteForElectron,
  ensureSqliteForElectron,
  nodeGypScript,
  sqliteCachePath,
  type BuildEffects,
  type RunResult,
} from '../../scripts/electronSqlite.mjs';
import { electronSqliteBuildPath } from '../../src-main/electron/nativeBinding';

const electron = { version: '45.4.1', abi: '150' };
let root: string;
let nodeBuild: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'assay-electron-sqlite-'));
  const pkg = join(root, 'node_modules', 'better-sqlite3');
  mkdirSync(join(pkg, 'src'), { recursive: true });
  mkdirSync(join(pkg, 'build', 'Release'), { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: '12.11.1' }));
  writeFileSync(join(pkg, 'binding.gyp'), '{}');
  writeFileSync(join(pkg, 'src', 'better_sqlite3.cpp'), '// source');
  nodeBuild = join(pkg, 'build', 'Release', 'better_sqlite3.node');
  writeFileSync(nodeBuild, 'node abi');
  // prebuild-install, as better-sqlite3's dependency, hoisted
  mkdirSync(join(root, 'node_modules', 'prebuild-install'), { recursive: true });
  writeFileSync(join(root, 'node_modules', 'prebuild-install', 'package.json'), JSON.stringify({ name: 'prebuild-install', version: '7.1.3' }));
  writeFileSync(join(root, 'node_modules', 'prebuild-install', 'bin.js'), '');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const env = { npm_config_node_gyp: '/npm/node_modules/node-gyp/bin/node-gyp.js' };

/** A runner whose steps succeed or fail as told; a success leaves the addon where the real tools put it. */
function fakeRunner(outcomes: { prebuilt: boolean | string; compile: boolean | string }) {
  const runs: { tool: string; args: string[]; cwd: string; staged: string[] }[] = [];
  const lines: string[] = [];
  const effects: BuildEffects = {
    async run(script, args, { cwd }): Promise<RunResult> {
      const tool = script.includes('prebuild-install') ? 'prebuilt' : 'compile';
      runs.push({ tool, args, cwd, staged: readdirSync(cwd).sort() });
      const outcome = outcomes[tool as 'prebuilt' | 'compile'];
      if (outcome !== true) return { ok: false, output: typeof outcome === 'string' ? outcome : '' };
      mkdirSync(join(cwd, 'build', 'Release'), { recursive: true });
      writeFileSync(join(cwd, 'build', 'Release', 'better_sqlite3.node'), `electron abi by ${tool}`);
      return { ok: true, output: '' };
    },
    log: (line) => lines.push(line),
  };
  return { effects, runs, lines };
}

const options = () => ({ root, electron, arch: 'x64', env });
const cacheDir = () => join(root, 'out', 'native', 'electron-150');

describe('ensureSqliteForElectron', () => {
  it('fetches the prebuilt binary for Electron’s ABI into the cache, leaving Node’s build in place', async () => {
    const { effects, runs, lines } = fakeRunner({ prebuilt: true, compile: false });
    expect(await ensureSqliteForElectron(options(), effects)).toEqual({ ok: true });
    expect(runs.map((r) => r.tool)).toEqual(['prebuilt']);
    expect(runs[0].args).toEqual(['--runtime', 'electron', '--target', '45.4.1', '--arch', 'x64']);
    // a copy of the package without Node's build, so that build is never overwritten
    expect(runs[0].staged).toEqual(['binding.gyp', 'package.json', 'src']);
    expect(readFileSync(sqliteCachePath(root, '150'), 'utf8')).toBe('electron abi by prebuilt');
    expect(readFileSync(nodeBuild, 'utf8')).toBe('node abi');
    expect(readdirSync(cacheDir()).sort()).toEqual(['better-sqlite3.version', 'better_sqlite3.node', 'build.log']);
    expect(readFileSync(join(cacheDir(), 'build.log'), 'utf8')).toMatch(/^better-sqlite3 12\.11\.1 for Electron 45\.4\.1 \(NODE_MODULE_VERSION 150\), x64\n/);
    expect(lines).toEqual(['Building better-sqlite3 for Electron 45.4.1 once (cached in out/native/electron-150)…']);
  });

  it('builds from source with Electron’s headers where no prebuilt binary can be had', async () => {
    const { effects, runs } = fakeRunner({ prebuilt: false, compile: true });
    expect(await ensureSqliteForElectron(options(), effects)).toEqual({ ok: true });
    expect(runs.map((r) => r.tool)).toEqual(['prebuilt', 'compile']);
    expect(runs[1].args).toEqual(['rebuild', '--release', '--target=45.4.1', '--arch=x64', '--dist-url=https://electronjs.org/headers']);
    expect(readFileSync(sqliteCachePath(root, '150'), 'utf8')).toBe('electron abi by compile');
  });

  it('does nothing once the build for this better-sqlite3 version is cached', async () => {
    const first = fakeRunner({ prebuilt: true, compile: false });
    await ensureSqliteForElectron(options(), first.effects);
    const again = fakeRunner({ prebuilt: true, compile: false });
    expect(await ensureSqliteForElectron(options(), again.effects)).toEqual({ ok: true });
    expect(again.runs).toEqual([]);
    expect(again.lines).toEqual([]);
  });

  it('builds again after better-sqlite3 was upgraded (its JavaScript and addon must match)', async () => {
    await ensureSqliteForElectron(options(), fakeRunner({ prebuilt: true, compile: false }).effects);
    writeFileSync(join(root, 'node_modules', 'better-sqlite3', 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: '12.12.0' }));
    const again = fakeRunner({ prebuilt: false, compile: true });
    expect(await ensureSqliteForElectron(options(), again.effects)).toEqual({ ok: true });
    expect(again.runs.map((r) => r.tool)).toEqual(['prebuilt', 'compile']);
    expect(readFileSync(join(cacheDir(), 'better-sqlite3.version'), 'utf8')).toBe('12.12.0 x64');
  });

  it('says in one line why the build failed and where its log is, and caches nothing', async () => {
    const gyp = ['make: g++: No such file or directory', 'gyp ERR! build error', 'gyp ERR! stack Error: `make` failed with exit code: 2', 'gyp ERR! not ok'].join('\n');
    const { effects } = fakeRunner({ prebuilt: 'prebuild-install warn install getaddrinfo ENOTFOUND github.com', compile: gyp });
    const result = await ensureSqliteForElectron(options(), effects);
    expect(result).toEqual({
      ok: false,
      why: `no prebuilt binary could be downloaded and building it failed: make: g++: No such file or directory (\`make\` failed with exit code: 2); see ${join('out', 'native', 'electron-150', 'build.log')}`,
    });
    expect(existsSync(sqliteCachePath(root, '150'))).toBe(false);
    expect(readdirSync(cacheDir())).toEqual(['build.log']);
  });

  it('says so when npm’s node-gyp cannot be found', async () => {
    const { effects, runs } = fakeRunner({ prebuilt: false, compile: true });
    const result = await ensureSqliteForElectron({ ...options(), env: {} }, effects);
    expect(result).toMatchObject({ ok: false, why: expect.stringContaining('node-gyp was not found') });
    expect(runs.map((r) => r.tool)).toEqual(['prebuilt']);
  });

  it('says so when better-sqlite3 is not installed', async () => {
    rmSync(join(root, 'node_modules', 'better-sqlite3'), { recursive: true });
    const { effects } = fakeRunner({ prebuilt: true, compile: true });
    expect(await ensureSqliteForElectron(options(), effects)).toEqual({ ok: false, why: 'better-sqlite3 is not installed (run npm install)' });
  });

  it('builds again for another architecture (npm run dist packing for arm64 on x64)', async () => {
    await ensureSqliteForElectron(options(), fakeRunner({ prebuilt: true, compile: false }).effects);
    const arm = fakeRunner({ prebuilt: true, compile: false });
    expect(await ensureSqliteForElectron({ ...options(), arch: 'arm64' }, arm.effects)).toEqual({ ok: true });
    expect(arm.runs[0].args).toEqual(['--runtime', 'electron', '--target', '45.4.1', '--arch', 'arm64']);
  });

  it('is discarded, so the next start builds it again', async () => {
    await ensureSqliteForElectron(options(), fakeRunner({ prebuilt: true, compile: false }).effects);
    discardSqliteForElectron(root, '150');
    expect(existsSync(sqliteCachePath(root, '150'))).toBe(false);
    const again = fakeRunner({ prebuilt: true, compile: false });
    expect(await ensureSqliteForElectron(options(), again.effects)).toEqual({ ok: true });
    expect(again.runs.map((r) => r.tool)).toEqual(['prebuilt']);
  });

  it('lets two starts at once each finish their build: neither removes the other’s copy of the package', async () => {
    const seen: string[][] = [];
    let arrived = 0;
    let bothIn: () => void = () => {};
    const bothStarted = new Promise<void>((r) => (bothIn = r));
    const racer = (name: string): BuildEffects => ({
      async run(_script, _args, { cwd, logFile }) {
        // Both builds are under way before either finishes, as with two terminals.
        if (++arrived === 2) bothIn();
        await bothStarted;
        seen.push(readdirSync(cwd).sort());
        if (!existsSync(join(cwd, 'package.json'))) return { ok: false, output: `${cwd} vanished` };
        expect(existsSync(logFile), `${name}'s log`).toBe(true);
        mkdirSync(join(cwd, 'build', 'Release'), { recursive: true });
        writeFileSync(join(cwd, 'build', 'Release', 'better_sqlite3.node'), `built by ${name}`);
        return { ok: true, output: '' };
      },
      log: () => {},
    });
    const results = await Promise.all([ensureSqliteForElectron(options(), racer('a')), ensureSqliteForElectron(options(), racer('b'))]);
    expect(results).toEqual([{ ok: true }, { ok: true }]);
    expect(seen).toEqual([
      ['binding.gyp', 'package.json', 'src'],
      ['binding.gyp', 'package.json', 'src'],
    ]);
    expect(readFileSync(sqliteCachePath(root, '150'), 'utf8')).toMatch(/^built by [ab]$/);
    expect(readdirSync(cacheDir()).sort()).toEqual(['better-sqlite3.version', 'better_sqlite3.node', 'build.log']);
  });

  it('keeps another start’s build going when a failed start discards the cache meanwhile', async () => {
    let stagedAfterDiscard: string[] = [];
    const effects: BuildEffects = {
      async run(_script, _args, { cwd }) {
        discardSqliteForElectron(root, '150');
        stagedAfterDiscard = readdirSync(cwd).sort();
        mkdirSync(join(cwd, 'build', 'Release'), { recursive: true });
        writeFileSync(join(cwd, 'build', 'Release', 'better_sqlite3.node'), 'built');
        return { ok: true, output: '' };
      },
      log: () => {},
    };
    expect(await ensureSqliteForElectron(options(), effects)).toEqual({ ok: true });
    expect(stagedAfterDiscard).toEqual(['binding.gyp', 'package.json', 'src']);
  });

  it('clears the copies left by a start that was killed mid-build, not those of a start still running', async () => {
    const dead = join(cacheDir(), 'staging-999999999-abc');
    const alive = join(cacheDir(), `staging-${process.ppid}-abc`);
    mkdirSync(dead, { recursive: true });
    mkdirSync(alive, { recursive: true });
    writeFileSync(join(cacheDir(), 'build-999999999-abc.log'), 'cut short');
    await ensureSqliteForElectron(options(), fakeRunner({ prebuilt: true, compile: false }).effects);
    expect(readdirSync(cacheDir()).sort()).toEqual(['better-sqlite3.version', 'better_sqlite3.node', 'build.log', `staging-${process.ppid}-abc`]);
  });

  it('says in one line what the file system refused (a file where its folder should be), and does not throw', async () => {
    writeFileSync(join(root, 'out'), 'not a folder');
    const result = await ensureSqliteForElectron(options(), fakeRunner({ prebuilt: true, compile: false }).effects);
    expect(result).toEqual({ ok: false, why: expect.stringMatching(/^its cache could not be written \(ENOTDIR: .*out.*\)$/) });
    expect((result as { why: string }).why).not.toContain('\n');
  });
});

describe('the cache path', () => {
  it('is where the Electron main process looks for it (out/native/electron-<abi>/better_sqlite3.node)', () => {
    expect(relative(root, sqliteCachePath(root, '150'))).toBe(join('out', 'native', 'electron-150', 'better_sqlite3.node'));
    expect(electronSqliteBuildPath(join(root, 'out'), '150')).toBe(sqliteCachePath(root, '150'));
  });
});

describe('buildFailureReason', () => {
  it('names the network failure of a header download', () => {
    expect(buildFailureReason('gyp info it worked\ngyp ERR! stack Error: getaddrinfo ENOTFOUND electronjs.org\ngyp ERR! not ok\n')).toBe('getaddrinfo ENOTFOUND electronjs.org');
  });

  it('names the download that failed when node-gyp blames network connectivity', () => {
    const out = [
      'gyp info using node-gyp@12.4.0',
      'gyp http GET https://electronjs.org/headers/v45.4.1/node-v45.4.1-headers.tar.gz',
      'gyp WARN install got an error, rolling back install',
      'gyp ERR! configure error ',
      'gyp ERR! stack Error: This is most likely not a problem with node-gyp or the package itself and',
      'gyp ERR! stack is related to network connectivity. In most cases you are behind a proxy or have bad',
      'gyp ERR! stack network settings.',
      'gyp ERR! stack at go (/usr/lib/node_modules/npm/node_modules/node-gyp/lib/install.js:244:21)',
      'gyp ERR! not ok ',
    ].join('\n');
    expect(buildFailureReason(out)).toBe('https://electronjs.org/headers/v45.4.1/node-v45.4.1-headers.tar.gz could not be downloaded (no network, or a proxy in the way)');
  });

  it('reads an error message node-gyp wraps over several lines as one', () => {
    const out = 'gyp ERR! stack Error: first part\ngyp ERR! stack second part\ngyp ERR! stack at x (y.js:1:1)\n';
    expect(buildFailureReason(out)).toBe('first part second part');
  });

  it('names a missing Python', () => {
    const out = 'gyp ERR! find Python You need to install the latest version of Python.\ngyp ERR! stack Error: Could not find any Python installation to use\n';
    expect(buildFailureReason(out)).toBe('Could not find any Python installation to use');
  });

  it('puts the compiler’s first error before make’s exit code', () => {
    const out = '../src/better_sqlite3.cpp:1:10: fatal error: node.h: No such file or directory\nmake: *** [x] Error 1\ngyp ERR! stack Error: `make` failed with exit code: 2\n';
    expect(buildFailureReason(out)).toBe('../src/better_sqlite3.cpp:1:10: fatal error: node.h: No such file or directory (`make` failed with exit code: 2)');
  });

  it('falls back to the last line, or says there was no output', () => {
    expect(buildFailureReason('something odd\n')).toBe('something odd');
    expect(buildFailureReason('')).toBe('it gave no output');
  });
});

describe('nodeGypScript', () => {
  it('is npm’s own node-gyp: the one npm names for scripts, else the one beside npm-cli.js', () => {
    expect(nodeGypScript({ npm_config_node_gyp: '/a/node-gyp.js' }, () => true)).toBe('/a/node-gyp.js');
    const beside = join('/usr', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
    expect(nodeGypScript({ npm_execpath: join('/usr', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js') }, (p) => p === beside)).toBe(beside);
    expect(nodeGypScript({}, () => true)).toBeNull();
  });
});
