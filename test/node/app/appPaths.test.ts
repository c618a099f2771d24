/**
 * The app's side of the path rule: what the user types in the app (project
 * New/Open/Save as, Import) is taken from the home folder, `~` expanded; the
 * process's current folder plays no part.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetInfo } from '../../../src-main/core/data/columns';
import { Workbench } from '../../../src-main/node/app/workbench';
import { createHandlers } from '../../../src-main/node/api/handlers';
import { Router } from '../../../src-main/node/api/router';

let root: string;
let home: string;
let savedHome: string | undefined;
let savedCwd: string;
const ctx = { signal: new AbortController().signal, progress: () => {} };

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'assay-app-paths-'));
  home = join(root, 'home');
  mkdirSync(join(home, 'data'), { recursive: true });
  mkdirSync(join(root, 'cwd', 'data'), { recursive: true });
  writeFileSync(join(home, 'data', 'x.csv'), 'v\n1\n2\n3\n');
  // A decoy in the current folder: it must not be the file imported.
  writeFileSync(join(root, 'cwd', 'data', 'x.csv'), 'v\n1\n');
  savedHome = process.env.HOME;
  savedCwd = process.cwd();
  process.env.HOME = home;
  process.chdir(join(root, 'cwd'));
});
afterAll(() => {
  process.chdir(savedCwd);
  process.env.HOME = savedHome;
  rmSync(root, { recursive: true, force: true });
});

describe('paths typed in the app', () => {
  it('New, Open and Save as take relative paths from the home folder and expand ~', async () => {
    const wb = await Workbench.start({ home: join(root, 'assay-home'), resources: join(savedCwd, 'resources'), empty: true });
    const router = new Router(createHandlers(wb, { host: 'web', version: 'test' }));
    expect(await router.dispatch('project.new', { path: 'a' }, ctx)).toMatchObject({ path: join(home, 'a.assay') });
    expect(await router.dispatch('project.saveAs', { path: '~/data/b' }, ctx)).toMatchObject({ path: join(home, 'data', 'b.assay') });
    expect(await router.dispatch('project.open', { path: '~/a.assay' }, ctx)).toMatchObject({ name: 'a' });
    expect(await router.dispatch('project.open', { path: 'data/b.assay' }, ctx)).toMatchObject({ name: 'b' });
    expect(existsSync(join(root, 'cwd', 'a.assay'))).toBe(false);

    const imported = (await router.dispatch('dataset.import', { path: 'data/x.csv' }, ctx)) as DatasetInfo;
    expect(imported.rows).toBe(3);
    const tilde = (await router.dispatch('dataset.import', { path: '~/data/x.csv', name: 'again' }, ctx)) as DatasetInfo;
    expect(tilde.rows).toBe(3);
    await wb.close();
  });
});
