import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** The category filter is a checklist of the column's values with counts and a search box; the page is set in the bundled Lato. */

function header(page: Page, name: string) {
  return page.getByRole('columnheader', { name, exact: false }).first();
}

test('the claim_status filter lists its values with counts, searches, and ticks by keyboard', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('grid')).toHaveAttribute('aria-rowcount', '19383');
  await header(page, 'claim_status').getByRole('button', { name: 'Filter claim_status' }).click();
  const dialog = page.getByRole('dialog', { name: 'Filter claim_status' });
  const values = dialog.getByRole('group', { name: 'Values of claim_status' });
  await expect(values.getByRole('checkbox')).toHaveCount(3);
  await expect(values.locator('label')).toHaveText([/claim\s*9,608/, /opinion\s*9,476/, /\(missing\)\s*298/]);

  // The search box has focus; it narrows the list, and "Select all" ticks only what is shown.
  const search = dialog.getByRole('searchbox', { name: 'Search values' });
  await expect(search).toBeFocused();
  await page.keyboard.type('OPI');
  await expect(values.getByRole('checkbox')).toHaveCount(1);
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Select all' })).toBeFocused();
  await page.keyboard.press('Enter');
  await search.fill('');
  await expect(values.getByRole('checkbox', { name: /^opinion/ })).toBeChecked();
  await expect(values.getByRole('checkbox', { name: /^claim/ })).not.toBeChecked();

  // Down moves through the list; Space ticks the missing values too.
  await values.getByRole('checkbox', { name: /^opinion/ }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(values.getByRole('checkbox', { name: /^\(missing\)/ })).toBeFocused();
  await page.keyboard.press('Space');
  await dialog.getByRole('button', { name: 'Apply' }).click();

  await expect(page.getByTestId('row-count')).toContainText('9,774 of 19,382');
  await expect(page.getByTestId('filter-chip')).toContainText('claim_status in opinion or missing');

  // Reopened, it shows what it holds.
  await header(page, 'claim_status').getByRole('button', { name: 'Filter claim_status' }).click();
  await expect(values.getByRole('checkbox', { name: /^opinion/ })).toBeChecked();
  await expect(values.getByRole('checkbox', { name: /^\(missing\)/ })).toBeChecked();
  await expect(values.getByRole('checkbox', { name: /^claim/ })).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Select none' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Tick one or more values');
  await expect(dialog.getByRole('button', { name: 'Apply' })).toBeDisabled();
});

test('the page is set in the bundled Lato, served as a font by the host', async ({ page, host }) => {
  const fonts: { url: string; status: number; type: string | undefined }[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('.ttf')) fonts.push({ url: r.url(), status: r.status(), type: r.headers()['content-type'] });
  });
  await page.goto(host.url);
  await expect(page.getByRole('grid')).toBeVisible();
  // The e2e project has no DOM types: the page's objects are described here.
  type FontFaceLike = { family: string; weight: string; status: string };
  type PageDocument = { fonts: Iterable<FontFaceLike> & { ready: Promise<unknown> }; body: unknown };
  type PageGlobals = { document: PageDocument; getComputedStyle: (e: unknown) => { fontFamily: string } };
  const faces = await page.evaluate(async () => {
    const { document } = globalThis as unknown as PageGlobals;
    await document.fonts.ready;
    return [...document.fonts].map((f) => ({ family: f.family.replace(/["']/g, ''), weight: f.weight, status: f.status }));
  });
  expect(faces).toContainEqual({ family: 'Lato', weight: '400', status: 'loaded' });
  const bodyFont = await page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    return g.getComputedStyle(g.document.body).fontFamily;
  });
  expect(bodyFont).toMatch(/^Lato,/);
  expect(fonts.some((f) => /Lato-Regular[^/]*\.ttf$/.test(f.url) && f.status === 200 && f.type === 'font/ttf')).toBe(true);
});
