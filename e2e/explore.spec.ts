import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const shots = process.env.ASSAY_SHOTS;

async function openExplore(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('grid')).toHaveAttribute('aria-rowcount', '19383');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Explore' }).click();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
}

async function openCharts(page: Page) {
  await page.getByRole('tab', { name: 'Charts' }).click();
  await expect(page.getByRole('form', { name: 'Chart settings' })).toBeVisible();
}

/** The chart image once the host has drawn it for the current settings. */
async function drawnChart(page: Page, alt: RegExp) {
  const img = page.getByTestId('chart-image').getByRole('img', { name: alt });
  await expect(img).toBeVisible();
  await expect(page.getByTestId('chart-image')).toHaveAttribute('aria-busy', 'false');
  return img;
}

test.describe('Explore', () => {
  test('the profile shows the sample’s missing claim_status values, no duplicates, value counts, VIF and correlations', async ({ page, host }) => {
    await openExplore(page, host.url);
    await expect(page.getByTestId('profile-rows')).toHaveText('19,382');
    await expect(page.getByTestId('profile-columns')).toHaveText('12');
    await expect(page.getByTestId('profile-duplicates')).toHaveText('0 (0%)');

    const columns = page.getByRole('table', { name: 'Columns' });
    const claim = columns.getByRole('row', { name: /^claim_status\b/ });
    // non-null 19,084, missing 298 (1.5%), two classes, the most frequent "claim" 9,608 times.
    await expect(claim.getByRole('cell').nth(2)).toHaveText('19,084');
    await expect(claim.getByRole('cell').nth(3)).toHaveText('298');
    await expect(claim.getByRole('cell').nth(4)).toHaveText('1.5%');
    await expect(claim.getByRole('cell').nth(12)).toHaveText('2');
    await expect(claim.getByRole('cell').nth(13)).toHaveText('claim');
    await expect(claim.getByRole('cell').nth(14)).toHaveText('9,608');
    const views = columns.getByRole('row', { name: /^video_view_count\b/ });
    await expect(views.getByRole('cell').nth(5)).toHaveText('257,740.29');

    const counts = page.getByRole('table', { name: 'Value counts of claim_status' });
    await expect(counts.getByRole('row', { name: /^claim\b/ })).toContainText('9,608');
    await expect(counts.getByRole('row', { name: /^opinion\b/ })).toContainText('9,476');

    // The seed drops video_like_count for its collinearity with the views: its VIF is marked.
    const vif = page.getByRole('table', { name: 'Variance inflation' });
    await expect(vif.getByRole('row', { name: /^video_like_count\b/ }).getByRole('cell')).toHaveClass(/warn/);

    const matrix = page.getByRole('table', { name: 'Pearson correlation matrix' });
    await expect(matrix.getByRole('row', { name: /^video_view_count\b/ })).toContainText('1.00');
    await page.getByRole('radio', { name: 'Spearman' }).check();
    await expect(page.getByRole('table', { name: 'Spearman correlation matrix' })).toBeVisible();
    if (shots) await page.screenshot({ path: join(shots, 'explore-profile.png'), fullPage: true });
  });

  test('the seed charts: box plot of views, text length by class, the correlation heatmap', async ({ page, host }) => {
    await openExplore(page, host.url);
    await openCharts(page);

    await page.getByRole('button', { name: 'Box plot of video_view_count' }).click();
    await drawnChart(page, /Box plot of video_view_count/);
    await expect(page.getByTestId('chart-note')).toContainText('298 rows with missing values skipped');
    if (shots) await page.screenshot({ path: join(shots, 'explore-box.png'), animations: 'disabled' });

    await page.getByRole('button', { name: 'Text length by claim_status' }).click();
    await expect(page.getByLabel('Values')).toHaveValue('len:video_transcription_text');
    await expect(page.getByLabel('Colour by')).toHaveValue('claim_status');
    await drawnChart(page, /^Histogram of length of video_transcription_text by claim_status$/);
    if (shots) await page.screenshot({ path: join(shots, 'explore-text-length.png'), animations: 'disabled' });
    // The host labels the derived axis in words, as the seed's plot does (read from the exported SVG).
    const svgDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'SVG' }).click();
    const svgFile = await svgDownload;
    expect(svgFile.suggestedFilename()).toBe('length-of-video-transcription-text-by-claim-status.svg');
    expect(readFileSync((await svgFile.path())!, 'utf8')).toContain('>Length of video transcription text<');

    // Bins: a typed count is used; a wrong one is explained instead of drawn.
    await page.getByRole('combobox', { name: 'Bins' }).fill('ten');
    await expect(page.getByRole('status').filter({ hasText: 'Bins must be "auto" or a whole number' })).toBeVisible();
    await page.getByRole('combobox', { name: 'Bins' }).fill('12');
    await drawnChart(page, /^Histogram of length of video_transcription_text by claim_status$/);

    // An edited title is drawn by the host (the SVG holds it) and names the image.
    await page.getByLabel('Title').fill('Transcription length by claim status');
    await drawnChart(page, /Transcription length by claim status/);

    await page.getByRole('button', { name: 'Correlation heatmap' }).click();
    await drawnChart(page, /^Correlation heatmap of 6 columns$/);
    await page.getByRole('checkbox', { name: 'video_duration_sec' }).uncheck();
    await drawnChart(page, /^Correlation heatmap of 5 columns$/);
    if (shots) await page.screenshot({ path: join(shots, 'explore-heatmap.png'), animations: 'disabled' });

    // A form that cannot make a chart says why instead of drawing.
    await page.getByRole('combobox', { name: 'Chart', exact: true }).selectOption('barCounts');
    await page.getByRole('combobox', { name: 'Colour by' }).selectOption('claim_status');
    await page.getByRole('combobox', { name: 'Count', exact: true }).selectOption('claim_status');
    await expect(page.getByRole('status').filter({ hasText: 'Colour by a different column' })).toBeVisible();
  });

  test('every control has a name, and a seed chart is drawn and exported from the keyboard alone', async ({ page, host }) => {
    await openExplore(page, host.url);
    await page.getByRole('tab', { name: 'Profile' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Charts' })).toBeFocused();
    await expect(page.getByRole('form', { name: 'Chart settings' })).toBeVisible();

    // The first stop after the tabs is the first seed chart.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Box plot of video_view_count' })).toBeFocused();
    await page.keyboard.press('Enter');
    await drawnChart(page, /Box plot of video_view_count/);

    // An unnamed control shows in the accessibility tree as a bare role, e.g. `- combobox` or `- textbox [disabled]`.
    const unnamed = /^\s*- (button|combobox|textbox|checkbox|radio|spinbutton|tab)(\s*\[[^\]]*\])*:?\s*$/m;
    for (const kind of ['histogram', 'box', 'barCounts', 'heatmap', 'scatter', 'groupedMean']) {
      await page.getByRole('combobox', { name: 'Chart', exact: true }).selectOption(kind);
      const tree = await page.getByRole('region', { name: 'Explore' }).ariaSnapshot();
      expect(tree, `${kind}: ${tree}`).not.toMatch(unnamed);
    }

    // Tab from the chart kind reaches the export buttons; Enter exports.
    await page.getByRole('combobox', { name: 'Chart', exact: true }).selectOption('box');
    await drawnChart(page, /Box plot of video_view_count/);
    const png1 = page.getByRole('button', { name: 'PNG 1×' });
    for (let i = 0; i < 20 && !(await png1.evaluate((el) => el === el.ownerDocument.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(png1).toBeFocused();
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    expect((await download).suggestedFilename()).toBe('box-plot-of-video-view-count.png');
  });

  test('PNG export at 2× is a valid PNG of twice the chart size', async ({ page, host }) => {
    await openExplore(page, host.url);
    await openCharts(page);
    await page.getByRole('button', { name: 'Box plot of video_view_count' }).click();
    const img = await drawnChart(page, /Box plot of video_view_count/);
    const width = Number(await img.getAttribute('width'));
    const height = Number(await img.getAttribute('height'));
    await expect(page.getByRole('group', { name: 'Export chart' })).toContainText(`${width} × ${height} px`);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'PNG 2×' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('box-plot-of-video-view-count@2x.png');
    const png = readFileSync((await file.path())!);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2 * width, 2 * height]);

    const svg = page.waitForEvent('download');
    await page.getByRole('button', { name: 'SVG' }).click();
    const svgText = readFileSync((await (await svg).path())!, 'utf8');
    expect(svgText).toContain('<svg');
    expect(svgText).toContain('Box plot of video view count');
  });
});
