import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const COURSE6 = 'Claims vs opinions (Course 6: random forest and XGBoost)';
const COURSE5 = 'Verified status (Course 5: logistic regression, as the notebook does it)';

async function openRecipe(page: Page, url: string, name: string) {
  await page.goto(url);
  await expect(page.getByRole('grid')).toHaveAttribute('aria-rowcount', '19383');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Prepare' }).click();
  await page.getByRole('complementary', { name: 'Recipes' }).getByRole('button', { name, exact: false }).first().click();
  await expect(page.getByTestId('preview-shape')).toContainText('Train');
}

test.describe('Prepare warnings and messages', () => {
  test('Course 6: one warning for the correlated counts, its pairs behind a keyboard toggle', async ({ page, host }) => {
    await openRecipe(page, host.url, COURSE6);
    const warnings = page.getByTestId('preview-warnings');
    const group = warnings.locator('[data-code="correlation"]');
    await expect(group).toHaveCount(1);
    await expect(warnings.locator('[data-code="vif"]')).toHaveCount(0);
    await expect(group).toContainText('Consider dropping "video_like_count"');
    await expect(group).toContainText('The Course 5 notebook leaves video_like_count out of its logistic regression');
    const pair = group.getByText('video_like_count × video_download_count: r = 0.83');
    await expect(pair).toBeHidden();
    await group.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(pair).toBeVisible();
    await expect(group.getByText('video_like_count: VIF 7.0 (≥ 5)')).toBeVisible();
  });

  test('a field problem names the step as the list numbers it', async ({ page, host }) => {
    await openRecipe(page, host.url, COURSE6);
    await page.locator('#step-4-test').fill('1.2');
    await expect(page.getByTestId('preview-field-errors')).toContainText('step 5 (split) · test share: must be < 1');
  });

  test('Course 5: one warning, citing no notebook', async ({ page, host }) => {
    await openRecipe(page, host.url, COURSE5);
    const group = page.getByTestId('preview-warnings').locator('[data-code="correlation"]');
    await expect(group).toHaveCount(1);
    await expect(group).not.toContainText('notebook');
  });

  test('an error stays in the shell’s one stack across views until dismissed', async ({ page, host }) => {
    await page.goto(host.url);
    await expect(page.getByRole('grid')).toBeVisible();
    const dir = mkdtempSync(join(tmpdir(), 'assay-e2e-notice-'));
    const file = join(dir, 'broken.csv');
    writeFileSync(file, 'a,b\n1,2\n3,4,5\n');
    await page.getByTestId('import-input').setInputFiles(file);
    const stack = page.getByTestId('error-banner');
    await expect(stack).toContainText('broken.csv, line 3');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Prepare' }).click();
    await expect(stack).toContainText('broken.csv, line 3');
    await stack.getByRole('button', { name: 'Dismiss this error' }).click();
    await expect(stack).toHaveCount(0);
  });
});
