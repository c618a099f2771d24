import { copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { profileDataset } from '../../src-main/node/profile/profileDataset';
import { readDelimitedFrame } from '../../src-main/node/recipe/delimitedFrame';
import { tempWorkbench, type TempWorkbench } from '../node/helpers';
import { toJsonText } from '../../src-main/cli/jsonText';
import { assay, isolatedEnv } from './cliProcess';

// `assay profile FILE` reads a CSV straight into memory when it can; what it prints must be what the import path gives.
let t: TempWorkbench;
beforeEach(async () => {
  t = await tempWorkbench();
});
afterEach(() => t.dispose());

async function throughImport(path: string): Promise<string> {
  const info = await t.wb.importFile({ path });
  return toJsonText({ dataset: info.name, ...profileDataset(t.wb.db, info, { spearman: false }) }) + '\n';
}

describe('assay profile', () => {
  it('prints the profile the import path gives, for the sample read straight into memory', async () => {
    const file = join(t.dir, 'sample.csv');
    copyFileSync(resolve('resources/sample/tiktok_claims_sample.csv'), file);
    const r = await assay(['profile', file, '--json', '--no-spearman'], { cwd: t.dir, env: isolatedEnv(t.dir) });
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(await throughImport(file));
    expect(await readDelimitedFrame(file, 'sample', { maxBytes: 1 << 30 })).not.toBeNull();
  }, 120_000);

  it('and for a file the direct read leaves to the import (a byte-order mark, Windows-1252 text)', async () => {
    const text = 'id,name,score\r\n1,caf\xe9,2.5\r\n2,na\xefve,\r\n3,,-0\r\n';
    const file = t.file('latin.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'latin1')]));
    const r = await assay(['profile', file, '--json', '--no-spearman'], { cwd: t.dir, env: isolatedEnv(t.dir) });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(await throughImport(file));
    expect(await readDelimitedFrame(file, 'latin', { maxBytes: 1 << 30 })).toBeNull();
  }, 120_000);
});
