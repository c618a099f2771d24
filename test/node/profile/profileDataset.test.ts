/**
 * profileDataset's per-version cache, and `assay profile FILE` (text and
 * --json) on the bundled sample.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PROFILE_USAGE, profileCommand } from '../../../src-main/cli/commands/profileCommand';
import type { DatasetProfile } from '../../../src-main/core/profile/profile';
import { updateColumns } from '../../../src-main/node/store/datasets';
import { clearProfileCache, profileCacheSize, profileDataset } from '../../../src-main/node/profile/profileDataset';
import { tempWorkbench } from '../helpers';

const SAMPLE = 'resources/sample/tiktok_claims_sample.csv';

afterEach(() => {
  clearProfileCache();
  vi.restoreAllMocks();
});

describe('profileDataset', () => {
  it('profiles a stored dataset and answers a second call from the cache', async () => {
    const t = await tempWorkbench();
    try {
      const info = await t.wb.importFile({ path: t.file('claims.csv', readFileSync(SAMPLE)) });
      const first = profileDataset(t.wb.db, info);
      expect(first.shape).toEqual([19382, 12]);
      expect(first.columns.find((c) => c.name === 'claim_status')!.missing).toBe(298);
      expect(first.duplicates.count).toBe(0);
      const second = profileDataset(t.wb.db, info);
      expect(second).toBe(first);
      expect(profileCacheSize()).toBe(1);

      // Another kind for a column is another dataset version.
      const columns = info.columns.map((c) => (c.name === 'video_duration_sec' ? { ...c, kind: 'categorical' as const } : c));
      updateColumns(t.wb.db, info.id, columns);
      const changed = profileDataset(t.wb.db, { ...info, columns });
      expect(changed).not.toBe(first);
      expect(changed.columns.find((c) => c.name === 'video_duration_sec')!.type).toBe('string');
      expect(profileCacheSize()).toBe(2);
    } finally {
      t.dispose();
    }
  });

  it('keeps only the few most recently used profiles', async () => {
    const t = await tempWorkbench();
    try {
      const info = await t.wb.importFile({ path: t.file('tiny.csv', 'a,b\n1,x\n2,y\n1,x\n') });
      const p = profileDataset(t.wb.db, info);
      expect(p.duplicates.count).toBe(1);
      for (let i = 0; i < 6; i++) profileDataset(t.wb.db, { ...info, contentHash: `other-${i}` });
      expect(profileCacheSize()).toBe(4);
      expect(profileDataset(t.wb.db, info)).not.toBe(p);
    } finally {
      t.dispose();
    }
  });
});

function captureStdout(): { text: () => string } {
  const chunks: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  });
  return { text: () => chunks.join('') };
}

describe('assay profile', () => {
  it('prints a readable report', async () => {
    const t = await tempWorkbench();
    const file = t.file('claims.csv', readFileSync(SAMPLE));
    try {
      vi.stubEnv('ASSAY_HOME', t.dir);
      const out = captureStdout();
      expect(await profileCommand([file])).toBe(0);
      const text = out.text();
      expect(text).toContain('claims: 19382 rows × 12 columns');
      expect(text).toMatch(/claim_status\s+298\s+1\.54/);
      expect(text).toContain('Duplicate rows (duplicated().sum()): 0');
      expect(text).toContain('Value counts: claim_status');
      expect(text).toContain('Pearson correlation');
      expect(text).not.toContain('Value counts: video_transcription_text');
    } finally {
      vi.unstubAllEnvs();
      t.dispose();
    }
  });

  it('prints one JSON document with --json', async () => {
    const t = await tempWorkbench();
    const file = t.file('claims.csv', readFileSync(SAMPLE));
    try {
      vi.stubEnv('ASSAY_HOME', t.dir);
      const out = captureStdout();
      expect(await profileCommand([file, '--json'])).toBe(0);
      const doc = JSON.parse(out.text()) as DatasetProfile & { dataset: string };
      expect(doc.dataset).toBe('claims');
      expect(doc.shape).toEqual([19382, 12]);
      expect(doc.duplicates.count).toBe(0);
      const k = doc.correlations.pearson.columns.length;
      expect(doc.correlations.pearson.matrix).toHaveLength(k * k);
    } finally {
      vi.unstubAllEnvs();
      t.dispose();
    }
  });

  it('prints the usage without a file', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await profileCommand([])).toBe(2);
    expect(err).toHaveBeenCalledWith(`usage: ${PROFILE_USAGE}`);
  });
});
