// The newsletter from end to end, on a 360 px phone: a resident subscribes from the front page
// without an account, follows the link in the email (real SMTP, maildev), chooses two
// activities, and leaves again from the private page. A mistyped address is refused next to the
// field. Every new page, also refused, passes axe-core and the Nu HTML Checker (on one backend,
// with JavaScript on: the pages have no script, so every browser gets the same).
import { expect, test } from '@playwright/test';
import {
  demo,
  emailTo,
  errorsInHtml,
  expectNoAxeViolations,
  jsEnabled,
  linkIn,
  logIn,
  maildevUrl,
} from './helpers';

test.use({ viewport: { width: 360, height: 740 } });

test.describe('newsletter', () => {
  test.beforeAll(() => {
    expect(maildevUrl, 'NABOSKAB_E2E_MAILDEV_URL (run through `cargo xtask test`)').toBeTruthy();
  });
  test.setTimeout(90_000);

  test('a resident subscribes from the front page, chooses two activities and leaves', async ({ page, context }, testInfo) => {
    const address = `nyhedsbrev-${testInfo.project.name}-${Date.now()}@example.org`;
    const audit = jsEnabled(testInfo) && !testInfo.project.name.startsWith('postgres');
    const html: [string, string][] = [];
    const check = async (name: string) => {
      // Nothing on the page may be wider than the phone.
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(wide, name).toBeLessThanOrEqual(360);
      if (!audit) return;
      await expectNoAxeViolations(page);
      html.push([name, await page.content()]);
    };
    // A network of its own, so the per-network limit counts this browser alone.
    const octet = () => 1 + Math.floor(Math.random() * 250);
    await page.setExtraHTTPHeaders({ 'X-Forwarded-For': `10.${octet()}.${octet()}.${octet()}` });

    // The form is on the front page; a mistyped address is refused by the field, kept as typed.
    await page.goto('/');
    const form = page.getByRole('region', { name: 'Få nyhedsbrevet' });
    await form.getByLabel('Din e-mail').fill('nabo@');
    await form.getByRole('button', { name: 'Tilmeld nyhedsbrev' }).click();
    await expect(page.locator('.field__error')).toContainText('Skriv en gyldig e-mailadresse');
    await expect(page.getByLabel('Din e-mail')).toHaveValue('nabo@');
    await check('subscription refused');

    await page.getByLabel('Din e-mail').fill(address);
    await page.getByRole('button', { name: 'Tilmeld nyhedsbrev' }).click();
    await expect(page.getByText('Tjek din e-mail nu.')).toBeVisible();
    await check('archive with notice');
    expect((await context.cookies()).length, 'no cookie for a resident').toBe(0);

    // The emailed link: confirm with two activities chosen.
    const email = await emailTo(address, 'Bekræft nyhedsbrevet');
    const link = linkIn(email.text, '/abonnement/');
    await page.goto(link);
    await expect(page.getByRole('heading', { name: 'Bekræft dit nyhedsbrev', level: 1 })).toBeVisible();
    await check('confirm');
    await page.getByLabel('Kun det, jeg vælger herunder').check();
    await page.getByLabel('Babycafé').check();
    await page.getByLabel('Fællesspisning i ParkCafeen').check();
    await page.getByRole('button', { name: 'Bekræft og gem' }).click();
    await expect(page.getByText('Dine valg er gemt.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Dit nyhedsbrev', level: 1 })).toBeVisible();
    await expect(page.getByLabel('Babycafé')).toBeChecked();
    await expect(page.getByLabel('Fællesspisning i ParkCafeen')).toBeChecked();
    await expect(page.getByLabel('Fodboldskole')).not.toBeChecked();

    // "Only some" with nothing ticked is refused, and the saved choice stays.
    await page.getByLabel('Babycafé').uncheck();
    await page.getByLabel('Fællesspisning i ParkCafeen').uncheck();
    await page.getByRole('button', { name: 'Gem mine valg' }).click();
    await expect(page.locator('.field__error')).toContainText('Vælg mindst én aktivitet');
    await check('choice refused');
    await page.goto(link);
    await expect(page.getByLabel('Babycafé')).toBeChecked();
    await check('choice');

    // The newsletter's visible link asks once; the button leaves and deletes the address.
    await page.goto(`${link}/afmeld`);
    await expect(page.getByRole('heading', { name: 'Afmeld nyhedsbrevet', level: 1 })).toBeVisible();
    await check('leave');
    await page.getByRole('button', { name: 'Afmeld nyhedsbrevet' }).click();
    await expect(page.getByText('Du er afmeldt. Vi har slettet din e-mailadresse.')).toBeVisible();
    const gone = await page.goto(link);
    expect(gone?.status()).toBe(404);

    if (audit) expect(await errorsInHtml(html)).toEqual([]);
  });

  test('the archive lists the newsletters sent, each a page of its own', async ({ page }, testInfo) => {
    const audit = jsEnabled(testInfo) && !testInfo.project.name.startsWith('postgres');
    await page.goto('/nyhedsbrev');
    // The demo has last week's newsletter.
    await page.getByRole('link', { name: /^Nyhedsbrev uge \d+, \d{4}$/ }).first().click();
    await expect(page.getByRole('heading', { name: /^Nyhedsbrev uge \d+, \d{4}$/, level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Aktiviteter i ugen' })).toBeVisible();
    if (audit) {
      await expectNoAxeViolations(page);
      expect(await errorsInHtml([['week', await page.content()]])).toEqual([]);
    }
  });

  test('staff write the note of the next newsletter and see it before it goes', async ({ page }, testInfo) => {
    const audit = jsEnabled(testInfo) && !testInfo.project.name.startsWith('postgres');
    const html: [string, string][] = [];
    await logIn(page, demo.staff);
    await page.goto('/personale');
    await page.getByRole('link', { name: 'Nyhedsbrev' }).click();
    await expect(page.getByRole('heading', { name: 'Nyhedsbrev', level: 1 })).toBeVisible();

    // A note over 2,000 characters is refused by its field, and kept.
    const long = 'Kom og vær med. '.repeat(130);
    await page.getByLabel('Hilsen i næste nyhedsbrev').fill(long);
    await page.getByRole('button', { name: 'Gem og vis' }).click();
    await expect(page.locator('.field__error')).toContainText('højst være 2.000 tegn');
    await expect(page.getByLabel('Hilsen i næste nyhedsbrev')).toHaveValue(long);
    if (audit) {
      await expectNoAxeViolations(page);
      html.push(['staff refused', await page.content()]);
    }

    const note = `Husk fællesspisningen, hilsen ${testInfo.project.name}.`;
    await page.getByLabel('Hilsen i næste nyhedsbrev').fill(note);
    await page.getByRole('button', { name: 'Gem og vis' }).click();
    await expect(page.getByText('Nyhedsbrevet er gemt.')).toBeVisible();
    await expect(page.getByRole('region', { name: /^Sådan ser nyhedsbrevet for uge \d+ ud nu$/ })).toContainText(note);
    if (audit) {
      await expectNoAxeViolations(page);
      html.push(['staff', await page.content()]);
      expect(await errorsInHtml(html)).toEqual([]);
    }
  });
});
