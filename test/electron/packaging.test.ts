/**
 * The electron-builder configuration. `npm run dist` cannot run here (it
 * downloads Electron), so what can be checked without it is: the file is
 * valid by electron-builder's own schema (its loader and validator, as
 * `electron-builder` runs them), it asks for the installers and file
 * association issue 18 names, and it ships every file the app loads.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import electronViteConfig from '../../electron.vite.config';
import afterPack, { packedResourcesDir, packedSqliteAddon, putSqliteIntoPackage, type PackContext } from '../../scripts/electronPack.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
// electron-builder's own modules, resolved from it so the versions are the ones it uses.
const builderLib = dirname(require.resolve('app-builder-lib/package.json', { paths: [dirname(require.resolve('electron-builder/package.json'))] }));
const { getConfig, validateConfiguration } = require(join(builderLib, 'out/util/config/config.js')) as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<Record<string, unknown>>;
  validateConfiguration(config: Record<string, unknown>, debugLogger: unknown): Promise<void>;
};
const { DebugLogger } = require(require.resolve('builder-util', { paths: [builderLib] })) as { DebugLogger: new (enabled: boolean) => unknown };
const { minimatch } = require(require.resolve('minimatch', { paths: [builderLib] })) as { minimatch: (path: string, pattern: string, o?: object) => boolean };

interface BuilderConfig {
  appId: string;
  productName: string;
  /** As getConfig normalises it: file sets, each a `filter` list of patterns. */
  files: (string | { from?: string; to?: string; filter: string[] })[];
  asarUnpack: string[];
  npmRebuild: boolean;
  afterPack?: string;
  fileAssociations: { ext: string; name: string; role?: string }[];
  linux: { target: string[]; executableName: string };
  mac: { target: string[] };
  win: { target: string[] };
  directories: { output: string };
}

/** Whether electron-builder's `files` list takes `path`: the last pattern that matches it decides. */
function shipped(config: BuilderConfig, path: string): boolean {
  let taken = false;
  const patterns = config.files.flatMap((f) => {
    if (typeof f === 'string') return [f];
    expect(f.from ?? '.', 'a file set copied from elsewhere').toBe('.');
    return f.filter;
  });
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    if (minimatch(path, negated ? pattern.slice(1) : pattern, { dot: true })) taken = !negated;
  }
  return taken;
}

const unpacked = (config: BuilderConfig, path: string) => config.asarUnpack.some((p) => minimatch(path, p, { dot: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(root, join(d.parentPath, d.name)).split(sep).join('/'));
}

describe('the electron-builder configuration', () => {
  let config: BuilderConfig;
  beforeAll(async () => {
    config = (await getConfig(root, null, null)) as unknown as BuilderConfig;
  });

  it('is valid by electron-builder’s schema', async () => {
    await expect(validateConfiguration(config as unknown as Record<string, unknown>, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is checked for real: a key electron-builder does not know is refused', async () => {
    await expect(validateConfiguration({ ...config, fileAssociation: { ext: 'assay' } } as unknown as Record<string, unknown>, new DebugLogger(false))).rejects.toThrow(
      /fileAssociation/,
    );
  });

  it('names the app and builds AppImage and deb, dmg and an NSIS installer into dist/', () => {
    expect(config.appId).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(config.productName).toBe('Assay');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.directories.output).toBe('dist');
  });

  it('names the Linux command assay-desktop, leaving `assay` to the command line', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(Object.keys(pkg.bin)).toEqual(['assay']);
    expect(config.linux.executableName).toBe('assay-desktop');
  });

  it('opens .assay files with Assay', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'assay', name: 'Assay project', role: 'Editor' })]);
  });

  it('never rebuilds node_modules in place, and packs better-sqlite3 built for Electron with its afterPack hook', async () => {
    // npmRebuild would rebuild the project's own node_modules/better-sqlite3 for Electron, breaking the CLI and the tests.
    expect(config.npmRebuild).toBe(false);
    expect(config.afterPack).toBe('./scripts/electronPack.mjs');
    const hook = (await import(join(root, config.afterPack!))) as { default: unknown };
    expect(hook.default).toBe(afterPack);
    expect(unpacked(config, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(true);
    expect(unpacked(config, 'node_modules/@resvg/resvg-js-linux-x64-gnu/resvgjs.linux-x64-gnu.node')).toBe(true);
  });

  it('ships every bundle electron-vite builds: the main entries, the preload and the page', () => {
    const vite = electronViteConfig as unknown as Record<'main' | 'preload', { build: { outDir: string; rollupOptions: { input: Record<string, string>; output?: { entryFileNames?: string } } } }>;
    const mainEntries = Object.keys(vite.main.build.rollupOptions.input).map((name) => `${vite.main.build.outDir}/${name}.js`);
    expect(mainEntries).toContain('out/main/main.js');
    const preloadEntries = Object.keys(vite.preload.build.rollupOptions.input).map((name) =>
      `${vite.preload.build.outDir}/${(vite.preload.build.rollupOptions.output?.entryFileNames ?? '[name].js').replace('[name]', name)}`,
    );
    expect(preloadEntries).toEqual(['out/preload/preload.cjs']);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    for (const file of [pkg.main, ...mainEntries, ...preloadEntries, 'out/main/chunks/store-abc123.js', 'out/renderer/index.html', 'out/renderer/assets/index-abc123.js']) {
      expect(shipped(config, file), file).toBe(true);
    }
  });

  it('ships every file of resources/ and the README, unpacked where native code and the OS read them', () => {
    const resources = filesUnder('resources');
    expect(resources).toContain('resources/fonts/Lato-Regular.ttf');
    for (const file of [...resources, 'README.md']) {
      expect(shipped(config, file), file).toBe(true);
      expect(unpacked(config, file), file).toBe(true);
    }
  });

  it('leaves out what the app does not load: sources, tests and npm start’s own native cache', () => {
    for (const file of ['src-main/electron/main.ts', 'test/electron/packaging.test.ts', 'out/native/electron-140/better_sqlite3.node', 'e2e/electron.spec.ts', 'seeds/a.ipynb']) {
      expect(shipped(config, file), file).toBe(false);
    }
  });
});

describe('the afterPack hook', () => {
  const electron = { version: '45.4.1', abi: '150' };
  let dir: string;
  let project: string;
  let appOutDir: string;
  let nodeBuild: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'assay-after-pack-'));
    project = join(dir, 'project');
    nodeBuild = join(project, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    mkdirSync(dirname(nodeBuild), { recursive: true });
    writeFileSync(nodeBuild, 'node abi');
    appOutDir = join(dir, 'dist', 'linux-unpacked');
    // electron-builder has copied the project's better-sqlite3, Node's build and all, unpacked.
    const packed = packedSqliteAddon(packedResourcesDir(appOutDir, 'linux', 'Assay'));
    mkdirSync(dirname(packed), { recursive: true });
    writeFileSync(packed, 'node abi');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Builds as electronSqlite.mjs does: into out/native, never into node_modules. */
  const ensure = (calls: unknown[]) => async (options: { root: string; electron: { abi: string }; arch: string }) => {
    calls.push(options);
    const cached = join(options.root, 'out', 'native', `electron-${options.electron.abi}`, 'better_sqlite3.node');
    mkdirSync(dirname(cached), { recursive: true });
    writeFileSync(cached, `electron abi ${options.arch}`);
    return { ok: true } as const;
  };
  const context = (over: Partial<PackContext> = {}): PackContext => ({
    appOutDir,
    electronPlatformName: 'linux',
    arch: 1,
    packager: { appInfo: { productFilename: 'Assay' }, info: { framework: { version: '45.4.1' } } },
    ...over,
  });

  it('puts the Electron build into the packed app and leaves the project’s own build Node’s', async () => {
    const calls: unknown[] = [];
    const lines: string[] = [];
    const target = await putSqliteIntoPackage(context(), { root: project, electron, ensure: ensure(calls), log: (l) => lines.push(l) });
    expect(target).toBe(join(appOutDir, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'));
    expect(readFileSync(target, 'utf8')).toBe('electron abi x64');
    expect(readFileSync(nodeBuild, 'utf8')).toBe('node abi');
    expect(calls).toEqual([{ root: project, electron, arch: 'x64' }]);
    expect(lines).toEqual([`better-sqlite3 for Electron 45.4.1 (x64) packed into ${target}`]);
  });

  it('builds for the architecture being packed, and finds macOS’s resources inside the .app', async () => {
    const calls: { arch: string }[] = [];
    const mac = join(dir, 'dist', 'mac-arm64');
    const packed = packedSqliteAddon(packedResourcesDir(mac, 'darwin', 'Assay'));
    expect(packed).toBe(join(mac, 'Assay.app', 'Contents', 'Resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'));
    mkdirSync(dirname(dirname(dirname(packed))), { recursive: true });
    await putSqliteIntoPackage(context({ appOutDir: mac, electronPlatformName: 'darwin', arch: 3 }), { root: project, electron, ensure: ensure(calls), log: () => {} });
    expect(calls.map((c) => c.arch)).toEqual(['arm64']);
    expect(readFileSync(packed, 'utf8')).toBe('electron abi arm64');
  });

  it('fails the packing, saying why, when better-sqlite3 cannot be built or placed', async () => {
    const effects = { root: project, electron, log: () => {} };
    await expect(putSqliteIntoPackage(context(), { ...effects, ensure: async () => ({ ok: false, why: 'no compiler' }) })).rejects.toThrow(
      'better-sqlite3 could not be built for Electron 45.4.1 (x64): no compiler',
    );
    await expect(putSqliteIntoPackage(context({ arch: 4 }), { ...effects, ensure: ensure([]) })).rejects.toThrow(/architecture universal/);
    await expect(
      putSqliteIntoPackage(context({ packager: { info: { framework: { version: '46.0.0' } } } }), { ...effects, ensure: ensure([]) }),
    ).rejects.toThrow('electron-builder packs Electron 46.0.0 but node_modules has Electron 45.4.1');
    rmSync(join(appOutDir, 'resources'), { recursive: true });
    await expect(putSqliteIntoPackage(context(), { ...effects, ensure: ensure([]) })).rejects.toThrow(/better-sqlite3 is not unpacked in the package .*asarUnpack/);
  });
});
