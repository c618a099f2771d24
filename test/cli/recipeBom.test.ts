import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assay, isolatedEnv } from './cliProcess';

/** `assay run` reads a recipe saved with a byte-order mark (as Windows editors save UTF-8). */

let root: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'assay-cli-bom-'));
  mkdirSync(join(root, 'home'));
  env = isolatedEnv(join(root, 'home'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('assay run: a recipe with a byte-order mark', () => {
  it('is read past the mark (the run then stops at the missing data file, before any work)', async () => {
    const recipe = JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8')) as { dataset: { file?: string } };
    delete recipe.dataset.file;
    writeFileSync(join(root, 'recipe.json'), `\uFEFF${JSON.stringify(recipe, null, 2)}`);
    const r = await assay(['run', 'recipe.json'], { cwd: root, env });
    expect(r.stderr).toBe('assay: recipe.json names no data file (dataset.file); pass one with --data FILE.\n');
    expect(r.code).toBe(1);
  });

  it('places a syntax error by line and column of the text after the mark', async () => {
    writeFileSync(join(root, 'broken.json'), '\uFEFF{\n  "steps": [1,]\n}\n');
    const r = await assay(['run', 'broken.json'], { cwd: root, env });
    expect(r.stderr).toMatch(/^assay: broken\.json, line 2, column 15: not valid JSON/);
    expect(r.code).toBe(1);
  });
});
