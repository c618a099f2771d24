import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const shots = process.env.ASSAY_SHOTS;

/** Index of video_view_count among the grid's data cells (the gutter is a rowheader). */
const VIEW_COUNT = 7;

function header(page: Page, name: string) {
  return page.getByRole('columnheader', { name, exact: false }).first();
}

function row(page: Page, ariaRowIndex: number) {
  return page.locator(`[role="row"][aria-rowindex="${ariaRowIndex}"]`);
}

/** RFC 4180 rows, read here rather than by the importer under test: quoted fields, doubled quotes, newlines in quotes. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      rows.push(fields);
      fields = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || fields.length > 0) rows.push([...fields, field]);
  return rows;
}

/** The sample's video_view_count by its `#` (the original row number), for the rows that have one. */
function sampleViewCounts(): Map<number, number> {
  const [header, ...rows] = readCsv(readFileSync('resources/sample/tiktok_claims_sample.csv', 'utf8'));
  const id = header.indexOf('#');
  const views = header.indexOf('video_view_count');
  const counts = new Map<number, number>();
  for (const r of rows) if (r[views] !== '') counts.set(Number(r[id]), Number(r[views]));
  return counts;
}

test.describe('Grid queries on the sample project', () => {
  test('sorting a column cycles ascending, descending and none', async ({ page, host }) => {
    await page.goto(host.url);
    await expect(page.getByRole('grid')).toHaveAttribute('aria-rowcount', '19383');
    const h = header(page, 'video_view_count');
    const sortButton = h.getByRole('button', { name: 'video_view_count', exact: true });
    await expect(h).toHaveAttribute('aria-sort', 'none');
    await sortButton.click();
    await expect(h).toHaveAttribute('aria-sort', 'ascending');
    await sortButton.click();
    await expect(h).toHaveAttribute('aria-sort', 'descending');
    await expect(page.getByTestId('row-count')).toHaveText('19,382 rows');

    // A whole page: the first 15 rows are the sample's 15 largest counts, in order, each on its own row.
    const counts = sampleViewCounts();
    expect(counts.size).toBe(19084);
    const largest = [...counts.values()].sort((x, y) => y - x).slice(0, 15);
    await expect(row(page, 16).getByRole('gridcell').nth(VIEW_COUNT)).toHaveText(String(largest[14]));
    const shown: number[] = [];
    for (let i = 2; i < 17; i++) {
      const cells = row(page, i).getByRole('gridcell');
      const views = Number(await cells.nth(VIEW_COUNT).textContent());
      shown.push(views);
      expect(counts.get(Number(await cells.first().textContent()))).toBe(views);
    }
    expect(shown).toEqual(largest);
    // The gutter keeps the original row number, which is not 1 for the largest count.
    const gutter = row(page, 2).getByRole('rowheader');
    await expect(gutter).toHaveText(/^\d+$/);
    // The `#` column holds the original row number too: the two agree.
    await expect(row(page, 2).getByRole('gridcell').first()).toHaveText((await gutter.textContent()) ?? '');
    if (shots) await page.screenshot({ path: join(shots, 'grid-sorted.png') });

    await sortButton.click();
    await expect(h).toHaveAttribute('aria-sort', 'none');
    await expect(row(page, 2).getByRole('rowheader')).toHaveText('1');
  });

  test('filtering claim_status to claim shows 9,608 of 19,382 rows; the chip removes it', async ({ page, host }) => {
    await page.goto(host.url);
    await expect(page.getByRole('grid')).toHaveAttribute('aria-rowcount', '19383');
    await header(page, 'claim_status').getByRole('button', { name: 'Filter claim_status' }).click();
    const dialog = page.getByRole('dialog', { name: 'Filter claim_status' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('checkbox', { name: /^claim\b/ }).check();
    if (shots) await page.screenshot({ path: join(shots, 'grid-filter-popover.png') });
    await dialog.getByRole('button', { name: 'Apply' }).click();

    await expect(page.getByTestId('row-count')).toContainText('9,608 of 19,382');
    await expect(page.getByRole('grid')).toHaveAttribute('aria-rowcount', String(9608 + 1));
    const chip = page.getByTestId('filter-chip');
    await expect(chip).toHaveCount(1);
    await expect(chip).toContainText('claim_status in claim');
    await expect(row(page, 2).getByRole('gridcell').nth(1)).toHaveText('claim');
    if (shots) await page.screenshot({ path: join(shots, 'grid-filtered.png') });

    // A row the filter leaves out cannot be jumped to: the sample's last row has no claim_status.
    const jump = page.getByRole('textbox', { name: 'Jump to row' });
    await jump.fill('19382');
    await jump.press('Enter');
    await expect(page.getByTestId('jump-message')).toContainText('filtered out');

    await chip.getByRole('button', { name: /Remove filter/ }).click();
    await expect(page.getByTestId('filter-chip')).toHaveCount(0);
    await expect(page.getByTestId('row-count')).toHaveText('19,382 rows');
    await expect(page.getByRole('grid')).toHaveAttribute('aria-rowcount', '19383');
  });

  test('a numeric filter validates its inputs as they are typed', async ({ page, host }) => {
    await page.goto(host.url);
    await expect(page.getByRole('grid')).toHaveAttribute('aria-rowcount', '19383');
    await header(page, 'video_view_count').getByRole('button', { name: 'Filter video_view_count' }).click();
    const dialog = page.getByRole('dialog', { name: 'Filter video_view_count' });
    await dialog.getByLabel('Min').fill('abc');
    await expect(dialog.getByRole('alert')).toContainText('not a number');
    await expect(dialog.getByRole('button', { name: 'Apply' })).toBeDisabled();
    await dialog.getByLabel('Min').fill('900000');
    await dialog.getByLabel('Max').fill('1000');
    await expect(dialog.getByRole('alert')).toContainText('greater than max');
    await dialog.getByLabel('Max').fill('');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByTestId('filter-chip')).toContainText('video_view_count ≥ 900,000');
    await expect(page.getByTestId('row-count')).toContainText(' of 19,382 rows');
    const first = row(page, 2).getByRole('gridcell').nth(VIEW_COUNT);
    await expect(first).toHaveText(/^\d+$/);
    expect(Number(await first.textContent())).toBeGreaterThanOrEqual(900000);
    if (shots) await page.screenshot({ path: join(shots, 'grid-range.png') });
  });

  test('jump to row moves the cursor to that original row', async ({ page, host }) => {
    await page.goto(host.url);
    await expect(page.getByRole('grid')).toHaveAttribute('aria-rowcount', '19383');
    const jump = page.getByRole('textbox', { name: 'Jump to row' });
    await jump.fill('19,000');
    await jump.press('Enter');
    const target = row(page, 19001);
    await expect(target).toBeVisible();
    await expect(target.getByRole('rowheader')).toHaveText('19000');
    await expect(target.getByRole('gridcell').first()).toHaveText('19000');
    await expect(page.getByRole('status')).toContainText('row 19,000, column 1');
    if (shots) await page.screenshot({ path: join(shots, 'grid-jump.png') });

    // Sorted, the same original row sits elsewhere in the view but keeps its number.
    await header(page, 'video_view_count').getByRole('button', { name: 'video_view_count', exact: true }).click();
    await expect(header(page, 'video_view_count')).toHaveAttribute('aria-sort', 'ascending');
    await jump.fill('19000');
    await jump.press('Enter');
    const gutter = page.locator('[role="rowheader"]', { hasText: /^19000$/ });
    await expect(gutter).toBeVisible();
    await expect(page.getByRole('status')).toContainText('row 19,000, column 1');
    if (shots) await page.screenshot({ path: join(shots, 'grid-jump-sorted.png') });
  });
  test('opening another project whose dataset is also #1 starts unsorted, at the first cell and default widths', async ({ page, host }) => {
    await page.goto(host.url);
    await expect(page.getByRole('grid')).toHaveAttribute('aria-rowcount', '19383');
    // Dataset ids restart in every project: a new project's first import is dataset #1, as the sample's is.
    const dir = mkdtempSync(join(tmpdir(), 'assay-e2e-switch-'));
    const pathDialog = async (item: string, path: string, action: string) => {
      await page.getByRole('button', { name: /^Project/ }).click();
      await page.getByRole('menuitem', { name: item }).click();
      await page.getByRole('dialog').getByRole('textbox').fill(path);
      await page.getByRole('dialog').getByRole('button', { name: action }).click();
    };
    await pathDialog('New…', join(dir, 'second.assay'), 'Create');
    const file = join(dir, 'birds.csv');
    writeFileSync(file, 'species,video_view_count\nwren,30\nrobin,10\nowl,20\n');
    await page.getByTestId('import-input').setInputFiles(file);
    await expect(page.getByRole('grid')).toHaveAttribute('aria-rowcount', '4');

    const h = header(page, 'video_view_count');
    await h.getByRole('button', { name: 'video_view_count', exact: true }).click();
    await expect(h).toHaveAttribute('aria-sort', 'ascending');
    await page.getByRole('grid').focus();
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowRight']) await page.keyboard.press(key);
    await expect(page.locator('.status .cursor')).toContainText('column 2');

    // Back to the sample, while the grid stays on screen: nothing of the birds' grid may carry over.
    await pathDialog('Open…', join(host.home, 'Sample.assay'), 'Open');
    await expect(page.getByRole('grid')).toHaveAttribute('aria-rowcount', '19383');
    await expect(header(page, 'video_view_count')).toHaveAttribute('aria-sort', 'none');
    await expect(row(page, 2).getByRole('rowheader')).toHaveText('1');
    await expect(page.locator('.status .cursor')).toHaveText('row 1, column 1');
    const width = async () => (await header(page, 'claim_status').boundingBox())?.width;
    const switched = await width();
    await page.reload();
    await expect(page.getByRole('grid')).toHaveAttribute('aria-rowcount', '19383');
    expect(switched).toBe(await width());
  });
});
