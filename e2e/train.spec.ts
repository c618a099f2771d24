import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const COURSE6 = 'Claims vs opinions (Course 6: random forest and XGBoost)';
const COURSE5 = 'Verified status (Course 5: logistic regression, as the notebook does it)';
const shot = (name: string) => `/tmp/train-${name}.png`;

async function openTrain(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('grid')).toHaveAttribute('aria-rowcount', '19383');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Train' }).click();
  await expect(page.getByRole('navigation', { name: 'Recipes' })).toBeVisible();
}

function recipeButton(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Recipes' }).getByRole('button', { name, exact: false }).first();
}

test.describe('Train view', () => {
  test('tuning forms validate as you type, presets fill the seed grids, the estimate follows', async ({ page, host }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    page.on('console', (m) => console.log('PAGE', m.text()));
    page.on('pageerror', (e) => console.log('PAGEERR', e.message));
    await openTrain(page, host.url);
    await recipeButton(page, COURSE6).click();
    const rf = page.getByRole('article', { name: 'Random forest rf' });
    await expect(rf).toBeVisible();
    await expect(page.getByTestId('estimate')).toContainText('96 candidates');
    await page.screenshot({ path: shot('course6'), fullPage: false });
    const depth = rf.getByLabel('max_depth');
    await depth.fill('5, 7, -1');
    await expect(rf.getByText('-1: expected an integer ≥ 1 or null')).toBeVisible();
    await expect(page.getByTestId('estimate')).toContainText('1 field to fix');
    await expect(page.getByRole('button', { name: 'Start' })).toBeDisabled();
    await depth.fill('4..8 step 2');
    await expect(page.getByTestId('estimate')).toContainText('96 candidates');
    await rf.getByLabel('Preset').selectOption({ label: 'Quick random forest' });
    await expect(depth).toHaveValue('5, None');
    await expect(rf.getByText('4 candidates')).toBeVisible();
    await expect(page.getByTestId('estimate')).toContainText('28 candidates');
  });
});
