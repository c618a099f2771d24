import { mkdirSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { startHost, type RunningHost } from './webHost';

const BAN = 'Author ban status (three classes';
const CLASSES = ['active', 'banned', 'under review'];
const SHOTS = '/tmp/m5shots';
const shot = (name: string) => `${SHOTS}/${name}.png`;

/**
 * The shipped three-class recipe (author_ban_status) trained in the app on
 * the sample: Prepare shows the target's class balance with its rare-class
 * warning, and the finished run shows the 3×3 matrix with the per-class
 * report and readings, the per-class threshold, and one-vs-rest curves.
 */
test.describe('A target with three classes', () => {
  let host: RunningHost;
  test.beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // Its own host: the run it starts would show in other specs' run lists.
    host = await startHost();
  });
  test.afterAll(async () => {
    await host.stop();
  });

  test('the ban-status recipe trains, and its run shows the 3×3 matrix and the per-class curves', async ({ page }) => {
    test.setTimeout(1_500_000);
    await page.goto(host.url);
    await expect(page.getByRole('grid')).toHaveAttribute('aria-rowcount', '19383');

    // Prepare: the target's class balance, the rare class marked, and no positive class to choose.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Prepare' }).click();
    await page.getByRole('complementary', { name: 'Recipes' }).getByRole('button', { name: BAN, exact: false }).first().click();
    const balance = page.getByTestId('target-balance');
    await expect(balance).toBeVisible({ timeout: 120_000 });
    await expect(balance.locator('.class-row')).toHaveCount(3);
    for (const c of CLASSES) await expect(balance.locator(`[data-class="${c}"]`)).toBeVisible();
    await expect(balance.locator('[data-class="banned"]')).toHaveClass(/rare/);
    await expect(page.getByTestId('no-positive')).toContainText('3 classes');
    await expect(page.getByTestId('preview-warnings').locator('[data-code="rare-class"]').first()).toContainText('banned');
    await page.screenshot({ path: shot('prepare-balance') });

    // Train the shipped recipe as it is.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Train' }).click();
    await page.getByRole('navigation', { name: 'Recipes' }).getByRole('button', { name: BAN, exact: false }).first().click();
    await page.getByRole('button', { name: 'Start' }).click();
    const done = page.getByRole('complementary', { name: 'Run queue' }).getByRole('button', { name: /Complete .*Author ban status/ });
    await expect(done).toBeVisible({ timeout: 1_380_000 });
    await done.click();
    await expect(page.locator('header.run-header')).toContainText('Author ban status');
    await page.screenshot({ path: shot('run-overview') });

    // The 3×3 matrix of the most probable class, beside the per-class report.
    await page.getByRole('tab', { name: 'Confusion matrix' }).click();
    const matrix = page.getByTestId('class-matrix');
    await expect(matrix.locator('tbody tr')).toHaveCount(3);
    await expect(matrix.locator('td')).toHaveCount(9);
    for (const c of CLASSES) await expect(matrix.locator('thead')).toContainText(c);
    const report = page.getByRole('table', { name: 'Classification report' });
    await expect(report).toContainText('macro avg');
    await expect(report).toContainText('weighted avg');
    await expect(page.getByTestId('class-readings').locator('li')).toHaveCount(3);
    await expect(page.getByTestId('class-readings')).toContainText(/It finds [\d.]+% of the “banned” rows/);
    await page.screenshot({ path: shot('confusion-counts') });
    await page.getByTestId('class-readings').scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('confusion-report-readings') });

    // Row shares: each actual class's row sums to 1.
    await page.getByRole('radio', { name: /Row shares/ }).check();
    const firstRow = await matrix.locator('tbody tr').first().locator('td .main').allTextContents();
    expect(firstRow.reduce((s, v) => s + Number(v), 0)).toBeCloseTo(1, 1);
    await page.getByRole('radio', { name: /Column shares/ }).check();
    await expect(matrix.locator('td .main').first()).toHaveText(/^0\.\d\d$|^1\.00$/);
    await matrix.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('confusion-column-shares') });

    // The per-class threshold: flag "banned" when p(banned) ≥ t.
    await page.getByLabel('Class', { exact: true }).selectOption('banned');
    await expect(page.getByTestId('decision-rule')).toHaveText('Flag as “banned” when p(banned) ≥ 0.500.');
    const sentence = page.getByTestId('class-threshold-sentence');
    const at50 = await sentence.textContent();
    await page.locator('#class-threshold-slider').fill('0.2');
    await expect(page.getByTestId('decision-rule')).toHaveText('Flag as “banned” when p(banned) ≥ 0.200.');
    await expect(sentence).not.toHaveText(at50 ?? '');
    await expect(sentence).toContainText('flagged as “banned”');
    // The per-class cut is a view: the model still decides by its most probable class when saved or scored.
    await expect(page.getByText(/decision threshold 0\.2/)).toHaveCount(0);
    await sentence.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('class-threshold') });

    // One-vs-rest curves per class with the macro averages.
    await page.getByRole('tab', { name: 'ROC and PR curves' }).click();
    const curves = page.getByTestId('class-curves-table');
    await expect(curves.locator('tbody tr')).toHaveCount(4);
    await expect(curves).toContainText('macro average');
    await expect(curves).not.toContainText('not defined');
    const roc = page.getByRole('img', { name: 'ROC curves per class' });
    await expect(roc).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('img', { name: 'Precision–recall curves per class' })).toBeVisible({ timeout: 60_000 });
    await page.screenshot({ path: shot('curves-table') });
    await roc.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('curves') });
  });
});
