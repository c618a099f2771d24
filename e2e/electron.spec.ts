import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, _electron as electron } from '@playwright/test';

// Electron's binary comes from outside the npm registry; where it could not be
// fetched this test is skipped and the web-host tests cover the same UI.
function electronBinary(): string | null {
  const dir = join('node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const bin = join(dir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(bin) ? bin : null;
}

const binary = electronBinary();

const title = binary
  ? 'the desktop app opens the sample project'
  : 'the desktop app opens the sample project (skipped: no Electron binary here; it downloads from outside the npm registry)';

test(title, async () => {
  test.skip(!binary, 'no Electron binary');
  const app = await electron.launch({ executablePath: binary!, args: ['.'], env: { ...process.env, ASSAY_HOME: join('tmp', 'electron-home') } });
  const window = await app.firstWindow();
  await expect(window.getByRole('grid')).toHaveAttribute('aria-rowcount', '19383');
  await app.close();
});
