import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { runCourse5 } from './course5Run';
import { startHost, type RunningHost } from './webHost';

const COURSE6 = 'Claims vs opinions (Course 6: random forest and XGBoost)';
const shot = (name: string) => `/tmp/py-${name}.png`;

/** Clicks and returns the file the page hands over as a download. */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const pending = page.waitForEvent('download');
  await click();
  const d = await pending;
  const path = join(mkdtempSync(join(tmpdir(), 'assay-e2e-py-')), d.suggestedFilename());
  await d.saveAs(path);
  return { name: d.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** The recipe's seed: the split step's random state. */
function course6Seed(): number {
  const recipe = JSON.parse(readFileSync('resources/recipes/claims-course6.json', 'utf8')) as { steps: { op: string; randomState?: number }[] };
  return recipe.steps.find((s) => s.op === 'split')!.randomState!;
}

test.describe('Export as Python…', () => {
  // The Course 5 run is seen by the Runs view of every spec sharing a host: this spec has its own.
  let host: RunningHost;
  test.beforeAll(async () => {
    host = await startHost();
  });
  test.afterAll(async () => {
    await host.stop();
  });

  test('from Prepare: Course 6 as a script and as a notebook; blocked while the recipe has unsaved changes', async ({ page }) => {
    await page.goto(host.url);
    await expect(page.getByRole('grid')).toHaveAttribute('aria-rowcount', '19383');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Prepare' }).click();
    await page.getByRole('complementary', { name: 'Recipes' }).getByRole('button', { name: COURSE6, exact: false }).first().click();
    const open = page.getByRole('button', { name: 'Export as Python…' });
    await expect(open).toBeEnabled();

    // An unsaved edit: the export would not be what the view shows, so it waits for Save and says so.
    const name = page.getByRole('textbox', { name: 'Recipe name' });
    await name.fill(`${COURSE6} edited`);
    await expect(open).toBeDisabled();
    await expect(open).toHaveAttribute('title', /Save the recipe first/);
    await page.locator('body').press('Control+z');
    await expect(name).toHaveValue(COURSE6);
    await expect(open).toBeEnabled();

    // Escape closes the dialog and the focus returns to the button.
    await open.click();
    const dialog = page.getByRole('dialog', { name: /Export “Claims vs opinions.*” as Python/ });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('radio', { name: 'Script (.py)' })).toBeFocused();
    await page.screenshot({ path: shot('prepare-dialog') });
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(open).toBeFocused();

    await open.click();
    const script = await download(page, () => dialog.getByRole('button', { name: 'Save' }).click());
    expect(script.name).toMatch(/^claims_vs_opinions.*\.py$/);
    expect(script.text).toContain('GridSearchCV');
    expect(script.text).toContain('StratifiedKFold');
    expect(script.text).toContain(`random_state=${course6Seed()}`);
    expect(script.text).toContain('DEFAULT_DATA = "tiktok_claims_sample.csv"');
    await expect(dialog).toContainText(`Saved ${script.name}`);
    await expect(dialog.getByRole('list', { name: 'Export notes' })).toContainText('tiktok_claims_sample.csv');
    await page.screenshot({ path: shot('prepare-saved') });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(open).toBeFocused();

    await open.click();
    await dialog.getByRole('radio', { name: 'Notebook (.ipynb)' }).check();
    await dialog.getByRole('checkbox', { name: 'Grid searches on a Dask cluster' }).check();
    const notebook = await download(page, () => dialog.getByRole('button', { name: 'Save' }).click());
    expect(notebook.name).toMatch(/\.ipynb$/);
    const nb = JSON.parse(notebook.text) as { nbformat: number; cells: { source: string | string[] }[] };
    expect(nb.nbformat).toBe(4);
    expect(nb.cells.map((c) => (Array.isArray(c.source) ? c.source.join('') : c.source)).join('\n')).toContain('parallel_backend("dask")');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  });

  test('from a Course 5 run: the run’s recipe, with its leakage noted in the dialog and a notice', async ({ page }) => {
    test.setTimeout(180_000);
    await runCourse5(page, host.url);
    const open = page.getByRole('button', { name: 'Export as Python…' });
    await open.click();
    const dialog = page.getByRole('dialog', { name: /Export run #\d+'s recipe as Python/ });
    await expect(dialog).toBeVisible();
    const script = await download(page, () => dialog.getByRole('button', { name: 'Save' }).click());
    expect(script.name).toMatch(/^verified_status.*\.py$/);
    expect(script.text).toContain('# LEAKAGE');
    const notes = dialog.getByRole('list', { name: 'Export notes' });
    await expect(notes).toContainText(/runs before the split and leaks/);
    await expect(page.getByText(/Exported verified_status.*runs before the split and leaks/)).toBeVisible();
    await page.screenshot({ path: shot('run-leak') });
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(open).toBeFocused();
  });
});
