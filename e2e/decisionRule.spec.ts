import { test, expect } from '@playwright/test';
import { runCourse5 } from './course5Run';
import { startHost, type RunningHost } from './webHost';

test.describe('One decision rule in the Runs view', () => {
  // A host of its own: the run this test starts must not appear in the other files' run lists.
  let host: RunningHost;
  test.beforeAll(async () => {
    host = await startHost();
  });
  test.afterAll(async () => {
    await host.stop();
  });

  test('says where a tie goes, tunes on out-of-fold predictions without a validation set, and cautions on the test set', async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1400, height: 900 });
    await runCourse5(page, host.url);
    // The leak is named as the Prepare list numbers and words its steps.
    await expect(page.getByText('Step 2 (cap outliers): ', { exact: false })).toBeVisible();
    await page.getByRole('tab', { name: 'Confusion matrix' }).click();
    await expect(page.getByTestId('decision-rule')).toContainText('when p(verified) > 0.500; a tie at exactly 0.500 goes to “not verified”.');

    // Course 5 has no validation set: the threshold is tuned on cross-validation, not on the test set shown.
    const tuneOn = page.getByLabel('Tune on');
    await expect(tuneOn.locator('option:checked')).toHaveText('Cross-validation (out-of-fold)');
    const controls = page.getByRole('group', { name: 'Decision threshold' });
    await expect(controls.getByRole('note')).toHaveCount(0);
    await page.getByLabel('Strictest threshold reaching recall ≥').fill('0.9');
    await page.getByRole('button', { name: 'Find' }).click();
    await expect(page.getByTestId('threshold-message')).toContainText('On the cross-validation out-of-fold predictions, ');

    await tuneOn.selectOption({ label: 'Test set — tuning here biases the final reading' });
    await expect(controls.getByRole('note')).toContainText('the test set gives the final reading');
    await page.screenshot({ path: '/tmp/decision-rule-test-tuning.png' });
  });
});
