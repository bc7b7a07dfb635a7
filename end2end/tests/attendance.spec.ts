// Waitlists, attendance and figures from end to end: a party on the waitlist is promoted and
// emailed when another party makes room; staff tick off who came on a phone; the figures page
// shows the report and hands out the CSV.
import { expect, test } from '@playwright/test';
import { demo, emailTo, expectNoAxeViolations, jsEnabled, linkIn, logIn, maildevUrl } from './helpers';

test.describe('waitlist and attendance', () => {
  test.beforeAll(() => {
    expect(maildevUrl, 'NABOSKAB_E2E_MAILDEV_URL (run through `cargo xtask test`)').toBeTruthy();
  });

  test('a waiting party is promoted and emailed when another party gets smaller', async ({ page }, testInfo) => {
    test.setTimeout(60_000);
    const stamp = `${testInfo.project.name}-${Date.now()}`;
    const waiting = `venter-${stamp}@example.org`;
    // The PC course has eight seats. Each project takes a date of its own (not the first, which
    // may be today and already started).
    const nth = jsEnabled(testInfo) ? 1 : 2;
    await page.goto('/aktiviteter/pc-undervisning');
    await page.locator('.date-card__link').nth(nth).click();
    const occurrence = page.url();

    // A group of eight takes every seat.
    await page.getByLabel('Dit navn').fill('Holdet fra Vangdalen');
    await page.getByLabel('Antal voksne').fill('8');
    await page.getByRole('button', { name: 'Tilmeld' }).click();
    await expect(page.getByText('I er tilmeldt. Der er plads til jer.')).toBeVisible();
    const groupPage = page.url();

    // The next person goes on the waitlist and is told so by email.
    await page.goto(occurrence);
    await expect(page.getByText('Der er fuldt.')).toBeVisible();
    await page.getByLabel('Dit navn').fill('Leyla');
    await page.getByLabel('E-mail eller telefon (frivilligt)').fill(waiting);
    await page.getByRole('button', { name: 'Tilmeld' }).click();
    await expect(page.getByText('I er på ventelisten.')).toBeVisible();
    const waitlisted = await emailTo(waiting, 'Du er på ventelisten');
    const waitingLink = linkIn(waitlisted.text, '/tilmelding/');

    // The group cannot grow: there is no room; what it had stays.
    await page.goto(groupPage.split('?')[0]);
    await page.getByLabel('Antal voksne').fill('9');
    await page.getByRole('button', { name: 'Gem ændringen' }).click();
    await expect(page.locator('.field__error')).toContainText('Der er ikke plads til så mange.');
    await expectNoAxeViolationsIfJs(page, jsEnabled(testInfo));
    await expect(page.getByText('8 voksne og 0 børn')).toBeVisible();

    // One of them cannot come after all: the seat goes to the waiting person.
    await page.getByLabel('Antal voksne').fill('7');
    await page.getByRole('button', { name: 'Gem ændringen' }).click();
    await expect(page.getByText('Ændringen er gemt.')).toBeVisible();
    await expect(page.getByText('7 voksne og 0 børn')).toBeVisible();
    await expectNoAxeViolationsIfJs(page, jsEnabled(testInfo));

    const promoted = await emailTo(waiting, 'Der er plads til jer');
    expect(promoted.text).toContain('PC-undervisning');
    await page.goto(waitingLink);
    await expect(page.getByText('I er tilmeldt. Der er plads til jer.')).toBeVisible();
  });

  test('staff tick off who came on a phone', async ({ page }, testInfo) => {
    test.setTimeout(60_000);
    const name = `Familien ${testInfo.project.name} ${Date.now()}`;
    // A family signs up for a coming food club, on a date of this project's own.
    const nth = jsEnabled(testInfo) ? 1 : 2;
    await page.goto('/aktiviteter/madklub-for-boern-og-unge');
    await page.locator('.date-card__link').nth(nth).click();
    const date = page.url().split('/').pop()!;
    await page.getByLabel('Dit navn').fill(name);
    await page.getByLabel('Antal voksne').fill('1');
    await page.getByLabel('Antal børn').fill('2');
    await page.getByLabel('Besked (frivilligt)').fill('Allergisk over for jordnødder');
    await page.getByRole('button', { name: 'Tilmeld' }).click();
    await expect(page.getByText('I er tilmeldt.')).toBeVisible();

    // At the door, on a phone.
    await logIn(page, demo.staff);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/personale');
    await page.getByRole('main').getByRole('link', { name: 'Aktiviteter', exact: true }).click();
    await page.getByRole('link', { name: 'Madklub for børn og unge' }).click();
    await page.getByText('Datoer: tilmeldte og fremmøde').click();
    await page.locator(`.dates a[href$="/${date}"]`).click();
    // Exact: the row's remove button names the family too.
    await expect(page.getByRole('cell', { name, exact: true })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Allergisk over for jordnødder' })).toBeVisible();
    await expectNoAxeViolationsIfJs(page, jsEnabled(testInfo));

    await page.getByRole('link', { name: 'Skriv fremmøde' }).click();
    await expectNoAxeViolationsIfJs(page, jsEnabled(testInfo));
    await page.getByLabel(`${name} – 1 voksen og 2 børn`).check();
    await page.getByLabel('Børn, der kom uden tilmelding').fill('3000');
    await page.getByLabel('Antal frivillige').fill('2');
    await page.getByRole('button', { name: 'Gem fremmødet' }).click();
    // A slip of the thumb: a message by the field, and nothing ticked is lost.
    await expect(page.locator('.field__error')).toContainText('Skriv et tal fra 0 til 1000.');
    await expect(page.getByLabel(`${name} – 1 voksen og 2 børn`)).toBeChecked();
    await expectNoAxeViolationsIfJs(page, jsEnabled(testInfo));
    await page.getByLabel('Børn, der kom uden tilmelding').fill('3');
    await page.getByLabel('Heraf første gang').fill('1');
    await page.getByRole('button', { name: 'Gem fremmødet' }).click();
    await expect(page.getByText('Fremmødet er gemt.')).toBeVisible();
    // The family's three and three without a sign-up.
    await expect(page.getByText('6 deltagere og 2 frivillige.')).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, 'no sideways scrolling on a phone').toBeLessThanOrEqual(360);
  });

  test('staff get the figures, the report and the CSV', async ({ page }, testInfo) => {
    await logIn(page, demo.staff);
    await page.goto('/personale');
    await page.getByRole('main').getByRole('link', { name: 'Tal', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Tal', exact: true })).toBeVisible();
    // Last year has a whole year of the demo's attendance.
    const lastYear = String(new Date().getFullYear() - 1);
    await page.getByLabel('År').selectOption(lastYear);
    await page.getByRole('button', { name: 'Vis tallene' }).click();
    await expect(page.getByRole('heading', { name: new RegExp(`Tal for ${lastYear}`) })).toBeVisible();
    await expect(page.locator('svg[role="img"]').first()).toBeVisible();
    await expect(page.getByRole('rowheader', { name: 'Fællesspisning i ParkCafeen' }).first()).toBeVisible();
    await expectNoAxeViolationsIfJs(page, jsEnabled(testInfo));

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Hent som regneark (CSV til Excel)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`tal-${lastYear}.csv`);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const csv = Buffer.concat(chunks);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.subarray(3).toString('utf8').split('\r\n')[0]).toBe(
      'Gruppe;Navn;Indsatsområde;Sted;Periode;Afholdt;Aflyst;Deltagere;Voksne;Børn;Deltagere pr. gang;' +
        'Frivillige pr. gang;Første gang;Uden tilmelding;Tilmeldinger;Afmeldinger;Udeblevne;Rykket op;' +
        'Indsendt;Bidrag;Billeder',
    );

    await page.getByRole('link', { name: 'Rapport til udskrift' }).click();
    await expect(page.getByRole('heading', { name: `Aktiviteter i ${lastYear}` })).toBeVisible();
    await expect(page.getByText(new RegExp(`^I ${lastYear} blev Fællesspisning i ParkCafeen afholdt \\d+ gange med gennemsnitligt \\d+ deltagere`))).toBeVisible();
    await expectNoAxeViolationsIfJs(page, jsEnabled(testInfo));
  });
});

/** axe-core runs inside the page, so only where JavaScript is on; accessibility.spec.ts checks
 * the same pages for the no-JavaScript projects. */
async function expectNoAxeViolationsIfJs(page: import('@playwright/test').Page, js: boolean): Promise<void> {
  if (js) await expectNoAxeViolations(page);
}
