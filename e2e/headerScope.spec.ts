import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

function header(page: Page, name: string) {
  return page.getByRole('columnheader', { name, exact: false }).first();
}

test('under a filter the header sparklines say they describe all rows, and stop saying so once it is removed', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('grid')).toHaveAttribute('aria-rowcount', '19383');
  await expect(page.getByTestId('header-histogram').first()).toBeVisible();
  await expect(page.getByTestId('header-scope')).toHaveCount(0);

  await header(page, 'video_view_count').getByRole('button', { name: 'Filter video_view_count' }).click();
  const dialog = page.getByRole('dialog', { name: 'Filter video_view_count' });
  await dialog.getByLabel('Min').fill('900000');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('row-count')).toContainText(' of 19,382 rows');

  const claims = header(page, 'claim_status');
  await expect(claims.getByTestId('header-scope')).toHaveText('all rows');
  await expect(claims.locator('.spark')).toHaveAttribute('title', /^claim_status \(all rows; the filter is not applied here\):/);

  await page.getByTestId('filter-chip').getByRole('button', { name: /Remove filter/ }).click();
  await expect(page.getByTestId('header-scope')).toHaveCount(0);
});
