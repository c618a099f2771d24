import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { hostSocket } from '../bench/lib/hostSocket';

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

    // Undo takes back the preset, then the typing in max_depth as one step; redo brings it back.
    await page.keyboard.press('Control+z');
    await expect(depth).toHaveValue('4..8 step 2');
    await page.keyboard.press('Control+z');
    await expect(depth).toHaveValue('5, 7, None');
    await page.keyboard.press('Control+Shift+z');
    await expect(depth).toHaveValue('4..8 step 2');

    // Another recipe, from Prepare: unsaved tuning is not dropped without asking.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Prepare' }).click();
    await page.getByRole('complementary', { name: 'Recipes' }).getByRole('button', { name: COURSE5, exact: false }).first().click();
    await page.getByRole('button', { name: 'Train →' }).click();
    await expect(page.getByRole('alertdialog')).toContainText('unsaved changes');
    await page.getByRole('button', { name: 'Drop changes' }).click();
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(COURSE5);
    await expect(page.getByRole('article', { name: 'Logistic regression logreg' }).getByLabel('max_iter')).toHaveValue('800');
  });

  test('a recipe runs from the Train view: Course 5 gives its confusion matrix; a forest grid advances, cancels, restarts and finishes; runs survive a reload', async ({ page, host }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 1400, height: 900 });
    await openTrain(page, host.url);
    const queue = page.getByRole('complementary', { name: 'Run queue' });

    // Course 5: one logistic regression, as the notebook fits it.
    await recipeButton(page, COURSE5).click();
    await expect(page.getByTestId('estimate')).toContainText('1 candidate');
    await page.getByRole('button', { name: 'Start' }).click();
    const recent = queue.getByRole('button', { name: /Complete .*Course 5: logistic/ });
    await expect(recent).toBeVisible({ timeout: 60_000 });
    await recent.click();
    await expect(page.getByRole('article', { name: /^Run \d+$/ })).toBeVisible();
    await expect(page.getByTestId('interpretation')).toContainText('logreg');
    await page.screenshot({ path: shot('run-overview') });
    await page.getByRole('tab', { name: 'Confusion matrix' }).click();
    const cell = (kind: string) => page.locator(`td[data-cell="${kind}"] .main`);
    const counts = async () => Promise.all(['tn', 'fp', 'fn', 'tp'].map(async (k) => Number((await cell(k).textContent())!.replace(/,/g, ''))));
    const [tn, fp, fn, tp] = await counts();
    const n = tn + fp + fn + tp;
    expect(n).toBeGreaterThan(1000);
    const accuracy = page.getByTestId('threshold-metrics').locator('div', { hasText: 'Accuracy' }).locator('dd');
    await expect(accuracy).toHaveText(((tn + tp) / n).toFixed(3));
    await expect(page.getByTestId('confusion-summary')).not.toBeEmpty();
    await page.screenshot({ path: shot('run-confusion') });

    // The report exports as a picture for slides; the matrix as a chart.
    const reportPng = page.waitForEvent('download');
    await page.getByRole('group', { name: 'Export Classification report' }).getByRole('button', { name: 'PNG 2×' }).click();
    expect((await reportPng).suggestedFilename()).toBe('classification-report@2x.png');
    const matrixSvg = page.waitForEvent('download');
    await page.getByRole('group', { name: 'Export Confusion matrix chart' }).getByRole('button', { name: 'SVG' }).click();
    expect((await matrixSvg).suggestedFilename()).toBe('confusion-matrix-logreg-test-set.svg');

    // Moving the threshold moves rows between the columns of the matrix.
    await page.getByRole('slider').fill('0.8');
    await expect.poll(async () => (await counts()).join(',')).not.toBe([tn, fp, fn, tp].join(','));
    const [, fp2, , tp2] = await counts();
    expect(fp2 + tp2).toBeLessThan(fp + tp);
    await page.getByRole('tab', { name: 'Coefficients' }).click();
    await expect(page.getByRole('table', { name: 'Logistic regression coefficients' })).toContainText('video_duration_sec');
    await page.screenshot({ path: shot('run-coefficients') });

    // A forest grid: progress advances, a cancel stops it, a second start finishes.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Train' }).click();
    await recipeButton(page, COURSE6).click();
    await page.getByRole('button', { name: 'Remove xgb' }).click();
    const rf = page.getByRole('article', { name: 'Random forest rf' });
    await rf.getByLabel('Preset').selectOption({ label: 'Quick random forest' });
    await rf.getByLabel('n_estimators').fill('100, 200');
    await rf.getByLabel('max_depth').fill('6, 10, None');
    await expect(page.getByTestId('estimate')).toContainText('6 candidates');
    await page.getByRole('button', { name: 'Start' }).click();
    const bar = queue.getByRole('progressbar', { name: 'Overall progress' });
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 60_000 }).toBeGreaterThan(0);
    const first = Number(await bar.getAttribute('aria-valuenow'));
    await page.screenshot({ path: shot('queue-progress') });
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 60_000 }).toBeGreaterThan(first);
    // The app answers while it trains: the Data view's grid pages in and back.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Data' }).click();
    await expect(page.getByRole('grid')).toHaveAttribute('aria-rowcount', '19383');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Train' }).click();
    await queue.getByRole('button', { name: 'Cancel' }).click();
    // A run with a finished fit asks first; one without stops at once.
    const ask = page.getByRole('alertdialog');
    const cancelled = queue.getByRole('button', { name: /Cancelled .*Course 6/ });
    await expect(ask.or(cancelled)).toBeVisible({ timeout: 30_000 });
    if (await ask.isVisible()) await ask.getByRole('button', { name: 'Stop the run' }).click();
    await expect(cancelled).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Start' }).click();
    const done = queue.getByRole('button', { name: /Complete .*Course 6/ });
    await expect(done).toBeVisible({ timeout: 180_000 });
    await done.click();

    // The forest's importance chart names the features it used.
    await page.getByRole('tab', { name: 'Feature importance' }).click();
    const chart = page.getByRole('img', { name: 'Feature importance chart' });
    await expect(chart).toBeVisible();
    await expect(page.getByRole('table', { name: 'Feature importance' })).toContainText('video_view_count');
    // The picture is the host's SVG: ask the host for the same chart and read its labels.
    const runId = Number((await page.getByRole('article', { name: /^Run \d+$/ }).getAttribute('aria-label'))!.slice(4));
    const socket = await hostSocket(host.url);
    const drawn = (await socket.call('run.chart', { id: runId, modelId: 'rf', chart: { kind: 'importance', importance: 0, top: 15 }, format: 'svg', width: 720, height: 480, scale: 1 })) as { data: string };
    socket.close();
    expect(drawn.data).toContain('video_view_count');
    await page.screenshot({ path: shot('run-importance') });
    await page.getByRole('tab', { name: 'ROC and PR curves' }).click();
    await expect(page.getByRole('img', { name: 'ROC curve' })).toBeVisible();
    await page.screenshot({ path: shot('run-curves') });
    await page.getByRole('tab', { name: 'Cross-validation' }).click();
    await expect(page.getByRole('table', { name: /Cross-validation results of rf/ }).locator('tbody tr')).toHaveCount(6);
    await page.screenshot({ path: shot('run-cv') });

    // Runs are in the project: a reload lists all three.
    await page.reload();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Runs' }).click();
    const list = page.getByRole('navigation', { name: 'Runs' });
    await expect(list.getByRole('button')).toHaveCount(3);
    await expect(list).toContainText('Cancelled');
    // The newest run opens by itself, with its results read back from the project.
    await expect(page.getByRole('article', { name: `Run ${runId}` })).toBeVisible();
    // The URL kept the run's tab too (deep link): back on Cross-validation, as before the reload.
    await expect(page.getByRole('tab', { name: 'Cross-validation' })).toHaveAttribute('aria-selected', 'true');
    await expect.poll(() => new URL(page.url()).hash).toBe(`#/runs/${runId}?model=rf&tab=cv`);
    await page.getByRole('tab', { name: 'Overview' }).click();
    await expect(page.getByTestId('interpretation')).toContainText('rf');
    await list.getByRole('button', { name: /Cancelled/ }).click();
    await expect(page.getByRole('status').filter({ hasText: /This run was cancelled: \d+ of \d+ fits done; / })).toBeVisible();
    await page.screenshot({ path: shot('runs-after-reload') });
  });
});
