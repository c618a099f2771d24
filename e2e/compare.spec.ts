import { test, expect, type Page } from '@playwright/test';
import { COURSE5, runCourse5 } from './course5Run';

const COURSE6 = 'Claims vs opinions (Course 6: random forest and XGBoost)';
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
    // The list tells the runs apart: the re-run's title says so, and each names its models and duration.
    await expect(page.getByText(/re-run of #1/).first()).toBeVisible();
    await page.screenshot({ path: 'test-results/compare-run-list.png' });
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
    await expect(comparison).not.toContainText(/are identical/);
    await expect(comparison.getByRole('article', { name: '#1 logreg vs #3 logreg' })).toContainText(
      "Neither McNemar's test nor the corrected t-test applies: the runs prepared the rows differently before the split",
    );
    // The leaky recipe's two steps before the split are flagged in the steps side by side; the clean one's are not.
    const steps = comparison.getByRole('table', { name: 'Recipe steps' });
    await expect(steps.getByRole('img', { name: /^Leakage:/ })).toHaveCount(2);
    await expect(steps.locator('tbody tr').nth(1).locator('td').first().getByRole('img', { name: /^Leakage:/ })).toHaveCount(1);
    await expect(steps.locator('tbody tr').nth(1).locator('td').nth(1).getByRole('img', { name: /^Leakage:/ })).toHaveCount(0);
    await page.screenshot({ path: 'test-results/compare-different-recipes.png', fullPage: true });
    await comparison.getByRole('heading', { name: /steps/i }).first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/compare-different-steps.png' });
  });

  test("a run's two models compared: the verdict states the corrected t-test's p-value over the same folds", async ({ page }) => {
    test.setTimeout(240_000);
    await page.goto(host.url);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Train' }).click();
    await page.getByRole('navigation', { name: 'Recipes' }).getByRole('button', { name: COURSE6, exact: false }).first().click();
    // Quick grids, so the run takes seconds; the models still differ fold by fold.
    await page.getByRole('article', { name: /random forest rf/i }).getByLabel('Preset').selectOption({ label: 'Quick random forest' });
    await page.getByRole('article', { name: 'Gradient boosting (XGBoost) xgb' }).getByLabel('Preset').selectOption({ label: 'Quick XGBoost' });
    await page.getByRole('button', { name: 'Start' }).click();
    const done = page.getByRole('complementary', { name: 'Run queue' }).getByRole('button', { name: /Complete .*Claims vs opinions/ });
    await expect(done.first()).toBeVisible({ timeout: 180_000 });
    await done.first().click();
    await page.getByRole('button', { name: "Compare this run's models" }).click();

    const comparison = page.getByRole('region', { name: 'Comparison' });
    const card = comparison.getByRole('article', { name: /rf vs xgb/ });
    // Two models of one run share their rows and folds: both tests apply, with numbers.
    await expect(card).toContainText(/McNemar's test \(exact binomial\)/);
    await expect(card).toContainText(/3,817 validation rows/);
    await expect(card).toContainText(/over the same 5 cross-validation folds/i);
    await expect(card).toContainText(/t = [−-]?\d+\.\d+, p [=<] 0?\.\d+/);
    await expect(card).toContainText(/practically equivalent \(within ±0\.01\)/i);
    await expect(card).not.toContainText(/does not apply/);
    const metrics = comparison.getByRole('table', { name: 'Metrics' });
    await expect(metrics).toContainText('rf');
    await expect(metrics).toContainText('xgb');
    await expect(comparison.getByRole('region', { name: 'Confusion matrices' }).getByRole('table')).toHaveCount(2);
    await page.screenshot({ path: 'test-results/compare-rf-xgb.png', fullPage: true });
  });
});
