import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const COURSE6 = 'Claims vs opinions (Course 6: random forest and XGBoost)';
const COURSE5_CLEAN = 'Verified status (Course 5 without leakage: resampling after the split)';

function section(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name, exact: true });
}

function recipeButton(page: Page, name: string) {
  return page.getByRole('complementary', { name: 'Recipes' }).getByRole('button', { name, exact: false }).first();
}

const hashOf = (page: Page) => new URL(page.url()).hash;
const tokenOf = (url: string) => new URL(url).searchParams.get('token');

test.describe('Deep links: the URL holds where the analyst is', () => {
  test('Explore on the sample survives a reload, with the token kept', async ({ page, host }) => {
    await page.goto(host.url);
    await expect(page.getByRole('grid')).toHaveAttribute('aria-rowcount', '19383');
    // The first selection is the app's own: it is written into the URL without a history entry of its own.
    await expect.poll(() => hashOf(page)).toMatch(/^#\/data\/\d+$/);
    const id = hashOf(page).split('/')[2];

    await section(page, 'Explore').click();
    await expect(page.getByTestId('profile-rows')).toHaveText('19,382');
    await expect.poll(() => hashOf(page)).toBe(`#/explore/${id}`);

    await page.reload();
    await expect(section(page, 'Explore')).toHaveAttribute('aria-current', 'page');
    await expect(page.getByLabel('Dataset')).toHaveValue(id);
    await expect(page.getByTestId('profile-rows')).toHaveText('19,382');
    expect(hashOf(page)).toBe(`#/explore/${id}`);
    expect(tokenOf(page.url())).toBe(tokenOf(host.url));
  });

  test('Prepare with a recipe survives a reload; Back and Forward walk the views and recipes', async ({ page, host }) => {
    await page.goto(host.url);
    await expect(page.getByRole('grid')).toHaveAttribute('aria-rowcount', '19383');
    await section(page, 'Prepare').click();
    await recipeButton(page, COURSE6).click();
    await expect(page.getByLabel('Recipe name')).toHaveValue(COURSE6);
    await expect.poll(() => hashOf(page)).toMatch(/^#\/prepare\/\d+$/);
    const course6 = hashOf(page);

    await page.reload();
    await expect(section(page, 'Prepare')).toHaveAttribute('aria-current', 'page');
    await expect(page.getByLabel('Recipe name')).toHaveValue(COURSE6);
    expect(hashOf(page)).toBe(course6);

    await recipeButton(page, COURSE5_CLEAN).click();
    await expect(page.getByLabel('Recipe name')).toHaveValue(COURSE5_CLEAN);
    await section(page, 'Data').click();
    await expect(page.getByRole('grid')).toHaveAttribute('aria-rowcount', '19383');

    // Back: the previous view with its recipe, then the recipe before it; Forward undoes one step.
    await page.goBack();
    await expect(section(page, 'Prepare')).toHaveAttribute('aria-current', 'page');
    await expect(page.getByLabel('Recipe name')).toHaveValue(COURSE5_CLEAN);
    await page.goBack();
    await expect(page.getByLabel('Recipe name')).toHaveValue(COURSE6);
    expect(hashOf(page)).toBe(course6);
    await page.goForward();
    await expect(page.getByLabel('Recipe name')).toHaveValue(COURSE5_CLEAN);
    await page.goForward();
    await expect(section(page, 'Data')).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('grid')).toHaveAttribute('aria-rowcount', '19383');
  });

  test('a recipe link previews even when the dataset list answers after the recipes', async ({ page, host }) => {
    await page.goto(host.url);
    await expect(page.getByRole('grid')).toHaveAttribute('aria-rowcount', '19383');
    await section(page, 'Prepare').click();
    await recipeButton(page, COURSE5_CLEAN).click();
    await expect.poll(() => hashOf(page)).toMatch(/^#\/prepare\/\d+$/);
    const link = page.url();

    // On a loaded machine the recipes can arrive first: hold every dataset.list answer back until the recipe is open.
    let held = 0;
    await page.routeWebSocket(/\/api/, (ws) => {
      const server = ws.connectToServer();
      const slow = new Set<unknown>();
      ws.onMessage((m) => {
        const msg = JSON.parse(String(m)) as { id?: unknown; method?: string };
        if (msg.method === 'dataset.list') slow.add(msg.id);
        server.send(m);
      });
      server.onMessage((m) => {
        const msg = JSON.parse(String(m)) as { id?: unknown };
        if (!slow.has(msg.id)) return ws.send(m);
        held++;
        setTimeout(() => ws.send(m), 1500);
      });
    });
    await page.goto('about:blank');
    await page.goto(link);
    await expect(page.getByLabel('Recipe name')).toHaveValue(COURSE5_CLEAN);
    await expect(page.getByTestId('preview-shape')).toContainText('×', { timeout: 30_000 });
    await expect(page.getByTestId('preview-error')).toHaveCount(0);
    expect(held).toBeGreaterThan(0);
  });

  test('a stale or malformed link opens its view on what is there', async ({ page, host }) => {
    // A recipe deleted since (or never there): Prepare, with nothing open, and the URL says so.
    await page.goto(`${host.url}#/prepare/999999`);
    await expect(section(page, 'Prepare')).toHaveAttribute('aria-current', 'page');
    await expect(recipeButton(page, COURSE6)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'No recipe open' })).toBeVisible();
    await expect.poll(() => hashOf(page)).toBe('#/prepare');

    // A dataset that is not there: Explore, on the first dataset.
    await page.goto(`${host.url}#/explore/999999`);
    await expect(section(page, 'Explore')).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId('profile-rows')).toHaveText('19,382');
    await expect.poll(() => hashOf(page)).toMatch(/^#\/explore\/\d+$/);

    // An unknown view: Data.
    await page.goto(`${host.url}#/nowhere/3`);
    await expect(section(page, 'Data')).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('grid')).toHaveAttribute('aria-rowcount', '19383');
  });
});
