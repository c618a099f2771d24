/**
 * `assay import PROJECT FILE`: a project the command created for an import
 * that fails is removed again, with SQLite's side files; an existing project
 * is never removed.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importCommand } from '../../src-main/cli/commands/importCommand';
import { ApiError } from '../../src-main/core/api/errors';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'assay-import-cli-'));
  vi.stubEnv('ASSAY_HOME', join(dir, 'home'));
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

function tooWide(): string {
  const width = 2000;
  const header = Array.from({ length: width }, (_, i) => `c${i}`).join(',');
  const row = Array.from({ length: width }, (_, i) => String(i)).join(',');
  const path = join(dir, 'wide2000.csv');
  writeFileSync(path, `${header}\n${row}\n`);
  return path;
}

const projectFiles = () => readdirSync(dir).filter((f) => f.startsWith('new.assay'));

describe('assay import', () => {
  it('removes the project it created when the import is refused, -wal and -shm included', async () => {
    const project = join(dir, 'new.assay');
    const err = await importCommand([project, tooWide()]).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).message).toMatch(/^wide2000\.csv has 2,000 columns; Assay can store at most 1,999/);
    expect(projectFiles()).toEqual([]);
  });

  it('keeps the project it created when the import succeeds', async () => {
    const project = join(dir, 'new.assay');
    const data = join(dir, 'small.csv');
    writeFileSync(data, 'a,b\n1,2\n');
    expect(await importCommand([project, data])).toBe(0);
    expect(existsSync(project)).toBe(true);
  });

  it('keeps an existing project, with what it held, when a later import fails', async () => {
    const project = join(dir, 'new.assay');
    const data = join(dir, 'small.csv');
    writeFileSync(data, 'a,b\n1,2\n');
    expect(await importCommand([project, data])).toBe(0);
    await expect(importCommand([project, tooWide()])).rejects.toBeInstanceOf(ApiError);
    expect(existsSync(project)).toBe(true);
    const { openProjectFile } = await import('../../src-main/node/store/projectFile');
    const db = openProjectFile(project);
    try {
      expect((db.prepare('SELECT COUNT(*) AS n FROM datasets').get() as { n: number }).n).toBe(1);
    } finally {
      db.close();
    }
  });
});
