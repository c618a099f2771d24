import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { test, expect, type Page } from '@playwright/test';
import { runCourse5 } from './course5Run';
import { startHost, type RunningHost } from './webHost';

/** The slides' titles in the Report view, in order. */
async function slideTitles(page: Page): Promise<string[]> {
  const inputs = page.getByRole('list', { name: 'Slides' }).getByRole('textbox', { name: /^Title of slide \d+$/ });
  return inputs.evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value));
}

/** Exports the open report as PowerPoint and opens the downloaded file as a zip. */
async function exportPptx(page: Page): Promise<{ name: string; zip: JSZip }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Export PowerPoint/ }).click();
  const file = await download;
  const bytes = readFileSync((await file.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  return { name: file.suggestedFilename(), zip: await JSZip.loadAsync(bytes) };
}

test.describe('The Report view', () => {
  let host: RunningHost;
  test.beforeAll(async () => {
    host = await startHost();
  });
  test.afterAll(async () => {
    await host.stop();
  });

  test('a table and a chart added from a run, reordered by button and keyboard, export as a deck in that order; it survives a reload', async ({ page }) => {
    test.setTimeout(240_000);
    await runCourse5(page, host.url);
    await page.getByRole('button', { name: 'Add to report: Model scores' }).click();
    await expect(page.getByText(/Added to “Report” \(slide 1\)/)).toBeVisible();
    await page.getByRole('tab', { name: 'ROC and PR curves' }).click();
    await page.getByRole('button', { name: 'Add to report: ROC curve' }).click();
    await expect(page.getByText(/Added to “Report” \(slide 2\)/)).toBeVisible();

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Report' }).click();
    const view = page.getByRole('region', { name: 'Report' });
    const slides = view.getByRole('list', { name: 'Slides' });
    await expect(slides.getByRole('article')).toHaveCount(2);
    const before = await slideTitles(page);
    expect(before[1]).toMatch(/ROC/);
    // The table slide carries its cells.
    await expect(view.getByRole('table', { name: 'Table of slide 1' })).toContainText('logreg');

    await view.getByRole('button', { name: 'Move slide 2 up' }).click();
    await expect.poll(() => slideTitles(page)).toEqual([before[1], before[0]]);
    // Alt+↓ on the first card moves it back down, and Alt+↑ up again.
    await slides.getByRole('article').first().focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => slideTitles(page)).toEqual(before);
    await slides.getByRole('article').nth(1).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => slideTitles(page)).toEqual([before[1], before[0]]);
    await view.getByRole('textbox', { name: 'Caption of slide 1' }).fill('The curve the champion was chosen on');
    await expect(page.getByTestId('report-save-state')).toHaveText(/Saved/, { timeout: 15_000 });
    await page.screenshot({ path: 'test-results/report-view.png', fullPage: true });

    const { name, zip } = await exportPptx(page);
    expect(name).toMatch(/\.pptx$/);
    const slideFiles = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slideFiles).toHaveLength(2);
    const first = await zip.file('ppt/slides/slide1.xml')!.async('string');
    const second = await zip.file('ppt/slides/slide2.xml')!.async('string');
    expect(first).toContain('The curve the champion was chosen on');
    // The ROC curve is a native chart with its workbook; the table a native table.
    expect(first).toContain('c:chart');
    expect(Object.keys(zip.files).some((f) => /^ppt\/embeddings\/.*\.xlsx$/.test(f))).toBe(true);
    expect(second).toContain('<a:tbl>');
    expect(second).toContain('logreg');

    await page.reload();
    await expect(page.getByRole('region', { name: 'Report' }).getByRole('list', { name: 'Slides' }).getByRole('article')).toHaveCount(2);
    expect(await slideTitles(page)).toEqual([before[1], before[0]]);
  });

  test('"New report from run" builds the whole deck, with the executive summary and the champion’s test figures', async ({ page }) => {
    test.setTimeout(240_000);
    // A run of its own, so the test stands alone (the host is per describe, restarted after a failure).
    await runCourse5(page, host.url);
    await page.getByRole('button', { name: 'New report from run' }).click();
    const view = page.getByRole('region', { name: 'Report' });
    await expect(view.getByRole('list', { name: 'Slides' }).getByRole('article').first()).toBeVisible();
    const titles = await slideTitles(page);
    expect(titles.length).toBeGreaterThanOrEqual(8);
    expect(titles.some((t) => /executive summary/i.test(t))).toBe(true);
    await page.screenshot({ path: 'test-results/report-from-run.png', fullPage: true });
    const { zip } = await exportPptx(page);
    const texts = await Promise.all(Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    expect(texts).toHaveLength(titles.length);
    const all = texts.join('\n');
    expect(all).not.toMatch(/NaN|undefined/);
    // Course 5 on the sample: the champion's test recall as the Runs view prints it.
    expect(all).toContain('0.842');
  });
});
