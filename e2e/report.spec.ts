import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { test, expect, type Page } from '@playwright/test';
import { hostSocket } from '../bench/lib/hostSocket';
import type { ProjectInfo } from '../src-main/core/api/contract';
import type { RunDetail } from '../src-main/core/search/runSummary';
import { runCourse5 } from './course5Run';
import { startHost, type RunningHost } from './webHost';

/** The slides' titles in the Report view, in order. */
async function slideTitles(page: Page): Promise<string[]> {
  const inputs = page.getByRole('list', { name: 'Slides' }).getByRole('textbox', { name: /^Title of slide \d+$/ });
  return inputs.evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value));
}

/**
 * Every XML part of a zip (and of the workbooks embedded in it) that does
 * not parse, as "part: line L: message"; `checked` counts the parts read.
 */
async function xmlProblems(zip: JSZip, prefix = ''): Promise<{ problems: string[]; checked: number }> {
  const problems: string[] = [];
  let checked = 0;
  for (const name of Object.keys(zip.files).filter((n) => !zip.files[n].dir)) {
    if (/\.(xml|rels)$/.test(name)) {
      checked++;
      const result = XMLValidator.validate(await zip.file(name)!.async('string'));
      if (result !== true) problems.push(`${prefix}${name}: line ${result.err.line}: ${result.err.msg}`);
    } else if (name.endsWith('.xlsx')) {
      const inner = await xmlProblems(await JSZip.loadAsync(await zip.file(name)!.async('uint8array')), `${prefix}${name}!`);
      problems.push(...inner.problems);
      checked += inner.checked;
    }
  }
  return { problems, checked };
}

/** Exports the open report as PowerPoint and opens the downloaded file as a zip, every XML part of it checked. */
async function exportPptx(page: Page): Promise<{ name: string; zip: JSZip }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Export PowerPoint/ }).click();
  const file = await download;
  const bytes = readFileSync((await file.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  const zip = await JSZip.loadAsync(bytes);
  const { problems, checked } = await xmlProblems(zip);
  expect(problems).toEqual([]);
  // [Content_Types].xml, the presentation, its slides and their relationships at the least.
  expect(checked).toBeGreaterThan(5);
  return { name: file.suggestedFilename(), zip };
}

/** The id of the run the Runs view shows. */
async function shownRunId(page: Page): Promise<number> {
  const label = await page.getByRole('article', { name: /^Run \d+$/ }).getAttribute('aria-label');
  return Number(/\d+$/.exec(label!)![0]);
}

/** Asks the host what the page also shows: a run's record, the project file. */
async function ask<T>(host: RunningHost, method: string, input: unknown): Promise<T> {
  const socket = await hostSocket(host.url);
  try {
    return (await socket.call(method, input)) as T;
  } finally {
    socket.close();
  }
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
    const { record } = await ask<RunDetail>(host, 'run.get', { id: await shownRunId(page) });
    const champion = record!.champion!;
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
    // What the analyst reads on the slides and in the speaker notes: no JavaScript value printed as text.
    const notes = await Promise.all(Object.keys(zip.files).filter((f) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    expect(notes).toHaveLength(titles.length);
    const read = [...texts, ...notes].flatMap((xml) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]));
    expect(read.join('\n')).toContain(champion.modelId);
    expect(read.filter((t) => /\b(?:null|undefined|NaN|Infinity)\b|\[object \w+\]/.test(t))).toEqual([]);
    // The champion's test figures as the run recorded them: recall to three decimals, and the claims it found
    // of those in the test rows, which the confusion counts must agree with (rows actual, columns predicted).
    const [missed, found] = champion.test.confusion[1];
    expect(champion.test.metrics.recall).toBeCloseTo(found / (found + missed), 12);
    expect(all).toContain(champion.test.metrics.recall.toFixed(3));
    expect(all).toContain(`${found.toLocaleString('en-US')} of the ${(found + missed).toLocaleString('en-US')}`);
    expect(all).toContain(champion.modelId);
  });

  test('a report damaged in the project file is listed with the reason and can be deleted; the others still open', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(host.url);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Report' }).click();
    const view = page.getByRole('region', { name: 'Report' });
    const reports = view.getByRole('complementary', { name: 'Reports' });
    const entries = reports.getByRole('list').locator('li.item');
    // The reports of the tests before, if any, and two new ones.
    await expect(reports.getByRole('button', { name: 'New' })).toBeEnabled();
    const before = await entries.count();
    await reports.getByRole('button', { name: 'New' }).click();
    await expect(entries).toHaveCount(before + 1, { timeout: 15_000 });
    await reports.getByRole('button', { name: 'New' }).click();
    await expect(entries).toHaveCount(before + 2, { timeout: 15_000 });

    // The newest report's stored content cut short, as a torn write or a hand edit would leave it.
    const project = await ask<ProjectInfo>(host, 'project.current', {});
    const db = new Database(project.path);
    try {
      db.pragma('busy_timeout = 5000');
      const newest = db.prepare('SELECT id, name FROM reports ORDER BY id DESC LIMIT 1').get() as { id: number; name: string };
      db.prepare('UPDATE reports SET json = ? WHERE id = ?').run('{"version": 1, "slides": [', newest.id);
    } finally {
      db.close();
    }

    await page.reload();
    const damaged = reports.getByRole('group', { name: /\(damaged\)$/ });
    await expect(damaged).toContainText(/Damaged: its content is not valid JSON/);
    // Every report is listed still, and another report opened by itself.
    await expect(entries).toHaveCount(before + 2);
    await expect(view.getByRole('textbox', { name: 'Report name' })).toBeVisible();
    await page.screenshot({ path: 'test-results/report-damaged.png', fullPage: true });

    const name = (await damaged.getAttribute('aria-label'))!.replace(/ \(damaged\)$/, '');
    await reports.getByRole('button', { name: `Delete ${name}`, exact: true }).click();
    const confirm = page.getByRole('alertdialog');
    await expect(confirm).toContainText('damaged');
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(damaged).toHaveCount(0);
    await expect(entries).toHaveCount(before + 1);
  });
});
