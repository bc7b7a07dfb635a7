// The menu on a phone folds into a "Menu" button (a `<details>`), the same with and without
// JavaScript, so every page's own heading is in the first screen; it opens and closes by
// keyboard and holds large targets. On a computer it is one row of links. No page without an
// island loads a script or the WASM (the page with one, the article editor, is checked in
// page-errors.spec.ts).
import { test, expect, type Page } from '@playwright/test';
import { expectNoAxeViolations, jsEnabled, onOneBackend, publicPages, waitForIslands } from './helpers';

onOneBackend();

test.use({ viewport: { width: 360, height: 740 } });

const menuButton = (page: Page) => page.locator('summary.menu__button');
const mainMenu = (page: Page) => page.getByRole('navigation', { name: 'Hovedmenu' });

test('on a phone the menu opens and closes by keyboard', async ({ page }, testInfo) => {
  await page.goto('/');
  await waitForIslands(page, testInfo);
  const news = mainMenu(page).getByRole('link', { name: 'Nyheder' });
  await expect(news).toBeHidden();

  // From the top of the page: the skip link, the site's name, then the menu's button.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(menuButton(page)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(news).toBeVisible();
  await expect(page.locator('details.menu')).toHaveAttribute('open', '');
  await page.keyboard.press('Enter');
  await expect(news).toBeHidden();
  await page.keyboard.press('Space');
  await expect(news).toBeVisible();

  // Into the menu and along it to the news.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(news).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/nyheder');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nyheder');
  // A new page starts with the menu closed.
  await expect(mainMenu(page).getByRole('link', { name: 'Kalender' })).toBeHidden();
});

test('on a phone the open menu has large targets and no accessibility problems', async ({ page }, testInfo) => {
  await page.goto('/kalender');
  await waitForIslands(page, testInfo);
  await menuButton(page).click();
  const links = mainMenu(page).getByRole('link');
  await expect(links).toHaveCount(5);
  for (const link of await links.all()) {
    await expect(link).toBeVisible();
    const box = await link.boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(44);
  }
  const button = await menuButton(page).boundingBox();
  expect(button?.height).toBeGreaterThanOrEqual(44);
  // axe-core runs inside the page, so it needs JavaScript; the menu is the same without.
  if (jsEnabled(testInfo)) await expectNoAxeViolations(page);
});

test('on a phone every page type shows its own heading in the first 800 px', async ({ page }) => {
  test.setTimeout(120_000);
  for (const path of publicPages) {
    await page.goto(path);
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading, path).toBeVisible();
    const box = (await heading.boundingBox())!;
    expect(box.y + box.height, `${path}: the h1 ends at ${box.y + box.height} px`).toBeLessThanOrEqual(800);
  }
});

test('on a wide screen the links are shown in a row, without the button', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await waitForIslands(page, testInfo);
  await expect(menuButton(page)).toBeHidden();
  const links = mainMenu(page).getByRole('link');
  await expect(links).toHaveCount(5);
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
