import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { runCourse5 } from './course5Run';
import { startHost, type RunningHost } from './webHost';

const shot = (name: string) => `/tmp/score-${name}.png`;
/** The sample's data rows (the grid's aria-rowcount counts the header row too). */
const SAMPLE_ROWS = 19382;

/** Clicks `button` and returns the file the page hands over as a download. */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; path: string }> {
  const pending = page.waitForEvent('download');
  await click();
  const d = await pending;
  const path = join(mkdtempSync(join(tmpdir(), 'assay-e2e-dl-')), d.suggestedFilename());
  await d.saveAs(path);
  return { name: d.suggestedFilename(), path };
}

test.describe('Keeping a model and scoring with it', () => {
  let host: RunningHost;
  test.beforeAll(async () => {
    host = await startHost();
  });
  test.afterAll(async () => {
    await host.stop();
  });

  test('a run’s model is saved, exported and scores the sample; data missing a column is refused by name', async ({ page }) => {
    test.setTimeout(240_000);
    await runCourse5(page, host.url);
    const actions = page.getByRole('group', { name: 'Model logreg' });
    await expect(actions).toBeVisible();
    await expect(actions).toContainText('argmax rule');
    await page.screenshot({ path: shot('runs-actions') });

    // Save model…: the .assaymodel file is the versioned JSON document.
    const saved = await download(page, () => actions.getByRole('button', { name: 'Save model…' }).click());
    expect(saved.name).toBe('logreg.assaymodel');
    const doc = JSON.parse(readFileSync(saved.path, 'utf8')) as { format: string; version: number; model: { id: string } };
    expect(doc.format).toBe('assay-model');
    expect(doc.version).toBe(1);
    expect(doc.model.id).toBe('logreg');
    expect(doc).toHaveProperty('threshold', null);

    // A threshold moved on the confusion matrix tab goes with the saved model, and with "Score with this model…".
    await page.getByRole('tab', { name: 'Confusion matrix' }).click();
    await page.locator('#threshold-slider').fill('0.4');
    await expect(actions).toContainText('decision threshold 0.4');
    const tuned = await download(page, () => actions.getByRole('button', { name: 'Save model…' }).click());
    expect(JSON.parse(readFileSync(tuned.path, 'utf8'))).toHaveProperty('threshold', 0.4);

    // Export model…: XGBoost JSON is refused for a logistic regression, saying why; ONNX is written.
    await actions.getByRole('button', { name: 'Export model…' }).click();
    const dialog = page.getByRole('dialog', { name: /Export model “logreg”/ });
    await expect(dialog).toBeVisible();
    const xgb = dialog.getByRole('radio', { name: /XGBoost JSON/ });
    await expect(xgb).toBeDisabled();
    await expect(dialog).toContainText('XGBoost JSON holds gradient-boosted trees only; this model is a logistic regression. Export it as ONNX instead.');
    await expect(dialog.getByRole('radio', { name: /ONNX/ })).toBeChecked();
    await page.screenshot({ path: shot('export-dialog') });
    const onnx = await download(page, () => dialog.getByRole('button', { name: 'Export' }).click());
    expect(onnx.name).toBe('logreg.onnx');
    expect(statSync(onnx.path).size).toBeGreaterThan(100);
    // The exporter's notes stay on screen: the file does not apply the threshold moved in the Runs view.
    await expect(dialog).toContainText('Saved logreg.onnx');
    await expect(dialog.getByRole('list', { name: 'Export notes' })).toContainText("The model's decision threshold is 0.4");
    await page.screenshot({ path: shot('export-notes') });
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    // Escape closes the dialog and gives the focus back.
    await actions.getByRole('button', { name: 'Export model…' }).click();
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(actions.getByRole('button', { name: 'Export model…' })).toBeFocused();

    // Score with this model…: the Score view opens on it, with the data the run used, and the columns fit.
    await actions.getByRole('button', { name: 'Score with this model…' }).click();
    const view = page.getByRole('region', { name: 'Score' });
    await expect(view).toBeVisible();
    await expect(page).toHaveURL(/#\/score\/1\?model=logreg$/);
    await expect(view.getByRole('combobox', { name: 'Run', exact: true })).toHaveValue('1');
    await expect(view.getByRole('combobox', { name: 'Model', exact: true })).toHaveValue('logreg');
    await expect(view.getByRole('combobox', { name: 'Dataset', exact: true })).toHaveValue(/\d+/);
    await expect(view.getByRole('combobox', { name: 'Dataset', exact: true }).locator('option:checked')).toHaveText(/tiktok_claims_sample/);
    await expect(view.getByTestId('check-ok')).toBeVisible({ timeout: 30_000 });
    const columns = view.getByRole('table', { name: 'Columns the model needs' });
    await expect(columns.getByRole('row')).toHaveCount(8);
    await expect(columns.getByRole('row', { name: /claim_status/ })).toContainText('✓ fits');
    const threshold = view.getByRole('textbox', { name: 'Decision threshold' });
    await expect(threshold).toHaveValue('0.4');
    await expect(view).toContainText("0.4 (from the Runs view) overrides the model's own threshold, 0.5 (the argmax rule)");
    await threshold.fill('');
    await expect(view).toContainText("The model's own: 0.5 (the argmax rule)");
    const score = view.getByRole('button', { name: 'Score', exact: true });
    await expect(score).toBeEnabled();
    await page.screenshot({ path: shot('before'), fullPage: true });

    // The threshold is validated as it is typed: Score waits for a probability.
    await threshold.fill('1.5');
    await expect(threshold).toHaveAttribute('aria-invalid', 'true');
    await expect(view.getByTestId('score-blocker')).toContainText('1.5 is outside 0–1');
    await expect(score).toBeDisabled();
    await threshold.fill('');
    await expect(score).toBeEnabled();

    await score.click();
    const result = view.getByTestId('score-result');
    await expect(result).toBeVisible({ timeout: 60_000 });
    await expect(view.getByTestId('rows-scored')).toContainText(`of ${SAMPLE_ROWS.toLocaleString('en-US')}`);
    await expect(result).toContainText('verified when p_verified > 0.5');
    // The sample has labels: the scored rows' confusion matrix and metrics.
    await expect(result.getByRole('figure', { name: /Confusion matrix of the scored rows/ })).toBeVisible();
    await expect(result.getByTestId('score-metrics')).toContainText('Accuracy');
    await expect(result.getByRole('heading', { name: /^Predictions:/ })).toBeFocused();
    await page.screenshot({ path: shot('result') });

    // The predictions are a dataset in the grid: every input row, its columns, then prediction, p_<class> and note.
    await result.getByRole('button', { name: 'Open in Data' }).click();
    await expect(page).toHaveURL(/#\/data\/\d+$/);
    const grid = page.getByRole('grid');
    await expect(grid).toHaveAttribute('aria-label', 'Rows of tiktok_claims_sample · logreg predictions');
    await expect(grid).toHaveAttribute('aria-rowcount', String(SAMPLE_ROWS + 1));
    await expect(grid).toHaveAttribute('aria-colcount', String(12 + 5 + 1));
    for (const name of ['video_duration_sec', 'row', 'prediction', 'p_not verified', 'p_verified', 'note']) {
      await expect(grid.getByRole('columnheader', { name: new RegExp(`^${name}\\b`) }).first()).toBeAttached();
    }
    await grid.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    await page.screenshot({ path: shot('predictions-grid') });

    // Back in Score, the result is still there; again with the threshold overridden and only the prediction columns.
    await page.goBack();
    await expect(result).toBeVisible();
    await threshold.fill('0.3');
    await expect(view).toContainText('A row is predicted verified when p_verified > 0.3');
    await view.getByRole('checkbox', { name: 'Keep input columns' }).uncheck();
    await score.click();
    await expect(result).toContainText('verified when p_verified > 0.3', { timeout: 60_000 });
    await result.getByRole('button', { name: 'Open in Data' }).click();
    await expect(grid).not.toHaveAttribute('aria-label', 'Rows of tiktok_claims_sample · logreg predictions');
    await expect(grid).toHaveAttribute('aria-colcount', String(5 + 1));
    await expect(grid).toHaveAttribute('aria-rowcount', String(SAMPLE_ROWS + 1));

    // Data without the model's columns: each missing or mistyped column is named, and Score stays disabled.
    const dir = mkdtempSync(join(tmpdir(), 'assay-e2e-score-'));
    const small = join(dir, 'two_columns.csv');
    writeFileSync(small, 'video_duration_sec,video_view_count\n12,many\n40,few\n7,some\n');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Score' }).click();
    await expect(view.getByTestId('check-ok')).toBeVisible({ timeout: 30_000 });
    await view.getByTestId('score-import-input').setInputFiles(small);
    await expect(view.getByRole('combobox', { name: 'Dataset', exact: true }).locator('option:checked')).toHaveText(/two_columns/, { timeout: 30_000 });
    const problems = view.getByTestId('check-problems');
    await expect(problems).toBeVisible({ timeout: 30_000 });
    await expect(problems).toContainText('The column "claim_status" is missing');
    await expect(problems).toContainText('The column "author_ban_status" is missing');
    await expect(problems).toContainText('The column "video_view_count" holds text');
    await expect(columns.getByRole('row', { name: /video_share_count/ })).toContainText('missing');
    await expect(score).toBeDisabled();
    await expect(view.getByTestId('score-blocker')).toContainText('The dataset does not fit the model');
    await page.screenshot({ path: shot('check-failure'), fullPage: true });

    // The saved file scores as the run's model does: uploaded, read, checked against the sample again.
    await view.getByRole('radio', { name: /A model file/ }).check();
    await expect(score).toBeDisabled();
    await view.getByTestId('model-file-input').setInputFiles(saved.path);
    await expect(view.getByRole('definition').filter({ hasText: 'logreg · Logistic regression' })).toBeVisible({ timeout: 30_000 });
    await expect(view.getByTestId('check-problems')).toBeVisible();
    await view.getByRole('combobox', { name: 'Dataset', exact: true }).selectOption({ label: `tiktok_claims_sample (${SAMPLE_ROWS.toLocaleString('en-US')} rows)` });
    await expect(view.getByTestId('check-ok')).toBeVisible({ timeout: 30_000 });
    await expect(score).toBeEnabled();
    await expect(page).toHaveURL(/#\/score$/);

    // A file from a newer Assay is refused, naming the file and its version; Score says why it waits.
    const newer = JSON.stringify({ ...doc, version: 2, assayVersion: '9.0.0' });
    await view.getByTestId('model-file-input').setInputFiles({ name: 'newer.assaymodel', mimeType: 'application/json', buffer: Buffer.from(newer) });
    const refusal = view.getByTestId('column-check').getByRole('alert');
    await expect(refusal).toContainText('newer.assaymodel');
    await expect(refusal).toContainText('version 2');
    await expect(score).toBeDisabled();
    await expect(view.getByTestId('score-blocker')).toContainText('could not be checked');
    await page.screenshot({ path: shot('file-refused'), fullPage: true });

    // The link to a run's model comes back after a reload.
    await page.goto(`${host.url}#/score/1?model=logreg`);
    await expect(view.getByRole('combobox', { name: 'Model', exact: true })).toHaveValue('logreg');
    await expect(view.getByTestId('check-ok')).toBeVisible({ timeout: 30_000 });
  });
});
