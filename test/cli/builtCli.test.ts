import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildStampPlugin, inputsFingerprint, isBuildCurrent, removeStamp, writeStamp } from '../../bin/buildStamp.mjs';
import { finished } from './cliProcess';

// A clone in miniature: the real wrapper, a "built" CLI and a "source" CLI that say which one ran.
let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'assay-built-cli-'));
  mkdirSync(join(root, 'bin'));
  for (const f of ['assay.mjs', 'buildStamp.mjs']) copyFileSync(resolve('bin', f), join(root, 'bin', f));
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'));
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(root, 'tsconfig.json'), '{}\n');
  mkdirSync(join(root, 'src-main', 'cli'), { recursive: true });
  writeFileSync(join(root, 'src-main', 'cli', 'main.ts'), "const from: string = 'source';\nconsole.log(from, process.argv.slice(2).join(' '));\nprocess.exitCode = 3;\n// a\n");
  mkdirSync(join(root, 'out', 'main'), { recursive: true });
  writeFileSync(join(root, 'out', 'main', 'cli.js'), "console.log('built', process.argv.slice(2).join(' '));\nprocess.exitCode = 4;\n");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** An edit of the same size with the file's times put back, as `cp -p`, `rsync -a` or `touch -r` leave one. */
const editKeepingTimes = (file: string) => {
  const before = statSync(file);
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.includes('// a') ? text.replace('// a', '// b') : text.replace(/[a-z]/, (c) => c.toUpperCase()));
  utimesSync(file, before.atime, before.mtime);
  expect(statSync(file).size).toBe(before.size);
};
const wrapper = (args: string[], env: NodeJS.ProcessEnv = process.env) => finished(spawn(process.execPath, [join(root, 'bin', 'assay.mjs'), ...args], { cwd: root, env }));

describe('the build stamp', () => {
  it('is current only while no input changes', () => {
    expect(isBuildCurrent(root)).toBe(false);
    writeStamp(root, inputsFingerprint(root));
    expect(isBuildCurrent(root)).toBe(true);
    editKeepingTimes(join(root, 'src-main', 'cli', 'main.ts'));
    expect(isBuildCurrent(root)).toBe(false);
  });

  it('sees a new source file, a changed tsconfig and a removed stamp', () => {
    writeStamp(root, inputsFingerprint(root));
    writeFileSync(join(root, 'src-main', 'cli', 'extra.ts'), 'export {};\n');
    expect(isBuildCurrent(root)).toBe(false);
    writeStamp(root, inputsFingerprint(root));
    writeFileSync(join(root, 'tsconfig.json'), '{ "compilerOptions": {} }\n');
    expect(isBuildCurrent(root)).toBe(false);
    writeStamp(root, inputsFingerprint(root));
    removeStamp(root);
    expect(isBuildCurrent(root)).toBe(false);
  });

  it('records the inputs as the build started: a source changed during the build leaves it stale', () => {
    const plugin = buildStampPlugin(root);
    plugin.buildStart();
    editKeepingTimes(join(root, 'src-main', 'cli', 'main.ts'));
    plugin.writeBundle();
    expect(isBuildCurrent(root)).toBe(false);
    plugin.buildStart();
    plugin.writeBundle();
    expect(isBuildCurrent(root)).toBe(true);
  });
});

describe('bin/assay.mjs', () => {
  it('runs the current build, with the arguments and its exit code', async () => {
    writeStamp(root, inputsFingerprint(root));
    const r = await wrapper(['version', '--x']);
    expect(r.stdout.trim()).toBe('built version --x');
    expect(r.code).toBe(4);
  });

  it('runs the source through tsx once a source differs from the build, even with its times put back', async () => {
    writeStamp(root, inputsFingerprint(root));
    editKeepingTimes(join(root, 'src-main', 'cli', 'main.ts'));
    const r = await wrapper(['version']);
    expect(r.stdout.trim()).toBe('source version');
    expect(r.code).toBe(3);
  });

  it('runs the source when asked to, build current or not', async () => {
    writeStamp(root, inputsFingerprint(root));
    const r = await wrapper(['version'], { ...process.env, ASSAY_FROM_SOURCE: '1' });
    expect(r.stdout.trim()).toBe('source version');
  });
});
