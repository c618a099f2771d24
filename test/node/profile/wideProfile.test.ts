/**
 * A 1,999-column table (1,332 numeric columns that vary): the profile the
 * API sends stays well under the message limit, with notes saying what the
 * correlations and variance inflation factors leave out, and `assay profile
 * --json` stays as small.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { profileCommand } from '../../../src-main/cli/commands/profileCommand';
import { MAX_MESSAGE_BYTES } from '../../../src-main/core/api/protocol';
import type { DatasetProfile } from '../../../src-main/core/profile/profile';
import { clearProfileCache, datasetProfileView } from '../../../src-main/node/profile/profileDataset';
import { tempWorkbench } from '../helpers';

afterEach(() => {
  clearProfileCache();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

const COLUMNS = 1999;
const ROWS = 50;

/** Every third column a label, the others numbers that differ from column to column. */
function wideCsv(): string {
  const header = Array.from({ length: COLUMNS }, (_, j) => `c${j}`).join(',');
  const rows = Array.from({ length: ROWS }, (_, i) =>
    Array.from({ length: COLUMNS }, (_, j) => (j % 3 === 0 ? `v${(i * 7 + j) % 5}` : String(((i * (j + 3) * 7919) % 101) + i))).join(','),
  );
  return [header, ...rows].join('\n') + '\n';
}

describe('the profile of a 1,999-column table', () => {
  it('bounds the correlations and the variance inflation factors, says so, and fits a message', async () => {
    const t = await tempWorkbench();
    try {
      const info = await t.wb.importFile({ path: t.file('wide.csv', wideCsv()) });
      expect(info.columns).toHaveLength(COLUMNS);
      const view = datasetProfileView(t.wb.db, info);
      expect(view.columns).toHaveLength(COLUMNS);
      expect(view.correlations.pearson.columns).toHaveLength(100);
      expect(view.correlations.pearson.columns[0]).toBe('c1');
      expect(view.correlations.spearman!.columns).toHaveLength(100);
      expect(view.vif).toBeNull();
      expect(view.notes).toEqual([
        'Correlations cover the first 100 of the 1,332 numeric columns (c1 to c149): a matrix of all of them would be too large to show.',
        'Variance inflation factors are not computed: 1,332 numeric columns vary, more than the 100 they are computed for (each factor regresses one column on all the others). Drop or select columns in Prepare to see them.',
      ]);
      const bytes = Buffer.byteLength(JSON.stringify(view));
      expect(bytes).toBeLessThan(MAX_MESSAGE_BYTES / 16);
    } finally {
      t.dispose();
    }
  });

  it('keeps `assay profile --json` as small, with the same note', async () => {
    const t = await tempWorkbench();
    const file = t.file('wide.csv', wideCsv());
    try {
      vi.stubEnv('ASSAY_HOME', t.dir);
      const chunks: string[] = [];
      vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
        chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
        return true;
      });
      expect(await profileCommand([file, '--json'])).toBe(0);
      const text = chunks.join('');
      expect(Buffer.byteLength(text)).toBeLessThan(MAX_MESSAGE_BYTES / 16);
      const doc = JSON.parse(text) as DatasetProfile;
      expect(doc.correlations.pearson.columns).toHaveLength(100);
      expect(doc.notes[0]).toMatch(/^Correlations cover the first 100 of the 1,332 numeric columns/);
    } finally {
      t.dispose();
    }
  });
});
