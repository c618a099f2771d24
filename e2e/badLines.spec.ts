import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';

test.describe('rows that do not fit the header', () => {
  test('a long-row error offers to import again skipping those lines, which adds the dataset with a note', async ({ page, host }) => {
    await page.goto(host.url);
    await expect(page.getByRole('grid')).toBeVisible();
    const items = page.getByRole('list', { name: 'Datasets' }).getByRole('listitem');
    const before = await items.count();
    const dir = mkdtempSync(join(tmpdir(), 'assay-e2e-badlines-'));
    const file = join(dir, 'longrows.csv');
    writeFileSync(file, 'a,b,c\n1,2,3\n4,5,6,7\n8,9\n10,11,12\n');
    await page.getByTestId('import-input').setInputFiles(file);
    await expect(page.getByTestId('error-banner')).toContainText('longrows.csv, line 3, column 7');
    await expect(items).toHaveCount(before);

    const offer = page.getByTestId('skip-bad-lines-offer');
    await offer.getByRole('button', { name: 'Import again, skipping lines with too many fields' }).click();
    await expect(items).toHaveCount(before + 1);
    await expect(offer).toHaveCount(0);
    await expect(page.getByTestId('error-banner')).toHaveCount(0);
    await expect(page.getByTestId('row-count')).toContainText('3');
    const notes = page.getByTestId('dataset-note');
    await expect(notes.filter({ hasText: 'had more fields than the header and was skipped (line 3)' })).toHaveCount(1);
    await expect(notes.filter({ hasText: 'fewer fields than the header (line 4)' })).toHaveCount(1);
  });
});
