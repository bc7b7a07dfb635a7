// Accounts from end to end: an admin invites a journalist by email, the journalist follows the
// link from the real SMTP server (maildev), chooses a password, is kept out of the staff area,
// resets the password by email, and the session cookie is worthless after logging out.
import { expect, test } from '@playwright/test';
import { demo, emailTo, linkIn, logIn, logOut, maildevUrl } from './helpers';

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
    await page.getByRole('link', { name: 'Brugere' }).click();
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

  test('a logged-out person is sent to log in and back to the page they wanted', async ({ page }) => {
    await page.goto('/personale/udbakke');
    await expect(page).toHaveURL(/\/log-ind\?next=%2Fpersonale%2Fudbakke$/);
    await page.getByLabel('E-mailadresse').fill(demo.admin.email);
    await page.getByLabel('Adgangskode').fill(demo.admin.password);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await expect(page).toHaveURL(/\/personale\/udbakke$/);
    await expect(page.getByRole('heading', { name: 'Udbakke' })).toBeVisible();
  });
});
