import type { Locator } from '@playwright/test';
import { test, expect } from '@playwright/test';
import { runCourse5 } from './course5Run';
import { startHost, type RunningHost } from './webHost';

/**
 * A wide table scrolls in its own box: the last column scrolls into view and the first stays. Whether the
 * scrollbar is drawn cannot be seen here: headless Chromium hides every scrollbar (--hide-scrollbars).
 */
async function expectScrollsWithStickyFirstColumn(table: Locator) {
  const box = table.locator('xpath=..');
  const sizes = await box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, overflowX: (globalThis as unknown as { getComputedStyle(e: unknown): { overflowX: string } }).getComputedStyle(el).overflowX }));
  // The viewport is narrow enough that the table overflows, or this test would prove nothing.
  expect(sizes.scroll).toBeGreaterThan(sizes.client);
  expect(['auto', 'scroll']).toContain(sizes.overflowX);
  const headers = table.locator('thead th');
  const first = headers.first();
  const last = headers.last();
  await last.scrollIntoViewIfNeeded();
  await expect(last).toBeInViewport({ ratio: 0.9 });
  expect(await box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  // The first column is still at the box's left edge after the sideways scroll.
  const [boxLeft, firstLeft] = await Promise.all([box.evaluate((el) => el.getBoundingClientRect().left), first.evaluate((el) => el.getBoundingClientRect().left)]);
  expect(Math.abs(firstLeft - boxLeft)).toBeLessThanOrEqual(2);
  await expect(first).toBeInViewport();
  const firstCell = table.locator('tbody tr').first().locator('td').first();
  expect(Math.abs((await firstCell.evaluate((el) => el.getBoundingClientRect().left)) - boxLeft)).toBeLessThanOrEqual(2);
}

test.describe('Run tables that fit', () => {
  let host: RunningHost;
  test.beforeAll(async () => {
    host = await startHost();
  });
  test.afterAll(async () => {
    await host.stop();
  });

  test('the Models and CV tables scroll sideways with a visible scrollbar and a first column that stays', async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 760, height: 900 });
    await runCourse5(page, host.url);
    await expectScrollsWithStickyFirstColumn(page.getByRole('table', { name: 'Model scores' }));
    await page.getByRole('tab', { name: 'Cross-validation' }).click();
    const cv = page.getByRole('table', { name: /Cross-validation results of/ });
    await expect(cv.locator('thead th').last()).toContainText('fit time (s)');
    await expectScrollsWithStickyFirstColumn(cv);
  });
});
