import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const COURSE6 = 'Claims vs opinions (Course 6: random forest and XGBoost)';
const COURSE5 = 'Verified status (Course 5: logistic regression, as the notebook does it)';
const COURSE5_CLEAN = 'Verified status (Course 5 without leakage: resampling after the split)';
const shot = (name: string) => `/tmp/b2-${name}.png`;
/** The preview prepares the whole sample (Course 6 counts n-grams) on the analysis thread: seconds alone, longer on a loaded 2-core machine. */
const PREVIEW_TIMEOUT = 60_000;

/**
 * The Course 6 preparation's final columns as scikit-learn and pandas give
 * them (scripts/fixtures/recipe_fixtures.py on the sample): the features, then the target.
 */
function sklearnColumns(): string[] {
  const fixture = JSON.parse(readFileSync('test/fixtures/recipe/course6.json', 'utf8')) as { features: string[] };
  return [...fixture.features, 'claim_status'];
}

async function openPrepare(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('grid')).toHaveAttribute('aria-rowcount', '19383');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Prepare' }).click();
  await expect(page.getByRole('complementary', { name: 'Recipes' })).toBeVisible();
}

function recipeButton(page: Page, name: string) {
  return page.getByRole('complementary', { name: 'Recipes' }).getByRole('button', { name, exact: false }).first();
}

async function previewColumns(page: Page): Promise<string[]> {
  return page.getByTestId('preview-columns').locator('li').allTextContents();
}

async function addStep(page: Page, label: string) {
  await page.getByRole('button', { name: '+ Add step' }).click();
  await page.getByRole('menuitem', { name: label }).click();
}

test.describe('Prepare view', () => {
  test('the Course 6 preparation built step by step gives the shipped recipe’s columns; saved, it survives a reload', async ({ page, host }) => {
    test.setTimeout(180_000);
    const expected = sklearnColumns();
    expect(expected).toHaveLength(26);
    await openPrepare(page, host.url);
    // The sample project comes with the three shipped recipes.
    for (const name of [COURSE6, COURSE5, COURSE5_CLEAN]) await expect(recipeButton(page, name)).toBeVisible();

    // The shipped recipe, opened, previews the same columns as scikit-learn gives.
    await recipeButton(page, COURSE6).click();
    await expect(page.getByTestId('preview-shape')).toContainText('11,450 × 25');
    expect(await previewColumns(page)).toEqual(expected);

    await page.getByRole('button', { name: 'New', exact: true }).click();
    await expect(page.getByTestId('models-note')).toContainText('default logistic regression');
    await page.getByLabel('Recipe name').fill('Claims built in the editor');
    await page.getByLabel('Target column').selectOption('claim_status');
    await expect(page.getByRole('combobox', { name: 'Positive class' }).locator('option', { hasText: 'claim' })).toHaveCount(1);
    await page.getByRole('combobox', { name: 'Positive class' }).selectOption('claim');
    // Without steps the whole table is previewed, with the reminder that training needs a split, and no stale complaints.
    await expect(page.getByTestId('preview-warnings').locator('[data-code="no-split"]')).toBeVisible();
    await expect(page.getByTestId('preview-field-errors')).toHaveCount(0);
    await expect(page.getByTestId('preview-shape')).toContainText('19,382 × 12');
    await page.screenshot({ path: shot('new'), fullPage: false });
    await page.getByRole('button', { name: '+ Add step' }).click();
    await expect(page.getByRole('menuitem')).toHaveCount(9);
    await page.screenshot({ path: shot('add-menu'), fullPage: false });
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toHaveCount(0);
    await addStep(page, 'Drop missing rows');
    await addStep(page, 'Text length');
    await page.locator('#step-1-column').fill('video_transcription_text');
    await addStep(page, 'Drop columns');
    // Validated as typed: an empty list says why next to the field.
    await expect(page.locator('#step-2-columns-error')).toHaveText('choose at least one column');
    await page.locator('#step-2-columns').fill('#, video_id');
    await expect(page.locator('#step-2-columns-error')).toHaveCount(0);
    await addStep(page, 'One-hot encode');
    await page.locator('#step-3-columns').fill('verified_status, author_ban_status');
    await page.locator('#step-3-dropFirst').check();
    await addStep(page, 'Split train / validation / test');
    await page.locator('#step-4-test').fill('1.2');
    await expect(page.locator('#step-4-test-error')).toHaveText('must be < 1');
    await page.locator('#step-4-test').fill('0.2');
    await page.locator('#step-4-validation').fill('0.25');
    await page.locator('#step-4-randomState').fill('0');
    await addStep(page, 'Word n-gram counts');
    await page.locator('#step-5-column').fill('video_transcription_text');
    await page.locator('#step-5-ngramRange').fill('2-3');
    await page.locator('#step-5-maxFeatures').fill('x');
    await expect(page.locator('#step-5-maxFeatures-error')).toHaveText('“x” is not a number');
    await page.locator('#step-5-maxFeatures').fill('15');
    await page.locator('#step-5-stopWords').selectOption({ label: 'English' });

    await expect(page.getByTestId('preview-shape')).toContainText('11,450 × 25');
    await expect.poll(() => previewColumns(page), { timeout: PREVIEW_TIMEOUT }).toEqual(expected);
    await expect(page.getByTestId('preview-shape')).toContainText('3,817 × 25');
    const warnings = page.getByTestId('preview-warnings');
    await expect(warnings.locator('[data-code="correlation"]').filter({ hasText: 'video_like_count' }).first()).toBeVisible();
    await expect(warnings.locator('[data-code="leakage"]')).toHaveCount(0);
    await expect(page.getByTestId('preview-table').locator('tbody tr')).toHaveCount(50);
    await page.screenshot({ path: shot('built'), fullPage: false });

    // Undo takes back the last edit (the stop words), redo puts it back.
    await page.locator('body').press('Control+z');
    await expect(page.locator('#step-5-stopWords')).toHaveValue('0');
    await page.locator('body').press('Control+Shift+z');
    await expect(page.locator('#step-5-stopWords')).toHaveValue('1');

    await expect(page.getByTestId('save-state')).toContainText('Unsaved changes');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByTestId('save-state')).toHaveText('Saved');

    // The URL holds the view and the recipe: the reload comes back to them.
    await page.reload();
    await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Prepare' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByLabel('Recipe name')).toHaveValue('Claims built in the editor');
    await expect(page.getByTestId('step')).toHaveCount(6);
    await expect(page.locator('#step-5-ngramRange')).toHaveValue('2–3');
    await expect.poll(() => previewColumns(page), { timeout: PREVIEW_TIMEOUT }).toEqual(expected);
    await expect(page.getByTestId('models-note')).toContainText('logreg');
  });

  test('the notebook’s Course 5 recipe is flagged for leakage, its fixed version is not', async ({ page, host }) => {
    await openPrepare(page, host.url);
    await recipeButton(page, COURSE5).click();
    const leak = page.getByTestId('preview-warnings').locator('[data-code="leakage"]');
    await expect(leak).toHaveCount(2);
    await expect(leak.nth(1)).toContainText('Step 3 (resample)');
    await expect(leak.nth(1)).toContainText('Move it after the split');
    await expect(page.getByTestId('step').nth(2).getByText('leaks')).toBeVisible();
    await page.screenshot({ path: shot('leakage'), fullPage: false });

    await recipeButton(page, COURSE5_CLEAN).click();
    await expect(page.getByTestId('preview-shape')).toContainText('Train');
    await expect(page.getByTestId('preview-warnings').locator('[data-code="leakage"]')).toHaveCount(0);

    // A chosen list of features: unticking one takes it out of the prepared table.
    expect(await previewColumns(page)).toContain('video_comment_count');
    await page.getByLabel('Chosen columns').check();
    const features = page.getByRole('region', { name: 'Features' });
    await features.getByLabel('video_comment_count').uncheck();
    await expect.poll(() => previewColumns(page), { timeout: PREVIEW_TIMEOUT }).not.toContain('video_comment_count');
    expect(await previewColumns(page)).toContain('video_view_count');
    await features.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('features'), fullPage: false });
  });

  test('steps move with buttons and keys, a failing step is named, recipes duplicate, delete and import', async ({ page, host }) => {
    await openPrepare(page, host.url);
    await recipeButton(page, COURSE6).click();
    await expect(page.getByTestId('preview-shape')).toContainText('Train');
    // A typo in a column: the failure names the step and the column.
    await page.locator('#step-2-columns').fill('#, video_idx');
    await expect(page.getByTestId('preview-failure')).toContainText('Step 3 (drop columns): The column "video_idx" does not exist');
    await page.screenshot({ path: shot('failure'), fullPage: false });
    await page.locator('body').press('Control+z');
    await expect(page.locator('#step-2-columns')).toHaveValue('#, video_id');
    await expect(page.getByTestId('preview-failure')).toHaveCount(0);

    // Move the split above the one-hot step with its button, and back with Alt+↓.
    await page.getByRole('button', { name: 'Move step 5 up' }).click();
    await expect(page.getByTestId('step').nth(3)).toHaveAttribute('data-op', 'split');
    await page.keyboard.press('Alt+ArrowDown');
    await expect(page.getByTestId('step').nth(4)).toHaveAttribute('data-op', 'split');
    await expect(page.getByTestId('save-state')).toHaveText('Saved');
    await page.getByRole('button', { name: 'Remove step 6' }).click();
    await expect(page.getByTestId('step')).toHaveCount(5);
    await expect(page.getByTestId('preview-failure')).toContainText('video_transcription_text');

    // Leaving with unsaved changes asks first.
    await recipeButton(page, COURSE5_CLEAN).click();
    await expect(page.getByRole('alertdialog')).toContainText('Discard');
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await expect(page.getByLabel('Recipe name')).toHaveValue(COURSE5_CLEAN);

    await page.getByRole('button', { name: `Duplicate ${COURSE6}` }).click();
    await expect(page.getByLabel('Recipe name')).toHaveValue(`${COURSE6} (copy)`);
    await page.getByRole('button', { name: `Delete ${COURSE6} (copy)` }).click();
    await expect(page.getByRole('alertdialog')).toContainText('cannot be undone');
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(recipeButton(page, `${COURSE6} (copy)`)).toHaveCount(0);

    // Import: broken JSON says where; a valid file becomes a recipe.
    const input = page.getByTestId('recipe-import-input');
    await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "version": 1,\n  "name": "x",\n}\n') });
    await expect(page.getByTestId('import-problem')).toContainText('broken.json, line 4, column 1');
    await page.screenshot({ path: shot('import-problem'), fullPage: false });
    const text = readFileSync('resources/recipes/claims-course6.json', 'utf8').replace(COURSE6, 'Imported claims');
    await input.setInputFiles({ name: 'claims.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(page.getByLabel('Recipe name')).toHaveValue('Imported claims');
    await expect(page.getByTestId('import-problem')).toHaveCount(0);
    await page.screenshot({ path: shot('list'), fullPage: false });
  });
});
