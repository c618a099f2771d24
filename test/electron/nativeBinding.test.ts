/**
 * The Electron main process's choice of better-sqlite3 addon, with
 * `process.versions.electron` stubbed: under Electron, the build `npm start`
 * cached for its ABI; under Node, the default build. The choice reaches every
 * connection the store opens.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chooseSqliteBinding, electronSqliteBuildPath, useElectronSqliteBinding } from '../../src-main/electron/nativeBinding';
import { Worker } from 'node:worker_threads';
import { setSqliteNativeBinding, sqliteNativeBinding } from '../../src-main/node/store/sqliteBinding';
import { createProjectFile, openProjectFile } from '../../src-main/node/store/projectFile';

let dir: string;
let outDir: string;

function stubElectron(version: string | undefined): void {
  if (version === undefined) delete (process.versions as Record<string, string>).electron;
  else Object.defineProperty(process.versions, 'electron', { value: version, configurable: true, enumerable: true });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'assay-native-binding-'));
  outDir = join(dir, 'out');
  setSqliteNativeBinding(undefined);
});
afterEach(() => {
  stubElectron(undefined);
  setSqliteNativeBinding(undefined);
  delete process.env.ASSAY_SQLITE_BINDING;
  rmSync(dir, { recursive: true, force: true });
});

/** Node's own build, copied to where the cache of this ABI would be. */
function cacheNodeBuild(): string {
  const packageDir = dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json'));
  const cached = electronSqliteBuildPath(outDir, process.versions.modules);
  mkdirSync(dirname(cached), { recursive: true });
  copyFileSync(join(packageDir, 'build', 'Release', 'better_sqlite3.node'), cached);
  return cached;
}

describe('chooseSqliteBinding', () => {
  const everything = () => true;

  it('is the cached build for Electron’s NODE_MODULE_VERSION under Electron', () => {
    expect(chooseSqliteBinding({ electron: '45.4.1', modules: '150' }, '/app/out', everything)).toBe(join('/app/out', 'native', 'electron-150', 'better_sqlite3.node'));
  });

  it('is none under Node, so the CLI, the web host and the tests keep Node’s build', () => {
    expect(chooseSqliteBinding({ modules: '115' }, '/app/out', everything)).toBeUndefined();
  });

  it('is none under Electron when nothing is cached (a packaged app, whose better-sqlite3 was built for it)', () => {
    expect(chooseSqliteBinding({ electron: '45.4.1', modules: '150' }, '/app/out', () => false)).toBeUndefined();
  });

  it('is a regular file only: a folder of that name is not an addon', () => {
    const cached = electronSqliteBuildPath(outDir, '150');
    mkdirSync(cached, { recursive: true });
    expect(chooseSqliteBinding({ electron: '45.4.1', modules: '150' }, outDir)).toBeUndefined();
  });
});

describe('useElectronSqliteBinding', () => {
  it('leaves the binding alone in this Node process', () => {
    cacheNodeBuild();
    expect(useElectronSqliteBinding(outDir)).toBeUndefined();
    expect(sqliteNativeBinding()).toBeUndefined();
  });

  it('with process.versions.electron stubbed, makes the store open projects with the cached build', () => {
    const cached = cacheNodeBuild();
    stubElectron('45.4.1');
    expect(useElectronSqliteBinding(outDir)).toBe(cached);
    expect(sqliteNativeBinding()).toBe(cached);
    const project = join(dir, 'p.assay');
    createProjectFile(project);
    openProjectFile(project).close();
  });

  it('is really what the store loads: a broken cached build fails the open, naming its path', () => {
    const cached = electronSqliteBuildPath(outDir, process.versions.modules);
    mkdirSync(dirname(cached), { recursive: true });
    writeFileSync(cached, 'not an addon');
    stubElectron('45.4.1');
    useElectronSqliteBinding(outDir, process.versions, undefined, () => {});
    expect(() => createProjectFile(join(dir, 'q.assay'))).toThrow(cached);
  });

  it('loads the cached build at start-up, so a damaged one fails the start naming its path (and npm start builds it again)', () => {
    const cached = electronSqliteBuildPath(outDir, process.versions.modules);
    mkdirSync(dirname(cached), { recursive: true });
    writeFileSync(cached, 'not an addon');
    stubElectron('45.4.1');
    expect(() => useElectronSqliteBinding(outDir)).toThrow(cached);
    expect(sqliteNativeBinding()).toBeUndefined();
  });

  it('reaches the worker threads that open the project, but no child process', async () => {
    const cached = cacheNodeBuild();
    stubElectron('45.4.1');
    useElectronSqliteBinding(outDir);
    const inWorker = await new Promise((resolve, reject) => {
      const w = new Worker(
        "const { getEnvironmentData, parentPort } = require('node:worker_threads'); parentPort.postMessage(getEnvironmentData('assay:sqlite-binding') ?? null);",
        { eval: true },
      );
      w.once('message', resolve);
      w.once('error', reject);
    });
    expect(inWorker).toBe(cached);
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(JSON.stringify(process.env))'], { encoding: 'utf8' });
    expect(child.stdout).not.toContain(cached);
  });
});

describe('sqliteNativeBinding', () => {
  it('ignores ASSAY_SQLITE_BINDING: no variable can make the CLI, the web host or a child process load another addon', () => {
    process.env.ASSAY_SQLITE_BINDING = '/tmp/evil.node';
    expect(sqliteNativeBinding()).toBeUndefined();
    stubElectron('45.4.1');
    expect(sqliteNativeBinding()).toBeUndefined();
  });

  it('is honoured under Electron only: Node, where the default build is the right one, ignores a chosen addon', () => {
    const cached = cacheNodeBuild();
    setSqliteNativeBinding(cached);
    expect(sqliteNativeBinding()).toBeUndefined();
    stubElectron('45.4.1');
    expect(sqliteNativeBinding()).toBe(cached);
  });
});
