// Signing up from end to end: a resident signs the family up for a communal dinner without an
// account, gets the confirmation email (real SMTP, maildev) with a private link, and cancels
// from it; the seats come back.
import { expect, test } from '@playwright/test';
import { emailTo, linkIn, maildevUrl } from './helpers';

test.describe('sign-ups', () => {
  // The emails are read from the maildev that `cargo xtask test` starts; without it these tests
  // fail rather than pass unseen.
  test.beforeAll(() => {
    expect(maildevUrl, 'NABOSKAB_E2E_MAILDEV_URL (run through `cargo xtask test`)').toBeTruthy();
  });

  test('a resident signs up, gets the email and cancels from its link', async ({ page, context }, testInfo) => {
    test.setTimeout(60_000);
    const address = `familie-${testInfo.project.name}-${Date.now()}@example.org`;

    // One of the next communal dinners, from the activity's page: a date of its own per project,
    // as the projects run side by side against one server and count the same seats.
    const nth = testInfo.project.name.endsWith('-nojs') ? 1 : 0;
    await page.goto('/aktiviteter/faellesspisning-parkcafeen');
    await page.locator('.occurrences a').nth(nth).click();
    await expect(page.getByRole('heading', { name: 'Tilmeld dig' })).toBeVisible();
    const seatsBefore = await page.locator('.signup__seats').textContent();

    // A typo is caught next to the field; what was typed stays.
    await page.getByLabel('Dit navn').fill('Amina Yusuf');
    await page.getByLabel('Antal voksne').fill('2');
    await page.getByLabel('Antal børn').fill('3');
    await page.getByLabel('E-mail eller telefon (frivilligt)').fill('amina@');
    await page.getByRole('button', { name: 'Tilmeld' }).click();
    await expect(page.locator('.field__error')).toContainText('Skriv en gyldig e-mailadresse');
    await expect(page.getByLabel('Dit navn')).toHaveValue('Amina Yusuf');
    await page.getByLabel('E-mail eller telefon (frivilligt)').fill(address);
    await page.getByLabel('Besked (frivilligt)').fill('Ingen nødder, tak');
    await page.getByRole('button', { name: 'Tilmeld' }).click();
    await expect(page.getByText('Tak. Din tilmelding er modtaget.')).toBeVisible();
    await expect(page.getByText('I er tilmeldt. Der er plads til jer.')).toBeVisible();
    await expect(page.getByText('2 voksne og 3 børn')).toBeVisible();
    expect((await context.cookies()).length, 'no cookie for a resident').toBe(0);

    // The email holds the private link.
    const email = await emailTo(address, 'Du er tilmeldt');
    const link = linkIn(email.text, '/tilmelding/');
    await page.goto(link);
    await expect(page.getByText('I er tilmeldt. Der er plads til jer.')).toBeVisible();
    await page.getByRole('button', { name: 'Afmeld' }).click();
    await expect(page.getByText('I er afmeldt. Tak for besked.')).toBeVisible();
    await expect(page.getByText('Tilmeldingen er afmeldt.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Afmeld' })).toHaveCount(0);

    // The seats are free again.
    await page.getByRole('link', { name: 'Fællesspisning i ParkCafeen' }).click();
    await expect(page.locator('.signup__seats')).toHaveText(seatsBefore!);
  });
});
