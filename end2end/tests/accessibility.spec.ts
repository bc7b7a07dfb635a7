// axe-core on every page type, on a phone and on a desktop, also with the menu open.
//
// axe-core is JavaScript that runs inside the page, so it cannot run where JavaScript is off.
// The no-JavaScript projects therefore check the page as a browser without JavaScript gets it:
// in a page whose own scripts and WASM are blocked, so no island ever wakes up.
import { test, type Page, type TestInfo } from '@playwright/test';
import { demo, expectNoAxeViolations, jsEnabled, logIn, onOneBackend, publicPages, waitForIslands } from './helpers';

onOneBackend();

const pages = [...publicPages, '/aktiviteter/jobklub/2026-12-24'];

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
        if (audited !== page) await audited.context().close();
      });
    }
  });
}

// Forms in their error state, and the logged-in pages: one login per role and project, then
// every page at both widths (logins are rate limited, so the test does not log in per page).
test('the login form with its errors has no WCAG 2.1 A/AA violations', async ({ page }, testInfo) => {
  const audited = await auditPage(page, testInfo);
  await audited.goto('/log-ind');
  await audited.getByRole('button', { name: 'Log ind' }).click();
  await audited.locator('.error-summary').waitFor();
  await expectNoAxeViolations(audited);
  if (audited !== page) await audited.context().close();
});

const rolePages: [keyof typeof demo, string[]][] = [
  [
    'admin',
    [
      '/personale',
      '/personale/brugere',
      '/personale/udbakke',
      '/personale/log',
      '/konto',
      '/personale/aktiviteter',
      '/personale/aktiviteter/ny',
      // A past communal dinner of the demo: its sign-ups, print view and attendance form.
      '/personale/aktiviteter/1/2026-10-29',
      '/personale/aktiviteter/1/2026-10-29/udskriv',
      '/personale/aktiviteter/1/2026-10-29/fremmoede',
      '/personale/tal',
      '/personale/tal?aar=2025&kvartal=2',
      '/personale/tal/rapport',
      '/personale/artikler',
      '/personale/artikler/ny',
      '/personale/artikler/1',
      '/personale/udgaver',
      '/personale/udgaver/ny',
      '/personale/udgaver/1',
    ],
  ],
  // A staff member: the review queue, the demo journalist's submission waiting in it, and the visitor
  // figures (this year, a month of last year, and a year that is refused by its field).
  [
    'staff',
    [
      '/personale/indsendelser',
      '/personale/indsendelser/1',
      '/personale/besoeg',
      '/personale/besoeg?aar=2025&maaned=7',
      '/personale/besoeg?aar=3000',
      // The plan, the success criteria (the demo's first, with its history), the press log and
      // the report with its texts' form.
      '/personale/helhedsplan',
      '/personale/helhedsplan/omraader/1',
      '/personale/succeskriterier',
      '/personale/succeskriterier/ny',
      '/personale/succeskriterier/1/tal',
      '/personale/presse',
      '/personale/presse/ny',
      '/personale/rapport',
      '/personale/rapport?aar=2025&kvartal=2',
      '/personale/rapport/tekster',
    ],
  ],
  [
    'journalist',
    [
      '/borgerjournalist',
      // A new submission, the demo's submission sent for review, and its draft with the form.
      '/borgerjournalist/indsendelser/ny',
      '/borgerjournalist/indsendelser/1',
      '/borgerjournalist/indsendelser/2',
      '/konto',
      '/personale',
    ],
  ],
];

for (const [role, paths] of rolePages) {
  test(`the pages of a logged-in ${role} have no WCAG 2.1 A/AA violations`, async ({ page }, testInfo) => {
    // Many pages at two widths, each audited: more than the default 30 seconds (the admin's
    // take over two minutes when the four projects run side by side on two cores).
    test.setTimeout(240_000);
    const audited = await auditPage(page, testInfo);
    await logIn(audited, demo[role]);
    for (const width of [360, 1280]) {
      await audited.setViewportSize({ width, height: 800 });
      for (const path of paths) {
        await audited.goto(path);
        await waitForIslands(audited, testInfo);
        await expectNoAxeViolations(audited);
      }
    }
    // Forms that need fixing: inviting and planning an activity, or changing the password.
    const forms = {
      admin: ['/personale/brugere', '/personale/aktiviteter/ny', '/personale/artikler/ny'],
      staff: ['/personale/succeskriterier/ny', '/personale/presse/ny'],
      journalist: ['/konto', '/borgerjournalist/indsendelser/ny'],
    }[role];
    for (const form of forms) {
      await audited.goto(form);
      // The editors' first button is the preview; saving or sending is what gets refused.
      const submit =
        form === '/personale/artikler/ny'
          ? audited.getByRole('button', { name: 'Gem artiklen' })
          : form === '/borgerjournalist/indsendelser/ny'
            ? audited.getByRole('button', { name: 'Send til redaktionen' })
            : audited.locator('form.form button[type="submit"]').first();
      await submit.click();
      await audited.locator('.error-summary').waitFor();
      await expectNoAxeViolations(audited);
    }
    if (role === 'admin') {
      // An existing activity, with its exceptions.
      await audited.goto('/personale/aktiviteter');
      await audited.getByRole('link', { name: 'Babycafé' }).click();
      await expectNoAxeViolations(audited);
    }
    if (audited !== page) await audited.context().close();
  });
}

test('the sign-up form with its errors has no WCAG 2.1 A/AA violations', async ({ page }, testInfo) => {
  const audited = await auditPage(page, testInfo);
  await audited.goto('/aktiviteter/faellesspisning-parkcafeen');
  await audited.locator('.date-card__link').first().click();
  await expectNoAxeViolations(audited);
  await audited.getByRole('button', { name: 'Tilmeld' }).click();
  await audited.locator('.error-summary').waitFor();
  await expectNoAxeViolations(audited);
  if (audited !== page) await audited.context().close();
});
