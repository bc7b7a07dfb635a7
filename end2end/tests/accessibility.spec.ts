// axe-core on every page type, on a phone and on a desktop, also with the menu open.
import { test } from '@playwright/test';
import { expectNoAxeViolations, jsEnabled, waitForIslands } from './helpers';

const pages = ['/', '/nyheder', '/kalender', '/skriv', '/log-ind', '/was', '/privatliv', '/findes-ikke'];

for (const width of [360, 1280]) {
  test.describe(`${width} px wide`, () => {
    test.use({ viewport: { width, height: 800 } });
    for (const path of pages) {
      test(`${path} has no WCAG 2.1 A/AA violations`, async ({ page }, testInfo) => {
        await page.goto(path);
        await waitForIslands(page, testInfo);
        await expectNoAxeViolations(page);
        if (width === 360 && jsEnabled(testInfo)) {
          await page.getByRole('button', { name: 'Menu' }).click();
          await expectNoAxeViolations(page);
        }
      });
    }
  });
}
