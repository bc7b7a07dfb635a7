// The page shell: front page, navigation, skip link, footer, statements and the 404 page.
import { test, expect } from '@playwright/test';

test('the front page welcomes the resident in Danish with the demo neighbourhood', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await expect(page).toHaveTitle('Randers Nordby');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Velkommen til Randers Nordby');
  await expect(page.getByRole('heading', { name: 'Steder i kvarteret' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'ParkCafeen', exact: true })).toBeVisible();
  await expect(page.getByText('Vangdalen', { exact: true })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('Siden drives af Bysekretariatet.');
});

test('the navigation leads to every section and marks where you are', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
  await expect(nav.getByRole('link', { name: 'Forside' })).toHaveAttribute('aria-current', 'page');

  const sections: [string, string, string][] = [
    ['Nyheder', '/nyheder', 'Nyheder'],
    ['Kalender', '/kalender', 'Kalender'],
    ['Skriv til Nordbyposten', '/skriv', 'Skriv til Nordbyposten'],
    ['Log ind', '/log-ind', 'Log ind'],
    ['Forside', '/', 'Velkommen til Randers Nordby'],
  ];
  for (const [link, path, heading] of sections) {
    await nav.getByRole('link', { name: link, exact: true }).click();
    await expect(page).toHaveURL(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(nav.getByRole('link', { name: link, exact: true })).toHaveAttribute('aria-current', 'page');
  }
});

test('the skip link is the first stop for the keyboard and jumps to the content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Gå til indholdet' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#indhold$/);
});

test('the footer links to the accessibility statement and the privacy page', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Tilgængelighed' }).click();
  await expect(page).toHaveURL('/was');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tilgængelighedserklæring');
  await expect(page.getByText('WCAG 2.1 på niveau AA')).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'bysekretariatet@example.org' })).toBeVisible();

  await page.getByRole('contentinfo').getByRole('link', { name: 'Privatliv og cookies' }).click();
  await expect(page).toHaveURL('/privatliv');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privatliv og cookies');
  await expect(page.getByText('Bysekretariatet er ansvarlig')).toBeVisible();
});

test('an unknown address gets a Danish 404 page', async ({ page }) => {
  const response = await page.goto('/denne-side-findes-ikke');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Siden findes ikke');
  await page.getByRole('link', { name: 'Gå til forsiden' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Velkommen til Randers Nordby');
});

test('no page sets a cookie for an anonymous visitor', async ({ page, context }) => {
  for (const path of ['/', '/nyheder', '/was', '/privatliv', '/findes-ikke']) {
    await page.goto(path);
  }
  expect(await context.cookies()).toEqual([]);
});

test('the health check answers', async ({ request }) => {
  const response = await request.get('/healthz');
  expect(response.status()).toBe(200);
});
