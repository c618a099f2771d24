/**
 * The electron-builder configuration. `npm run dist` cannot run here (it
 * downloads Electron), so what can be checked without it is: the file is
 * valid by electron-builder's own schema (its loader and validator, as
 * `electron-builder` runs them), it asks for the installers and file
 * association issue 18 names, and it ships every file the app loads.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import electronViteConfig from '../../electron.vite.config';

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

  it('rebuilds better-sqlite3 for the packaged Electron and unpacks the native addons', () => {
    expect(config.npmRebuild).toBe(true);
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
