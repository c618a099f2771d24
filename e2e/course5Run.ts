import { expect, type Page } from '@playwright/test';

export const COURSE5 = 'Verified status (Course 5: logistic regression, as the notebook does it)';

/** Runs the shipped Course 5 recipe from the Train view and opens the finished run. */
export async function runCourse5(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('grid')).toHaveAttribute('aria-rowcount', '19383');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Train' }).click();
  await page.getByRole('navigation', { name: 'Recipes' }).getByRole('button', { name: COURSE5, exact: false }).first().click();
  await page.getByRole('button', { name: 'Start' }).click();
  const done = page.getByRole('complementary', { name: 'Run queue' }).getByRole('button', { name: /Complete .*Course 5: logistic/ });
  await expect(done).toBeVisible({ timeout: 60_000 });
  await done.click();
}
