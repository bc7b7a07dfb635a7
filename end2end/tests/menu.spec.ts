// The menu island: a plain list without JavaScript, a toggle button on a phone with it.
import { test, expect } from '@playwright/test';
import { jsEnabled, waitForIslands } from './helpers';

test.use({ viewport: { width: 360, height: 740 } });

test('on a phone the menu works with and without JavaScript', async ({ page }, testInfo) => {
  await page.goto('/');
  await waitForIslands(page, testInfo);
  const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
  const toggle = nav.getByRole('button', { name: 'Menu' });
  const news = nav.getByRole('link', { name: 'Nyheder' });

  if (!jsEnabled(testInfo)) {
    // Without JavaScript there is nothing to press: every link is simply there.
    await expect(toggle).toBeHidden();
    await expect(news).toBeVisible();
    await news.click();
    await expect(page).toHaveURL('/nyheder');
    return;
  }

  await expect(toggle).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(news).toBeHidden();

  await toggle.click();
  const close = nav.getByRole('button', { name: 'Luk menu' });
  await expect(close).toHaveAttribute('aria-expanded', 'true');
  await expect(news).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(news).toBeHidden();

  await toggle.click();
  await news.click();
  await expect(page).toHaveURL('/nyheder');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nyheder');
});

test('the touch targets in the menu are at least 44 px high', async ({ page }, testInfo) => {
  await page.goto('/');
  await waitForIslands(page, testInfo);
  if (jsEnabled(testInfo)) {
    await page.getByRole('button', { name: 'Menu' }).click();
  }
  const links = page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link');
  await expect(links).toHaveCount(5);
  for (const link of await links.all()) {
    const box = await link.boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(44);
  }
});

test('on a wide screen the links are shown without a button', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await waitForIslands(page, testInfo);
  const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
  await expect(nav.getByRole('button')).toBeHidden();
  await expect(nav.getByRole('link', { name: 'Kalender' })).toBeVisible();
});
