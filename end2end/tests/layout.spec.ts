// Layout in a real browser: no page type scrolls sideways on a 360 px phone, and in the month
// grid on a computer no activity's text runs out of its day's cell into the next.
import { expect, test } from '@playwright/test';
import { demo, logIn, onOneBackend, publicPages } from './helpers';

onOneBackend();

/** How much wider than the window the page is, in CSS pixels (0 when it fits). */
async function sidewaysOverflow(page: import('@playwright/test').Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test('no public page scrolls sideways on a 360 px phone', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of publicPages) {
    await page.goto(path);
    expect(await sidewaysOverflow(page), `${path} is wider than the phone`).toBe(0);
  }
});

test('no staff page scrolls sideways on a 360 px phone', async ({ page }) => {
  test.setTimeout(120_000);
  // Logged in on a computer, where the header shows the button the helper waits for.
  await logIn(page, demo.staff);
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of [
    '/personale',
    '/personale/aktiviteter',
    '/personale/aktiviteter/ny',
    '/personale/tal',
    '/personale/besoeg',
    '/personale/succeskriterier',
    '/personale/succeskriterier/1/tal',
    '/personale/presse',
    '/personale/rapport',
    '/personale/artikler',
    '/personale/indsendelser',
    '/konto',
  ]) {
    await page.goto(path);
    expect(await sidewaysOverflow(page), `${path} is wider than the phone`).toBe(0);
  }
});

test('in the month grid every activity stays inside its day', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/kalender?maaned=2026-12');
  const cells = page.locator('.month td');
  expect(await cells.count()).toBeGreaterThan(27);
  // Each day's cell, and each occurrence in it, is as wide as what it shows: nothing spills out.
  // (Text kept for screen readers only is clipped on purpose, so only boxes that let their
  // content show beyond them count.)
  const spilling = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.month td, .month td *')]
      .filter((element) => getComputedStyle(element).overflowX === 'visible')
      .filter((element) => element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1)
      .map((element) => element.textContent?.trim().slice(0, 40)),
  );
  expect(spilling).toEqual([]);
});
