import { test, expect, type Page } from '@playwright/test';
import { COURSE5, runCourse5 } from './course5Run';
import { startHost, type RunningHost } from './webHost';

/** Waits until the run queue shows `count` complete runs of the Course 5 recipes. */
async function waitForCompleteRuns(page: Page, count: number) {
  const done = page.getByRole('complementary', { name: 'Run queue' }).getByRole('button', { name: /Complete .*Course 5/ });
  await expect(done).toHaveCount(count, { timeout: 90_000 });
}

test.describe('Comparing runs', () => {
  let host: RunningHost;
  test.beforeAll(async () => {
    host = await startHost();
  });
  test.afterAll(async () => {
    await host.stop();
  });

  test('a run and its re-run, chosen in the runs table, compare as identical; another recipe says why a test does not apply', async ({ page }) => {
    test.setTimeout(240_000);
    await runCourse5(page, host.url);
    const header = page.locator('header.run-header');
    await expect(header).toContainText(COURSE5.slice(0, 40));

    // Re-run: the same recipe on the same data, titled as a re-run.
    await header.getByRole('button', { name: 'Re-run' }).click();
    await expect(page.getByText(/Run #2 queued: re-run of #1/)).toBeVisible();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Train' }).click();
    await waitForCompleteRuns(page, 2);

    // The leak-free Course 5 recipe: different steps before the split, so different validation rows.
    await page.getByRole('navigation', { name: 'Recipes' }).getByRole('button', { name: /Course 5 without leakage/ }).first().click();
    await page.getByRole('button', { name: 'Start' }).click();
    await waitForCompleteRuns(page, 3);

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Runs' }).click();
    await page.getByRole('tab', { name: 'All runs' }).click();
    const table = page.getByRole('table', { name: 'Models of every finished run' });
    await expect(table.locator('tbody tr')).toHaveCount(3);
    await expect(table).toContainText('re-run of #1');
    await page.screenshot({ path: 'test-results/compare-runs-table.png', fullPage: true });

    await table.getByRole('checkbox', { name: 'Select logreg of run #1' }).check();
    await table.getByRole('checkbox', { name: 'Select logreg of run #2' }).check();
    await page.getByRole('button', { name: /^Compare \(2\)/ }).click();

    const comparison = page.getByRole('region', { name: 'Comparison' });
    await expect(comparison).toBeVisible();
    await expect(comparison).toContainText(/are identical/);
    const metrics = comparison.getByRole('table', { name: 'Metrics' });
    await expect(metrics).toContainText('#1 logreg');
    await expect(metrics).toContainText('#2 logreg');
    const matrices = comparison.getByRole('region', { name: 'Confusion matrices' });
    await expect(matrices.getByRole('table')).toHaveCount(2);
    // The URL holds the comparison: a reload comes back to it.
    expect(page.url()).toMatch(/#\/runs\/compare\?models=1%3Alogreg%2C2%3Alogreg|#\/runs\/compare\?models=1:logreg,2:logreg/);
    await page.screenshot({ path: 'test-results/compare-identical.png', fullPage: true });
    await matrices.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/compare-identical-matrices.png' });
    // The charts are drawn by the host: the overlaid curves and a metric's bars arrive, and none fails.
    for (const name of ['ROC curves', 'Precision–recall curves', 'recall by model', 'Feature importances']) {
      await expect(comparison.getByRole('img', { name, exact: true })).toBeVisible({ timeout: 30_000 });
    }
    await expect(comparison.locator('.chart-error')).toHaveCount(0);
    await comparison.getByRole('img', { name: 'ROC curves', exact: true }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/compare-identical-curves.png' });
    await page.reload();
    await expect(page.getByRole('region', { name: 'Comparison' })).toContainText(/are identical/);

    // The leaky run against the leak-free one: McNemar cannot apply (other rows), and the steps differ with the leak flagged.
    await page.getByRole('tab', { name: 'All runs' }).click();
    const clear = page.getByRole('button', { name: 'Clear selection' });
    if (await clear.isVisible()) await clear.click();
    await table.getByRole('checkbox', { name: 'Select logreg of run #1' }).check();
    await table.getByRole('checkbox', { name: 'Select logreg of run #3' }).check();
    await page.getByRole('button', { name: /^Compare \(2\)/ }).click();
    await expect(comparison).toContainText(/McNemar/);
    await expect(comparison).not.toContainText(/are identical/);
    await expect(comparison).toContainText(/different (held-out )?rows|not the same rows|steps before the split|split/i);
    await expect(comparison).toContainText(/leak/i);
    await page.screenshot({ path: 'test-results/compare-different-recipes.png', fullPage: true });
    await comparison.getByRole('heading', { name: /steps/i }).first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/compare-different-steps.png' });
  });
});
