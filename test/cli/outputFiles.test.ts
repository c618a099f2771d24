import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OutputFiles } from '../../src-main/cli/outputFiles';

const dir = mkdtempSync(join(tmpdir(), 'assay-output-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (...p: string[]) => join(dir, ...p);

describe('OutputFiles', () => {
  it('replaces a regular file through a temporary file beside it', () => {
    writeFileSync(at('a.csv'), 'old');
    const outputs = new OutputFiles();
    const f = outputs.file(at('a.csv'), '--out a.csv', 'a.csv');
    expect(f.temp).toMatch(/\/\.a\.csv\.\d+\.tmp$/);
    expect(readFileSync(at('a.csv'), 'utf8')).toBe('old');
    outputs.commit(f, Buffer.from('new'));
    expect(readFileSync(at('a.csv'), 'utf8')).toBe('new');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('writes what a chain of symlinks leads to, made when it is missing, and keeps every link', () => {
    mkdirSync(at('real'));
    symlinkSync('real/target.csv', at('hop.csv'));
    symlinkSync('hop.csv', at('link.csv'));
    const outputs = new OutputFiles();
    const f = outputs.file(at('link.csv'), '--out link.csv', 'link.csv');
    expect(f.path).toBe(at('real', 'target.csv'));
    outputs.commit(f, Buffer.from('first'));
    expect(readFileSync(at('real', 'target.csv'), 'utf8')).toBe('first');
    // Now the target exists: replaced again, the links untouched.
    outputs.commit(outputs.file(at('link.csv'), '--out link.csv', 'link.csv'), Buffer.from('second'));
    expect(readFileSync(at('real', 'target.csv'), 'utf8')).toBe('second');
    expect(readlinkSync(at('link.csv'))).toBe('hop.csv');
    expect(lstatSync(at('hop.csv')).isSymbolicLink()).toBe(true);
  });

  it('refuses a symlink loop in words', () => {
    symlinkSync('loop2', at('loop1'));
    symlinkSync('loop1', at('loop2'));
    expect(() => new OutputFiles().file(at('loop1'), '--out loop1', 'loop1')).toThrow('Cannot write --out loop1: its symlinks go round in a loop.');
  });

  it('streams into a new file, and discard takes back its temporary file and the folders it made', async () => {
    const outputs = new OutputFiles();
    const out = outputs.stream(outputs.file(at('new', 'deep', 'x.csv'), '--out new/deep/x.csv', 'new/deep/x.csv'));
    await out.write('a,b\n');
    await out.write('1,2\n');
    expect(out.isStdout).toBe(false);
    await out.abandon();
    outputs.discard();
    expect(readdirSync(dir)).not.toContain('new');
    const again = new OutputFiles();
    const kept = again.stream(again.file(at('new', 'x.csv'), '--out new/x.csv', 'new/x.csv'));
    await kept.write('a,b\n');
    await kept.finish();
    expect(readFileSync(at('new', 'x.csv'), 'utf8')).toBe('a,b\n');
    expect(readdirSync(at('new'))).toEqual(['x.csv']);
  });
});
