import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { formatStat } from '../src-renderer/src/lib/grid/columnDetail';

const shots = process.env.ASSAY_SHOTS;

interface CliNumericColumn {
  name: string;
  type: 'number';
  describe: Record<'count' | 'mean' | 'std' | 'min' | 'q25' | 'q50' | 'q75' | 'max', number>;
}

/** The sample's profile as `assay profile --json` computes it from the CSV, independently of the app. */
function cliProfile(): { columns: ({ name: string } & Partial<CliNumericColumn>)[] } {
  const out = execFileSync(process.execPath, ['bin/assay.mjs', 'profile', 'resources/sample/tiktok_claims_sample.csv', '--json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out);
}

function header(page: Page, name: string) {
  return page.getByRole('columnheader', { name, exact: false }).first();
}

async function openSample(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('grid')).toHaveAttribute('aria-rowcount', '19383');
}

test.describe('Column headers and the column detail panel', () => {
  test('headers show the missing share and the distribution from the profile', async ({ page, host }) => {
    await openSample(page, host.url);
    const claim = header(page, 'claim_status');
    await expect(claim.getByTestId('header-missing')).toHaveText('1.5% missing');
    const cats = claim.getByTestId('header-categories');
    await expect(cats).toContainText('claim');
    await expect(cats).toContainText('50%');
    await expect(cats).toContainText('opinion');
    // A complete column says nothing about missing values.
    await expect(header(page, 'verified_status').getByTestId('header-missing')).toHaveCount(0);
    await expect(header(page, 'verified_status').getByTestId('header-categories')).toContainText('94%');

    const views = header(page, 'video_view_count');
    await expect(views.getByTestId('header-missing')).toHaveText('1.5% missing');
    const hist = views.getByTestId('header-histogram');
    await expect(hist).toBeVisible();
    // The profile's 20 bins; the first holds most of the sample's view counts, so it is the tallest.
    const bars = hist.locator('rect');
    expect(await bars.count()).toBeGreaterThan(10);
    const heights = await bars.evaluateAll((els) => els.map((e) => Number(e.getAttribute('height'))));
    expect(heights[0]).toBe(Math.max(...heights));
    await expect(bars.first().locator('title')).toHaveText(/^20 to under 50,017: [\d,]+$/);
    // Ids and free text are nearly all distinct: a count, not 0.01 % bars.
    await expect(header(page, 'video_id').getByTestId('header-note')).toHaveText('all 19,382 distinct');
    // The header describes itself to assistive technology with the summary.
    await expect(views).toHaveAccessibleDescription(/histogram of 19,084 values in 20 bins from 20 to 999,961/);
    if (shots) await page.screenshot({ path: join(shots, 'grid-headers.png'), clip: { x: 0, y: 0, width: 1440, height: 260 } });
  });

  test('the taller header leaves the row maths intact: the last row sits fully above the status line', async ({ page, host }) => {
    await openSample(page, host.url);
    const grid = page.getByRole('grid');
    await grid.focus();
    await page.keyboard.press('Control+End');
    const last = page.locator('[role="row"][aria-rowindex="19383"]');
    await expect(last.getByRole('gridcell').first()).toHaveText('19382');
    const gridBox = (await grid.boundingBox())!;
    const headerBox = (await page.locator('.header[role="row"]').boundingBox())!;
    const lastBox = (await last.boundingBox())!;
    // Fully visible: below the sticky header and inside the scroller (allowing a horizontal scrollbar).
    expect(lastBox.y).toBeGreaterThanOrEqual(headerBox.y + headerBox.height - 0.5);
    expect(lastBox.y + lastBox.height).toBeLessThanOrEqual(gridBox.y + gridBox.height + 0.5);
    await page.keyboard.press('Control+Home');
    const first = page.locator('[role="row"][aria-rowindex="2"]');
    await expect(first.getByRole('rowheader')).toHaveText('1');
    const firstBox = (await first.boundingBox())!;
    expect(Math.abs(firstBox.y - (headerBox.y + headerBox.height))).toBeLessThanOrEqual(1);
  });

  test("video_view_count's panel shows describe() as the CLI computes it, a histogram and a box plot", async ({ page, host }) => {
    const cli = cliProfile().columns.find((c) => c.name === 'video_view_count') as CliNumericColumn;
    await openSample(page, host.url);
    const views = header(page, 'video_view_count');
    const open = views.getByRole('button', { name: 'Details of video_view_count' });
    await open.click();
    const panel = page.getByTestId('column-panel');
    await expect(panel.getByRole('heading', { name: 'Column details: video_view_count' })).toBeFocused();
    const stats = panel.getByTestId('column-describe');
    const labels = { count: 'count', mean: 'mean', std: 'std', min: 'min', q25: '25%', q50: '50%', q75: '75%', max: 'max' } as const;
    for (const [key, label] of Object.entries(labels)) {
      await expect(stats.locator(`[data-stat="${label}"]`)).toHaveText(formatStat(cli.describe[key as keyof typeof labels]));
    }
    // …and the CLI agrees with pandas' describe() of the sample.
    await expect(stats.locator('[data-stat="mean"]')).toHaveText('257,740.29');
    await expect(stats.locator('[data-stat="75%"]')).toHaveText('513,250.50');
    await expect(panel.getByTestId('column-info').locator('[data-fact="Missing"]')).toHaveText('298 (1.5%)');

    const box = panel.getByTestId('column-chart-box').getByRole('img');
    await expect(box).toHaveAttribute('alt', 'Box plot of video_view_count');
    await expect(box).toHaveAttribute('src', /^blob:/);
    const hist = panel.getByTestId('column-chart-histogram').getByRole('img');
    await expect(hist).toHaveAttribute('src', /^blob:/);
    await expect.poll(() => hist.evaluate((img) => { const i = img as unknown as { complete: boolean; naturalWidth: number }; return i.complete && i.naturalWidth > 0; })).toBe(true);

    // Bins are adjustable: the host redraws the histogram.
    const before = await hist.getAttribute('src');
    await panel.getByLabel('Bins').selectOption('10');
    await expect(hist).not.toHaveAttribute('src', before ?? '');
    await expect(panel.getByTestId('column-chart-box').getByRole('img')).not.toHaveAttribute('class', /stale/);
    // The opened column is scrolled into view beside the panel.
    const panelBox = (await panel.boundingBox())!;
    const headerBox = (await views.boundingBox())!;
    expect(headerBox.x + headerBox.width).toBeLessThanOrEqual(panelBox.x + 1);
    if (shots) await page.screenshot({ path: join(shots, 'column-panel-numeric.png') });

    // Export hands over a file drawn by the host.
    const download = page.waitForEvent('download');
    await panel.getByRole('group', { name: 'Export the box plot of video_view_count' }).getByRole('button', { name: 'SVG' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.svg$/);

    await panel.getByRole('button', { name: 'Close column details' }).click();
    await expect(panel).toHaveCount(0);
    await expect(open).toBeFocused();
  });

  test('claim_status opened from the keyboard: 298 missing, its classes, bar counts; Escape returns to the grid', async ({ page, host }) => {
    await openSample(page, host.url);
    const grid = page.getByRole('grid');
    await grid.focus();
    await page.keyboard.press('ArrowRight'); // claim_status is the second column
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('column-panel');
    await expect(panel.getByRole('heading', { name: 'Column details: claim_status' })).toBeFocused();
    await expect(header(page, 'claim_status').getByRole('button', { name: 'Details of claim_status' })).toHaveAttribute('aria-expanded', 'true');
    const info = panel.getByTestId('column-info');
    await expect(info.locator('[data-fact="Missing"]')).toHaveText('298 (1.5%)');
    await expect(info.locator('[data-fact="Non-null"]')).toHaveText('19,084');
    const stats = panel.getByTestId('column-describe');
    await expect(stats.locator('[data-stat="unique"]')).toHaveText('2');
    await expect(stats.locator('[data-stat="top"]')).toHaveText('claim');
    await expect(stats.locator('[data-stat="freq"]')).toHaveText('9,608');
    const top = panel.getByTestId('column-top-values').locator('tbody tr');
    await expect(top).toHaveCount(2);
    await expect(top.nth(0)).toContainText(/claim\s*9,608\s*50%/);
    await expect(top.nth(1)).toContainText(/opinion\s*9,476\s*50%/);
    const bars = panel.getByTestId('column-chart-barCounts').getByRole('img');
    await expect(bars).toHaveAttribute('src', /^blob:/);
    const counts = await bars.getAttribute('src');
    await panel.getByLabel('Normalize').check();
    await expect(panel.getByRole('heading', { name: 'Class balance (share)' })).toBeVisible();
    await expect(bars).not.toHaveAttribute('src', counts ?? '');
    await expect(bars).not.toHaveAttribute('class', /stale/);
    if (shots) await page.screenshot({ path: join(shots, 'column-panel-categorical.png') });

    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
    await expect(grid).toBeFocused();
    await expect(page.getByRole('status')).toContainText('column 2');
  });
});
