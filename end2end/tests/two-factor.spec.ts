// Two-factor login from end to end, on a 360 px phone: an admin (who logs in with a code) invites
// a staff member, who follows the emailed link, turns on two-factor login from the account page
// by typing the key into an app, gets the recovery codes once and the email saying so, and logs
// in with password and code. Every new page, also refused, passes axe-core and the Nu HTML
// Checker (on one backend, with JavaScript on: the pages are the same without it).
import { expect, test } from '@playwright/test';
import {
  demo,
  emailTo,
  errorsInHtml,
  expectNoAxeViolations,
  jsEnabled,
  linkIn,
  logIn,
  logOut,
  openMenu,
  maildevUrl,
  unusedCode,
} from './helpers';

test.use({ viewport: { width: 360, height: 740 } });

test.describe('two-factor login', () => {
  test.beforeAll(() => {
    expect(maildevUrl, 'NABOSKAB_E2E_MAILDEV_URL (run through `cargo xtask test`)').toBeTruthy();
  });
  test.setTimeout(120_000);

  test('a staff member turns on two-factor login from a phone and logs in with it', async ({ page }, testInfo) => {
    const address = `totrin-${testInfo.project.name}-${Date.now()}@example.org`;
    const password = 'syv grønne æbler i kurven';
    // axe-core runs inside the page, so it needs JavaScript; these pages have no script, so
    // the browser with JavaScript on one backend audits what every browser gets.
    const audit = jsEnabled(testInfo) && !testInfo.project.name.startsWith('postgres');
    const html: [string, string][] = [];
    const check = async (name: string) => {
      if (!audit) return;
      await expectNoAxeViolations(page);
      html.push([name, await page.content()]);
    };

    // The admin logs in with a code from the demo key, and invites a staff member.
    await logIn(page, demo.admin);
    await page.goto('/personale/brugere');
    await page.getByLabel('E-mailadresse').fill(address);
    await page.getByLabel('medarbejder', { exact: true }).check();
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect(page.getByText('Invitationen er sendt.')).toBeVisible();
    await logOut(page);

    await page.goto(linkIn((await emailTo(address, 'Invitation')).text, '/invitation/'));
    await page.getByLabel('Navn', { exact: true }).fill('Tove Totrin');
    await page.getByLabel('Ny adgangskode').fill(password);
    await page.getByRole('button', { name: 'Opret konto' }).click();
    await expect(page).toHaveURL(/\/personale$/);

    // From the account page to the set-up, where the key is shown as a QR code and as text.
    await page.goto('/konto');
    await expect(page.getByText('Totrinsbekræftelse er ikke slået til.')).toBeVisible();
    await page.getByRole('link', { name: 'Slå totrinsbekræftelse til' }).click();
    await expect(page.getByRole('heading', { name: 'Totrinsbekræftelse', level: 1 })).toBeVisible();
    await expect(page.getByRole('img', { name: 'QR-kode til din app' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Åbn i appen på denne telefon' })).toHaveAttribute(
      'href',
      /^otpauth:\/\/totp\//,
    );
    const key = ((await page.locator('code.secret').textContent()) ?? '').replace(/\s/g, '');
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    // Nothing on the page may be wider than the phone.
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(wide).toBeLessThanOrEqual(360);
    await check('set-up');

    // A mistyped code is refused next to the field; the key stays the same.
    await page.getByLabel('Kode fra appen').fill('000000');
    await page.getByRole('button', { name: 'Slå totrinsbekræftelse til' }).click();
    await expect(page.locator('.field__error')).toContainText('Koden passer ikke.');
    expect(((await page.locator('code.secret').textContent()) ?? '').replace(/\s/g, '')).toBe(key);
    await check('set-up refused');

    const staff = { email: address, password, key };
    await page.getByLabel('Kode fra appen').fill(await unusedCode(page, staff));
    await page.getByRole('button', { name: 'Slå totrinsbekræftelse til' }).click();
    await expect(page.getByRole('heading', { name: 'Dine reservekoder' })).toBeVisible();
    await expect(page.locator('.recovery-codes li')).toHaveCount(10);
    await check('recovery codes');
    await page.getByRole('link', { name: 'Jeg har gemt koderne' }).click();
    await expect(page.getByText('Totrinsbekræftelse er slået til for din konto.')).toBeVisible();
    expect((await emailTo(address, 'Totrinsbekræftelse er slået til')).text).toContain('/konto');
    await logOut(page);

    // Logging in now takes the code too; a wrong one is refused by the field.
    await page.goto('/log-ind');
    await page.getByLabel('E-mailadresse').fill(address);
    await page.getByLabel('Adgangskode').fill(password);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await expect(page.getByRole('heading', { name: 'Skriv koden fra din app' })).toBeVisible();
    await expect(page.getByLabel('Kode', { exact: true })).toHaveAttribute('autocomplete', 'one-time-code');
    await check('second step');
    await page.getByLabel('Kode', { exact: true }).fill('111111');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await expect(page.locator('.field__error')).toContainText('Koden passer ikke.');
    await check('second step refused');
    await page.getByLabel('Kode', { exact: true }).fill(await unusedCode(page, staff));
    await page.getByRole('button', { name: 'Log ind' }).click();
    await expect(page).toHaveURL(/\/personale$/);
    await openMenu(page);
    await expect(page.getByRole('button', { name: 'Log ud' })).toBeVisible();

    if (audit) expect(await errorsInHtml(html)).toEqual([]);
  });
});
