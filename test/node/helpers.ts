import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ApiError } from '../../src-main/core/api/errors';
import { Workbench } from '../../src-main/node/app/workbench';

export interface TempWorkbench {
  wb: Workbench;
  dir: string;
  file(name: string, content: string | Uint8Array): string;
  /** Everything a failed import must leave as it was: datasets and tables. */
  state(): string;
  dispose(): void;
}

export async function tempWorkbench(): Promise<TempWorkbench> {
  const dir = mkdtempSync(join(tmpdir(), 'assay-test-'));
  const wb = await Workbench.start({ home: join(dir, 'home'), resources: 'resources', empty: true });
  wb.create(join(dir, 'project.assay'));
  return {
    wb,
    dir,
    file(name, content) {
      const p = join(dir, name);
      writeFileSync(p, content);
      return p;
    },
    state() {
      const datasets = wb.db.prepare('SELECT id, name, row_count, columns_json FROM datasets ORDER BY id').all();
      const tables = wb.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
      return JSON.stringify({ datasets, tables });
    },
    dispose() {
      wb.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A CSV of `rows` rows, big enough to span many read chunks. */
export function bigCsv(rows: number): string {
  const lines = ['id,label,value,note'];
  for (let i = 1; i <= rows; i++) lines.push(`${i},${i % 3 === 0 ? 'a' : 'b'},${(i * 0.37).toFixed(2)},"row ${i}, with a comma"`);
  return lines.join('\n') + '\n';
}

/** The ApiError `f` throws; fails the test when it throws something else or nothing. */
export function refusal(f: () => unknown): ApiError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('expected a refusal');
}
