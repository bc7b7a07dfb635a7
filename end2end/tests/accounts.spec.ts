// Accounts from end to end: an admin invites a journalist by email, the journalist follows the
// link from the real SMTP server (maildev), chooses a password, is kept out of the staff area,
// resets the password by email, and the session cookie is worthless after logging out. A second
// invitation's link dies when the first is used, and logging in never leads to another site.
import { expect, test } from '@playwright/test';
import { demo, emailTo, linkIn, logIn, logOut, maildevUrl, unusedCode } from './helpers';

/** Waits until `count` emails to `address` with `subject` have arrived; their texts. */
async function emailsTo(address: string, subject: string, count: number): Promise<string[]> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const response = await fetch(`${maildevUrl}/email`);
    type Email = { subject: string; text: string; to: { address: string }[] };
    const emails = (await response.json()) as Email[];
    const found = emails.filter(
      (email) => email.subject.includes(subject) && email.to.some((to) => to.address === address),
    );
    if (found.length >= count) return found.map((email) => email.text);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${count} emails "${subject}" to ${address} did not arrive within 30 s`);
}

test.describe('accounts', () => {
  // The emails are read from the maildev that `cargo xtask test` starts; without it these tests
  // fail rather than pass unseen.
  test.beforeAll(() => {
    expect(maildevUrl, 'NABOSKAB_E2E_MAILDEV_URL (run through `cargo xtask test`)').toBeTruthy();
  });
  test.setTimeout(120_000);

  test('an invited journalist sets a password, is refused the staff area and resets it by email', async ({
    page,
    context,
    browser,
  }, testInfo) => {
    const address = `journalist-${testInfo.project.name}-${Date.now()}@example.org`;

    // The admin invites; a typo is caught next to the field first.
    await logIn(page, demo.admin);
    await expect(page).toHaveURL(/\/personale$/);
    await page.getByRole('main').getByRole('link', { name: 'Brugere' }).click();
    await page.getByLabel('E-mailadresse').fill('fatima@');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect(page.locator('.field__error')).toContainText('Skriv en gyldig e-mailadresse');
    await expect(page.getByLabel('E-mailadresse')).toHaveValue('fatima@');
    await page.getByLabel('E-mailadresse').fill(address);
    await page.getByLabel('borgerjournalist').check();
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect(page.getByText('Invitationen er sendt.')).toBeVisible();
    await expect(page.getByRole('cell', { name: address, exact: true })).toBeVisible();
    await logOut(page);

    // The invitation arrives by SMTP; its link leads to choosing a name and a password.
    const invitation = await emailTo(address, 'Invitation');
    const link = linkIn(invitation.text, '/invitation/');
    expect(new URL(link).origin).toBe(new URL(testInfo.project.use.baseURL!).origin);
    await page.goto(link);
    await expect(page.getByRole('heading', { name: 'Opret din konto' })).toBeVisible();
    await page.getByLabel('Navn', { exact: true }).fill('Fatima Hassan');
    await page.getByLabel('Ny adgangskode').fill('password');
    await page.getByRole('button', { name: 'Opret konto' }).click();
    await expect(page.locator('.field__error')).toContainText('for let at gætte');
    await expect(page.getByLabel('Navn', { exact: true })).toHaveValue('Fatima Hassan');
    await page.getByLabel('Ny adgangskode').fill('blå cykel under broen');
    await page.getByRole('button', { name: 'Opret konto' }).click();
    await expect(page).toHaveURL(/\/borgerjournalist$/);
    await expect(page.getByRole('heading', { name: 'Mine sider' })).toBeVisible();

    // The staff area is refused.
    const refused = await page.goto('/personale');
    expect(refused?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Ingen adgang' })).toBeVisible();

    // After logging out, the old session cookie opens nothing.
    const oldCookies = await context.cookies();
    expect(oldCookies.map((cookie) => cookie.name)).toContain('naboskab');
    await logOut(page);
    const thief = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
    await thief.addCookies(oldCookies);
    const thiefPage = await thief.newPage();
    await thiefPage.goto('/borgerjournalist');
    await expect(thiefPage).toHaveURL(/\/log-ind\?next=%2Fborgerjournalist$/);
    await thief.close();

    // A forgotten password is reset through a link by email.
    await page.goto('/log-ind');
    await page.getByRole('link', { name: 'Har du glemt din adgangskode?' }).click();
    await page.getByLabel('E-mailadresse').fill(address);
    await page.getByRole('button', { name: 'Send link' }).click();
    await expect(page.getByText('Hvis adressen hører til en konto')).toBeVisible();
    const reset = await emailTo(address, 'Ny adgangskode');
    await page.goto(linkIn(reset.text, '/nulstil/'));
    await page.getByLabel('Ny adgangskode').fill('grøn kaffe på altanen');
    await page.getByRole('button', { name: 'Gem ny adgangskode' }).click();
    await expect(page).toHaveURL(/\/borgerjournalist$/);
    await logOut(page);

    // The new password works; the old one does not.
    await page.goto('/log-ind');
    await page.getByLabel('E-mailadresse').fill(address);
    await page.getByLabel('Adgangskode').fill('blå cykel under broen');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await expect(page.getByText('Forkert e-mail eller adgangskode')).toBeVisible();
    await logIn(page, { email: address, password: 'grøn kaffe på altanen' });
    await expect(page).toHaveURL(/\/borgerjournalist$/);
  });

  test('an address invited twice: once one link is used, the other explains that it no longer works', async ({
    page,
  }, testInfo) => {
    const address = `twice-${testInfo.project.name}-${Date.now()}@example.org`;
    await logIn(page, demo.admin);
    for (let n = 0; n < 2; n++) {
      await page.goto('/personale/brugere');
      await page.getByLabel('E-mailadresse').fill(address);
      await page.getByLabel('medarbejder', { exact: true }).check();
      await page.getByRole('button', { name: 'Send invitation' }).click();
      await expect(page.getByText('Invitationen er sendt.')).toBeVisible();
    }
    await logOut(page);

    const [used, other] = (await emailsTo(address, 'Invitation', 2)).map((text) => linkIn(text, '/invitation/'));
    expect(used).not.toBe(other);
    await page.goto(used);
    await page.getByLabel('Navn', { exact: true }).fill('Ida Inviteret');
    await page.getByLabel('Ny adgangskode').fill('tre små fugle på taget');
    await page.getByRole('button', { name: 'Opret konto' }).click();
    await expect(page).toHaveURL(/\/personale$/);
    await logOut(page);

    const answer = await page.goto(other);
    expect(answer?.status()).toBe(404);
    await expect(page.getByText('Linket virker ikke længere')).toBeVisible();
    await expect(page.getByLabel('Ny adgangskode')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Bed om et nyt link' })).toBeVisible();
  });

  test('after logging in, an address that would leave the site is not followed', async ({ page }) => {
    // A tab inside "/<TAB>/evil.example" is dropped by browsers, which then read "//evil.example".
    await page.goto('/log-ind?next=%2F%09%2Fevil.example');
    await page.getByLabel('E-mailadresse').fill(demo.staff.email);
    await page.getByLabel('Adgangskode').fill(demo.staff.password);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await expect(page).toHaveURL(/\/personale$/);
    expect(new URL(page.url()).host).not.toContain('evil');
  });

  test('a logged-out person is sent to log in and back to the page they wanted', async ({ page }) => {
    await page.goto('/personale/udbakke');
    await expect(page).toHaveURL(/\/log-ind\?next=%2Fpersonale%2Fudbakke$/);
    await page.getByLabel('E-mailadresse').fill(demo.admin.email);
    await page.getByLabel('Adgangskode').fill(demo.admin.password);
    await page.getByRole('button', { name: 'Log ind' }).click();
    // The admin's second step keeps the page to go back to.
    await expect(page).toHaveURL(/\/log-ind\/kode\?next=%2Fpersonale%2Fudbakke$/);
    await page.getByLabel('Kode', { exact: true }).fill(await unusedCode(page, demo.admin));
    await page.getByRole('button', { name: 'Log ind' }).click();
    await expect(page).toHaveURL(/\/personale\/udbakke$/);
    await expect(page.getByRole('heading', { name: 'Udbakke' })).toBeVisible();
  });
});
