// Every page type loads without a script error: no uncaught exception, no console error (a
// Content-Security-Policy violation is one, so this also proves the policy lets the islands and
// their WASM run), every island wakes up, and no form has a control whose name hides a property
// of the form (`form.children` as an input stops the islands' start-up script).
//
// Without JavaScript the same pages must load with no console error either: the policy may
// block nothing the page needs (stylesheet, images), and the forms are checked the same way.
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import {
  demo,
  emailTo,
  jsEnabled,
  linkIn,
  logIn,
  logOut,
  maildevUrl,
  publicPages,
  statusOf,
  waitForIslands,
} from './helpers';

const pagesToLoad = [
  ...publicPages,
  // An invitation and a reset link that no longer work: the page that says so.
  '/invitation/udloebet',
  '/nulstil/udloebet',
];

// A past communal dinner of the demo, as in the accessibility tests.
const dinnerDate = '/personale/aktiviteter/1/2026-10-29';

const staffPages = [
  '/personale',
  '/personale/artikler',
  '/personale/artikler/ny',
  '/personale/artikler/1',
  '/personale/artikler/1/slet',
  '/personale/udgaver',
  '/personale/udgaver/ny',
  '/personale/udgaver/1',
  '/personale/indsendelser',
  '/personale/indsendelser/1',
  '/personale/aktiviteter',
  '/personale/aktiviteter/ny',
  '/personale/aktiviteter/1',
  dinnerDate,
  `${dinnerDate}/udskriv`,
  `${dinnerDate}/fremmoede`,
  '/personale/tal',
  '/personale/tal/rapport',
  '/personale/succeskriterier/1/tal',
  '/personale/presse',
  '/personale/rapport',
  '/personale/besoeg',
  '/personale/brugere',
  '/personale/udbakke',
  '/personale/log',
  '/konto',
];

/** The pages that answer 404 on purpose: an unknown address, links that no longer work. */
const notFound = new Set(['/findes-ikke', '/invitation/udloebet', '/nulstil/udloebet']);

/** Statuses a page of these tests may answer with: the 404 page, a form shown again, and the
 * full disk's "try again later". */
const expectedErrorStatus = /the server responded with a status of (404|422|503)/;

/** Starts collecting `page`'s script errors, console errors and island warnings. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`${page.url()}: uncaught ${error.name}: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    // Chromium reports a page answered with 404 or 422 as a failed resource; that is the page.
    if (message.type() === 'error' && !(expectedErrorStatus.test(text) && message.location().url === page.url())) {
      problems.push(`${page.url()}: console error: ${text}`);
    }
    // The islands' start-up script warns when an island has no WASM function.
    if (message.type() === 'warning' && /island|Content.Security.Policy/i.test(text)) {
      problems.push(`${page.url()}: console warning: ${text}`);
    }
  });
  return problems;
}

/** Waits for the page to settle: with JavaScript, until the islands have woken up and the
 * browser is idle again (the start-up script walks the page on an idle callback). */
async function settle(page: Page, testInfo: TestInfo): Promise<void> {
  await waitForIslands(page, testInfo);
  if (jsEnabled(testInfo)) {
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const idle = window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 50));
          idle(() => setTimeout(resolve, 200));
        }),
    );
  }
}

/** The names of the page's form controls that hide a property of their form. */
async function shadowingNames(page: Page): Promise<string[]> {
  return page.locator('form [name]').evaluateAll((controls) => {
    const probe = document.createElement('form');
    return controls.map((control) => control.getAttribute('name') ?? '').filter((name) => name in probe);
  });
}

/** Visits `path` and checks it: loaded, settled, no form control shadowing its form. */
async function visit(page: Page, testInfo: TestInfo, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(notFound.has(path) ? 404 : statusOf(path));
  await settle(page, testInfo);
  expect(await shadowingNames(page), `${path}: form controls named after a form property`).toEqual([]);
}

test('the public pages load without a script or policy error', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const problems = watch(page);
  for (const path of pagesToLoad) {
    await visit(page, testInfo, path);
  }
  // A form shown again with its messages (rendered after the POST).
  await page.goto('/log-ind');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.locator('.error-summary').waitFor();
  await settle(page, testInfo);
  expect(problems).toEqual([]);
});

test('signing up and the private link load without a script or policy error', async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  const problems = watch(page);
  // A date of this project's own, as the projects run side by side against one server.
  const nth = jsEnabled(testInfo) ? 0 : 1;
  await visit(page, testInfo, '/aktiviteter/fodboldskole');
  await page.locator('.date-card__link').nth(nth).click();
  await expect(page.getByRole('heading', { name: 'Tilmeld dig' })).toBeVisible();
  await settle(page, testInfo);
  expect(await shadowingNames(page)).toEqual([]);

  // Refused first (no name): the form again, with its message.
  await page.getByRole('button', { name: 'Tilmeld' }).click();
  await page.locator('.error-summary').waitFor();
  await settle(page, testInfo);
  await page.getByLabel('Dit navn').fill(`Familien ${testInfo.project.name} ${Date.now()}`);
  await page.getByRole('button', { name: 'Tilmeld' }).click();
  await expect(page.getByText('Tak. Din tilmelding er modtaget.')).toBeVisible();
  expect(page.url()).toContain('/tilmelding/');
  await settle(page, testInfo);
  expect(await shadowingNames(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test('the staff pages load without a script or policy error', async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  const problems = watch(page);
  await logIn(page, demo.admin);
  for (const path of staffPages) {
    await visit(page, testInfo, path);
  }
  // The editor's live preview asks the server as staff type: the policy lets it. It is the
  // page with an island: it loads the script and the WASM (the browser fetches what its preload
  // links name even without JavaScript), every script carries the response's nonce, and the
  // policy forbids other inline scripts.
  const loaded: string[] = [];
  page.on('request', (request) => {
    if (/\.(js|wasm)$/.test(request.url())) loaded.push(request.url());
  });
  const editor = await page.goto('/personale/artikler/ny');
  await settle(page, testInfo);
  expect(loaded.some((url) => url.endsWith('.js'))).toBe(true);
  expect(loaded.some((url) => url.endsWith('.wasm'))).toBe(true);
  if (jsEnabled(testInfo)) await expect(page.locator('.island--awake')).toHaveCount(1);
  const policy = editor?.headers()['content-security-policy'] ?? '';
  const nonce = policy.match(/'nonce-([^']+)'/)?.[1];
  expect(nonce, policy).toBeTruthy();
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).toContain("frame-ancestors 'none'");
  const scripts = page.locator('script');
  expect(await scripts.count()).toBeGreaterThan(0);
  // Browsers hide a nonce from the page's attributes once it is read, so compare the property.
  const nonces = await scripts.evaluateAll((elements) =>
    elements.map((element) => (element as HTMLScriptElement).nonce || element.getAttribute('nonce')),
  );
  for (const found of nonces) expect(found).toBe(nonce);
  await page.getByLabel('Tekst', { exact: true }).fill('Tag **kaffe** med.');
  if (jsEnabled(testInfo)) {
    await expect(page.getByRole('region', { name: 'Sådan ser teksten ud' }).locator('strong')).toHaveText('kaffe');
  }

  // Inviting someone (refused first, then sent), and the invitation's own page with its form.
  expect(maildevUrl, 'NABOSKAB_E2E_MAILDEV_URL (run through `cargo xtask test`)').toBeTruthy();
  const address = `sidefejl-${testInfo.project.name}-${Date.now()}@example.org`;
  await page.goto('/personale/brugere');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await page.locator('.error-summary').waitFor();
  await settle(page, testInfo);
  await page.getByLabel('E-mailadresse').fill(address);
  await page.getByLabel('borgerjournalist').check();
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText('Invitationen er sendt.')).toBeVisible();
  await settle(page, testInfo);
  await logOut(page);
  const invitation = await emailTo(address, 'Invitation');
  await visit(page, testInfo, new URL(linkIn(invitation.text, '/invitation/')).pathname);
  await expect(page.getByRole('heading', { name: 'Opret din konto' })).toBeVisible();
  expect(problems).toEqual([]);
});

test('the journalist pages load without a script or policy error', async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  const problems = watch(page);
  await logIn(page, demo.journalist);
  for (const path of ['/borgerjournalist', '/borgerjournalist/indsendelser/ny', '/borgerjournalist/indsendelser/1']) {
    await visit(page, testInfo, path);
  }
  // The journalist's live preview asks the server while they type: the policy lets it.
  await page.getByRole('link', { name: 'Tilbage til dine sider' }).click();
  await page.getByRole('link', { name: 'Ny indsendelse' }).click();
  await settle(page, testInfo);
  await page.getByLabel('Tekst', { exact: true }).fill('Tag **kaffe** med.');
  if (jsEnabled(testInfo)) {
    await expect(page.getByRole('region', { name: 'Sådan ser teksten ud' }).locator('strong')).toHaveText('kaffe');
  }
  // The form with its messages.
  await page.getByRole('button', { name: 'Send til redaktionen' }).click();
  await page.locator('.error-summary').waitFor();
  await settle(page, testInfo);
  expect(await shadowingNames(page)).toEqual([]);
  expect(problems).toEqual([]);
});
