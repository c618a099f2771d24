/** Electron's version and ABI, read from its npm package without running it. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronBinary, electronPackage } from '../../scripts/electronInstall.mjs';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'assay-electron-package-'));
  writeFileSync(join(root, 'package.json'), '{}');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function installElectron(version: string, abi?: string): void {
  const dir = join(root, 'node_modules', 'electron');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'electron', version }));
  if (abi !== undefined) writeFileSync(join(dir, 'abi_version'), abi);
}

describe('electronPackage', () => {
  it('reads the version and the abi_version file the package ships', () => {
    installElectron('45.4.1', '150\n');
    expect(electronPackage(root)).toEqual({ version: '45.4.1', abi: '150' });
  });

  it('asks node-abi for the ABI of a package without abi_version', () => {
    installElectron('45.4.1');
    symlinkSync(resolve('node_modules', 'node-abi'), join(root, 'node_modules', 'node-abi'), 'dir');
    expect(electronPackage(root)).toEqual({ version: '45.4.1', abi: '150' });
  });

  it('is none when electron is not installed, or its ABI cannot be known', () => {
    expect(electronPackage(root)).toBeNull();
    installElectron('45.4.1');
    expect(electronPackage(root)).toBeNull();
  });

  it('matches the electron installed here', () => {
    expect(electronPackage(resolve('.'))).toMatchObject({ version: expect.stringMatching(/^\d+\.\d+\.\d+/), abi: expect.stringMatching(/^\d+$/) });
  });
});

describe('electronBinary', () => {
  it('says in one line that it downloads Electron before the long download, then finds the binary', () => {
    installElectron('45.4.1', '150');
    const dir = join(root, 'node_modules', 'electron');
    const lines: string[] = [];
    const installs: string[] = [];
    const found = electronBinary(root, {
      log: (line) => lines.push(line),
      install: (script) => {
        installs.push(script);
        mkdirSync(join(dir, 'dist'), { recursive: true });
        writeFileSync(join(dir, 'dist', 'electron'), '');
        writeFileSync(join(dir, 'path.txt'), 'electron');
        return true;
      },
    });
    expect(found).toEqual({ path: join(dir, 'dist', 'electron') });
    expect(installs).toEqual([join(dir, 'install.js')]);
    expect(lines).toEqual(['Downloading Electron 45.4.1 once (about 100 MB, from outside the npm registry; this can take a few minutes)…']);
    const again: string[] = [];
    electronBinary(root, { log: (line) => again.push(line), install: () => false });
    expect(again).toEqual([]);
  });

  it('says why there is none when the download fails', () => {
    installElectron('45.4.1', '150');
    expect(electronBinary(root, { log: () => {}, install: () => false })).toEqual({ path: null, why: 'its binary could not be downloaded' });
  });
});
