// Signing up from end to end: a resident signs the family up for a communal dinner without an
// account, gets the confirmation email (real SMTP, maildev) with a private link, and cancels
// from it; the seats come back. A party bigger than the activity allows is refused by the
// field with everything typed kept; staff remove a sign-up from the date's list in one step.
import { expect, test } from '@playwright/test';
import { demo, emailTo, jsEnabled, linkIn, logIn, maildevUrl } from './helpers';

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
    await page.locator('.date-card__link').nth(nth).click();
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

  test('a resident signs up with the keyboard alone', async ({ page }, testInfo) => {
    // A date of its own per project (the other tests take the first three).
    const nth = testInfo.project.name.endsWith('-nojs') ? 4 : 3;
    await page.goto('/aktiviteter/faellesspisning-parkcafeen');
    const date = await page.locator('.date-card__link').nth(nth).getAttribute('href');
    await page.goto(date!);

    /** Presses Tab until `field` has the focus, as someone without a mouse would. */
    const tabTo = async (field: ReturnType<typeof page.getByLabel>) => {
      for (let presses = 0; presses < 80; presses++) {
        if (await field.evaluate((element) => element === document.activeElement)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error('the field is never reached with Tab');
    };
    const name = page.getByLabel('Dit navn');
    await tabTo(name);
    await page.keyboard.type('Keyboard Hansen');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Antal voksne')).toBeFocused();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Antal børn')).toBeFocused();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2');
    await tabTo(page.getByRole('button', { name: 'Tilmeld' }));
    // Where the focus is can be seen.
    const outline = await page
      .getByRole('button', { name: 'Tilmeld' })
      .evaluate((button) => getComputedStyle(button).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await expect(page.getByText('Tak. Din tilmelding er modtaget.')).toBeVisible();
    await expect(page.getByText('2 voksne og 2 børn')).toBeVisible();
  });

  test('a party bigger than the activity allows is refused by the field, nothing typed lost', async ({ page }) => {
    // Errors in the page's scripts (a form control named like a property of the form once
    // broke the islands' start-up) fail the test with JavaScript on.
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto('/aktiviteter/faellesspisning-parkcafeen');
    await page.locator('.date-card__link').nth(2).click();
    await expect(page.getByText('Højst 10 personer på én tilmelding.')).toBeVisible();

    // The field for robots is neither seen nor reached with the keyboard.
    await expect(page.getByRole('textbox', { name: 'Lad dette felt være tomt' })).toHaveCount(0);
    await page.getByLabel('Besked (frivilligt)').focus();
    await page.keyboard.press('Tab');
    await expect(page.locator('input[name="hjemmeside"]')).not.toBeFocused();
    await expect(page.locator('form a[href="/privatliv"]')).toBeFocused();

    // Two posts of ten and ten filled a dinner before; one is refused now.
    await page.getByLabel('Dit navn').fill('Familien Storm');
    await page.getByLabel('Antal voksne').fill('10');
    await page.getByLabel('Antal børn').fill('10');
    await page.getByLabel('E-mail eller telefon (frivilligt)').fill('storm@example.org');
    await page.getByLabel('Besked (frivilligt)').fill('Vi kommer alle sammen');
    await page.getByRole('button', { name: 'Tilmeld' }).click();
    await expect(page.locator('.field__error')).toContainText(
      'Én tilmelding kan højst være for 10 personer, voksne og børn tilsammen.',
    );
    await expect(page.getByLabel('Antal voksne')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Dit navn')).toHaveValue('Familien Storm');
    await expect(page.getByLabel('Antal voksne')).toHaveValue('10');
    await expect(page.getByLabel('Antal børn')).toHaveValue('10');
    await expect(page.getByLabel('E-mail eller telefon (frivilligt)')).toHaveValue('storm@example.org');
    await expect(page.getByLabel('Besked (frivilligt)')).toHaveValue('Vi kommer alle sammen');
    expect(errors, 'no page error').toEqual([]);
  });

  test('staff remove a sign-up from the date list in one step', async ({ page }, testInfo) => {
    test.setTimeout(60_000);
    const name = `Familien Fjern ${testInfo.project.name} ${Date.now()}`;
    // A date of this project's own at the food club, further ahead than attendance.spec.ts's.
    const nth = jsEnabled(testInfo) ? 3 : 4;
    await page.goto('/aktiviteter/madklub-for-boern-og-unge');
    await page.locator('.date-card__link').nth(nth).click();
    const date = page.url().split('/').pop()!;
    await page.getByLabel('Dit navn').fill(name);
    await page.getByLabel('Antal børn').fill('2');
    await page.getByRole('button', { name: 'Tilmeld' }).click();
    await expect(page.getByText('I er tilmeldt. Der er plads til jer.')).toBeVisible();
    const privatePage = page.url().split('?')[0];

    await logIn(page, demo.staff);
    await page.goto('/personale/aktiviteter');
    await page.getByRole('link', { name: 'Madklub for børn og unge' }).click();
    await page.getByText('Datoer: tilmeldte og fremmøde').click();
    await page.locator(`.dates a[href$="/${date}"]`).click();
    const seats = page.locator('.facts dd').first();
    const before = await seats.textContent();
    await expect(page.getByRole('cell', { name, exact: true })).toBeVisible();
    await page.getByRole('button', { name: `Fjern ${name}` }).click();
    await expect(page.getByText('Tilmeldingen er fjernet.')).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Afmeldt');
    await expect(page.getByRole('button', { name: `Fjern ${name}` })).toHaveCount(0);
    await expect(seats).not.toHaveText(before!);

    // The family's own page says so.
    await page.goto(privatePage);
    await expect(page.getByText('Tilmeldingen er afmeldt.')).toBeVisible();
  });
});
