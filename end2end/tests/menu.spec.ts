// The menu is plain links, the same with and without JavaScript: on a phone they wrap into large
// targets, on a computer into one row. No page without an island loads a script or the WASM
// (the page with one, the article editor, is checked in page-errors.spec.ts).
import { test, expect, type Page } from '@playwright/test';
import { publicPages, waitForIslands } from './helpers';

test.use({ viewport: { width: 360, height: 740 } });

test('on a phone every link of the menu is there to press', async ({ page }, testInfo) => {
  await page.goto('/');
  await waitForIslands(page, testInfo);
  const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
  await expect(nav.getByRole('button')).toHaveCount(0);
  const news = nav.getByRole('link', { name: 'Nyheder' });
  await expect(news).toBeVisible();
  await news.click();
  await expect(page).toHaveURL('/nyheder');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nyheder');
});

test('the touch targets in the menu are at least 44 px high', async ({ page }, testInfo) => {
  await page.goto('/');
  await waitForIslands(page, testInfo);
  const links = page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link');
  await expect(links).toHaveCount(5);
  for (const link of await links.all()) {
    await expect(link).toBeVisible();
    const box = await link.boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(44);
  }
});

test('on a wide screen the links are shown in a row', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await waitForIslands(page, testInfo);
  const links = page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link');
  const tops = await Promise.all((await links.all()).map(async (link) => (await link.boundingBox())!.y));
  expect(new Set(tops).size, 'one row').toBe(1);
});

/** The addresses of the scripts and WASM a page asked for while it loaded. */
async function scriptsLoadedBy(page: Page, path: string): Promise<string[]> {
  const loaded: string[] = [];
  page.on('request', (request) => {
    if (['script', 'fetch', 'xhr'].includes(request.resourceType()) || /\.(js|wasm)$/.test(request.url())) {
      loaded.push(request.url());
    }
  });
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  return loaded;
}

test('pages without an island load no script and no WASM', async ({ page }) => {
  test.setTimeout(120_000);
  for (const path of publicPages) {
    expect(await scriptsLoadedBy(page, path), path).toEqual([]);
    expect(await page.locator('script').count(), `${path} has a script element`).toBe(0);
    page.removeAllListeners('request');
  }
});
