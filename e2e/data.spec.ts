import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLUMNS } from '../scripts/generate-sample';
import { test, expect } from './fixtures';

const HEADERS = COLUMNS;

const shots = process.env.ASSAY_SHOTS;

test.describe('Data view on the sample project', () => {
  test('opens the sample with 19,382 rows and the 12 headers', async ({ page, host }) => {
    await page.goto(host.url);
    const grid = page.getByRole('grid');
    await expect(grid).toHaveAttribute('aria-rowcount', String(19382 + 1));
    await expect(page.getByTestId('row-count')).toContainText('19,382');
    for (const h of HEADERS) {
      await expect(page.getByRole('columnheader', { name: h, exact: false }).first()).toBeVisible();
    }
    await expect(page.getByRole('gridcell').first()).toBeVisible();
    if (shots) await page.screenshot({ path: join(shots, 'data-view.png') });
  });

  test('scrolling to the end shows the last row', async ({ page, host }) => {
    await page.goto(host.url);
    const grid = page.getByRole('grid');
    await expect(grid).toHaveAttribute('aria-rowcount', '19383');
    await grid.focus();
    await page.keyboard.press('Control+End');
    const last = page.locator('[role="row"][aria-rowindex="19383"]');
    await expect(last).toBeVisible();
    // The sample's last row is #19382, one of the unlabelled rows.
    await expect(last.getByRole('gridcell').first()).toHaveText('19382');
    await expect(last.getByRole('gridcell').nth(1)).toHaveText('NA');
    if (shots) await page.screenshot({ path: join(shots, 'data-view-end.png') });
  });

  test('scrolling with the mouse wheel loads rows further down', async ({ page, host }) => {
    await page.goto(host.url);
    const grid = page.getByRole('grid');
    await expect(page.getByRole('gridcell').first()).toBeVisible();
    await grid.hover();
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 3000);
    await expect(page.getByTestId('visible-range')).not.toContainText(/rows 1[–-]/);
    await expect(page.locator('[role="row"][aria-rowindex] [role="gridcell"]').first()).not.toHaveText('');
  });

  test('importing a CSV through the UI adds a dataset', async ({ page, host }) => {
    await page.goto(host.url);
    await expect(page.getByRole('grid')).toHaveAttribute('aria-rowcount', '19383');
    const dir = mkdtempSync(join(tmpdir(), 'assay-e2e-csv-'));
    const file = join(dir, 'penguins.csv');
    writeFileSync(file, 'species,island,bill_mm,ok\nAdelie,Torgersen,39.1,True\nGentoo,Biscoe,NA,False\nChinstrap,Dream,46.5,True\n');
    await page.getByTestId('import-input').setInputFiles(file);
    await expect(page.getByText('penguins', { exact: true }).first()).toBeVisible();
    await expect(page.getByRole('grid')).toHaveAttribute('aria-rowcount', '4');
    await expect(page.getByTestId('row-count')).toContainText('3 rows');
    await expect(page.getByRole('gridcell', { name: 'Gentoo' })).toBeVisible();
    if (shots) await page.screenshot({ path: join(shots, 'data-view-imported.png') });
  });

  test('a broken CSV shows the error and leaves the project unchanged', async ({ page, host }) => {
    await page.goto(host.url);
    await expect(page.getByRole('grid')).toBeVisible();
    const items = page.getByRole('list', { name: 'Datasets' }).getByRole('listitem');
    const before = await items.count();
    const dir = mkdtempSync(join(tmpdir(), 'assay-e2e-bad-'));
    const file = join(dir, 'broken.csv');
    writeFileSync(file, 'a,b,c\n1,2,3\n4,5,6,7\n');
    await page.getByTestId('import-input').setInputFiles(file);
    const banner = page.getByTestId('error-banner');
    await expect(banner).toContainText('broken.csv, line 3, column 7');
    if (shots) await page.screenshot({ path: join(shots, 'data-view-error.png') });
    await expect(items).toHaveCount(before);
    await page.reload();
    await expect(page.getByRole('grid')).toBeVisible();
    await expect(items).toHaveCount(before);
  });
});

test.describe('web host security', () => {
  test('a request without the token is refused', async ({ page, host }) => {
    const res = await page.request.get(host.origin + '/');
    expect(res.status()).toBe(403);
    const wrong = await page.request.get(host.origin + '/?token=0000');
    expect(wrong.status()).toBe(403);
    await page.goto(host.origin + '/');
    await expect(page.locator('body')).toContainText('Forbidden');
    // A page on our origin without the token cannot open the API socket.
    const opened = await page.evaluate(
      (url) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(url);
          ws.onopen = () => resolve('open');
          ws.onerror = () => resolve('refused');
        }),
      host.origin.replace('http', 'ws') + '/api',
    );
    expect(opened).toBe('refused');
  });
});
