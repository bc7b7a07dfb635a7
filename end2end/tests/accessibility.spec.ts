// axe-core on every page type, on a phone and on a desktop, also with the menu open.
//
// axe-core is JavaScript that runs inside the page, so it cannot run where JavaScript is off.
// The no-JavaScript projects therefore check the page as a browser without JavaScript gets it:
// in a page whose own scripts and WASM are blocked, so no island ever wakes up.
import { test, type Page, type TestInfo } from '@playwright/test';
import { expectNoAxeViolations, jsEnabled, waitForIslands } from './helpers';

const pages = ['/', '/nyheder', '/kalender', '/skriv', '/log-ind', '/was', '/privatliv', '/findes-ikke'];

/** A page to audit: the test's own page, or, without JavaScript, one with the site's scripts blocked. */
async function auditPage(page: Page, testInfo: TestInfo): Promise<Page> {
  if (jsEnabled(testInfo)) return page;
  const context = await page.context().browser()!.newContext({
    javaScriptEnabled: true,
    baseURL: testInfo.project.use.baseURL,
    viewport: page.viewportSize(),
  });
  const audited = await context.newPage();
  await audited.route(/\/pkg\/.*\.(js|wasm)$/, (route) => route.abort());
  return audited;
}

for (const width of [360, 1280]) {
  test.describe(`${width} px wide`, () => {
    test.use({ viewport: { width, height: 800 } });
    for (const path of pages) {
      test(`${path} has no WCAG 2.1 A/AA violations`, async ({ page }, testInfo) => {
        const audited = await auditPage(page, testInfo);
        await audited.goto(path);
        await waitForIslands(audited, testInfo);
        await expectNoAxeViolations(audited);
        if (width === 360 && jsEnabled(testInfo)) {
          await audited.getByRole('button', { name: 'Menu' }).click();
          await expectNoAxeViolations(audited);
        }
        if (audited !== page) await audited.context().close();
      });
    }
  });
}
