// The site in Arabic and in English, as a resident uses it on a phone: switching language on a
// date's page keeps the page, the calendar runs right to left in Arabic, a refused sign-up
// comes back in the language with what was typed, and the confirmation email is written in it.
// Then every page type in all three languages: no sideways scrolling at 360 px, with a
// screenshot of the front page, the calendar and a date's page in each language.
import { expect, test } from '@playwright/test';
import {
  emailTo,
  errorsInHtml,
  expectNoAxeViolations,
  ftl,
  inLanguage,
  jsEnabled,
  languages,
  linkIn,
  maildevUrl,
  openMenu,
} from './helpers';

/** The page types residents meet, checked in every language (the form's states come on top). */
const residentPages = [
  '/',
  '/nyheder',
  '/nyheder/fuldt-hus-til-faellesspisning',
  '/kalender',
  '/kalender?maaned=2026-12',
  '/kalender?uge=2026-W52',
];

const choices = [
  { code: 'ar', name: 'العربية', dir: 'rtl', nth: { js: 5, nojs: 6 } },
  { code: 'en', name: 'English', dir: 'ltr', nth: { js: 7, nojs: 8 } },
] as const;

test.describe('languages', () => {
  test.beforeAll(() => {
    expect(maildevUrl, 'NABOSKAB_E2E_MAILDEV_URL (run through `cargo xtask test`)').toBeTruthy();
  });
  test.use({ viewport: { width: 360, height: 740 } });

  for (const language of choices) {
    test(`a resident switches to ${language.name}, reads the calendar and signs up`, async ({ page }, testInfo) => {
      test.setTimeout(90_000);
      const { code } = language;
      const address = `sprog-${code}-${testInfo.project.name}-${Date.now()}@example.org`;
      // A date of the communal dinner of its own per project (the sign-up tests take the first five).
      const nth = testInfo.project.name.endsWith('-nojs') ? language.nth.nojs : language.nth.js;
      await page.goto('/aktiviteter/faellesspisning-parkcafeen');
      const date = await page.locator('.date-card__link').nth(nth).getAttribute('href');
      await page.goto(date!);
      await expect(page.locator('html')).toHaveAttribute('lang', 'da');

      // The switcher names the language in itself and keeps the page.
      await page.getByRole('link', { name: language.name }).click();
      await expect(page).toHaveURL(new RegExp(`/${code}${date}$`));
      await expect(page.locator('html')).toHaveAttribute('lang', code);
      await expect(page.locator('html')).toHaveAttribute('dir', language.dir);
      await expect(page.getByRole('heading', { name: ftl(code, 'signup-title') })).toBeVisible();

      // The calendar, in the language, laid out in its direction: the month's first weekday
      // stands at the start of the line, on the right in Arabic.
      await openMenu(page);
      await page.getByRole('link', { name: ftl(code, 'nav-calendar'), exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/${code}/kalender$`));
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.getByRole('link', { name: ftl(code, 'calendar-view-month'), exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/${code}/kalender\\?`));
      const days = page.locator('.month thead th');
      const first = (await days.nth(0).boundingBox())!;
      const second = (await days.nth(1).boundingBox())!;
      if (language.dir === 'rtl') {
        expect(first.x, 'Monday on the right in Arabic').toBeGreaterThan(second.x);
      } else {
        expect(first.x).toBeLessThan(second.x);
      }
      await page.setViewportSize({ width: 360, height: 740 });

      // Refused once: the message by the field in the language, and what was typed kept.
      await page.goto(inLanguage(`/${code}`, date!));
      await page.getByLabel(ftl(code, 'signup-field-name'), { exact: true }).fill('Amina Yusuf');
      await page.getByLabel(ftl(code, 'signup-field-adults')).fill('2');
      await page.getByLabel(ftl(code, 'signup-field-contact')).fill('amina@');
      await page.getByRole('button', { name: ftl(code, 'signup-submit'), exact: true }).click();
      await expect(page.locator('.field__error')).toContainText(ftl(code, 'email-invalid'));
      await expect(page.locator('html')).toHaveAttribute('lang', code);
      await expect(page.getByLabel(ftl(code, 'signup-field-name'), { exact: true })).toHaveValue('Amina Yusuf');

      // Signed up, and told so in the language, on the private page in the language.
      await page.getByLabel(ftl(code, 'signup-field-contact')).fill(address);
      await page.getByRole('button', { name: ftl(code, 'signup-submit'), exact: true }).click();
      await expect(page.getByText(ftl(code, 'notice-signed-up'))).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`/${code}/tilmelding/`));

      // The confirmation email in the language, its link to the private page in it.
      const subject = ftl(code, 'signup-email-confirmed-subject', { activity: '' }).trim();
      const email = await emailTo(address, subject);
      // Names and numbers keep their direction in Arabic text by isolation marks.
      expect(email.text.replace(/[\u2068\u2069]/g, '')).toContain(ftl(code, 'signup-email-confirmed', { name: 'Amina Yusuf' }).split('.')[0]);
      const link = linkIn(email.text, `/${code}/tilmelding/`);
      await page.goto(link);
      await expect(page.getByText(ftl(code, 'signup-status-confirmed'))).toBeVisible();
    });
  }

  // Screenshots and sideways scrolling do not depend on the database: one backend is enough.
  test('the front page, the calendar and a date fit a 360 px phone in every language', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name.startsWith('postgres'), 'the same on both backends');
    test.setTimeout(90_000);
    for (const { code, prefix } of languages) {
      for (const [name, path] of [
        ['front-page', '/'],
        ['calendar', '/kalender'],
        ['week', '/kalender?uge=2026-W52'],
        ['date', '/aktiviteter/babycafe/2026-12-22'],
      ]) {
        await page.goto(inLanguage(prefix, path));
        await expect(page.locator('html')).toHaveAttribute('lang', code);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${code} ${path} is wider than the phone`).toBe(0);
        // No text runs out of a box that would hide it.
        const clipped = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('main *, header *, footer *')]
            .filter((element) => getComputedStyle(element).overflowX !== 'visible')
            // Hidden on purpose: text for screen readers, and the robots' field of the forms.
            .filter((element) => !element.matches('.visually-hidden, .skip-link, .honeypot, .honeypot *'))
            .filter((element) => element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1)
            .map((element) => element.textContent?.trim().slice(0, 40)),
        );
        expect(clipped, `${code} ${path}`).toEqual([]);
        const file = testInfo.outputPath(`${name}-${code}-360.png`);
        await page.screenshot({ path: file, fullPage: true });
        await testInfo.attach(`${name}-${code}`, { path: file, contentType: 'image/png' });
      }
    }
  });

  // axe-core and the Nu HTML Checker over every page type residents meet, a date's page with
  // its form (also refused) and the private sign-up page, in every language. Neither depends
  // on the database, and axe needs JavaScript: one project runs them.
  test('every page type residents meet is accessible and valid in every language', async ({ page }, testInfo) => {
    test.skip(
      testInfo.project.name.startsWith('postgres') || !jsEnabled(testInfo),
      'the same on both backends and without JavaScript',
    );
    test.setTimeout(180_000);
    const html: [string, string][] = [];
    const check = async (name: string) => {
      await expectNoAxeViolations(page);
      html.push([name, await page.content()]);
    };
    await page.goto('/aktiviteter/faellesspisning-parkcafeen');
    const dates = page.locator('.date-card__link');
    for (const [index, { code, prefix }] of languages.entries()) {
      for (const path of residentPages) {
        const answer = await page.request.get(inLanguage(prefix, path));
        expect(answer.status(), inLanguage(prefix, path)).toBe(200);
        html.push([inLanguage(prefix, path), await answer.text()]);
        await page.goto(inLanguage(prefix, path));
        await expectNoAxeViolations(page);
      }
      // A date's page with its form, refused, and the private page after signing up.
      await page.goto('/aktiviteter/faellesspisning-parkcafeen');
      const date = await dates.nth(9 + index).getAttribute('href');
      await page.goto(inLanguage(prefix, date!));
      await check(`${code} date`);
      await page.getByRole('button', { name: ftl(code, 'signup-submit'), exact: true }).click();
      await expect(page.locator('.error-summary')).toBeVisible();
      await check(`${code} refused`);
      await page.getByLabel(ftl(code, 'signup-field-name'), { exact: true }).fill('Bo Hansen');
      await page.getByLabel(ftl(code, 'signup-field-adults')).fill('1');
      await page.getByRole('button', { name: ftl(code, 'signup-submit'), exact: true }).click();
      await expect(page.getByText(ftl(code, 'notice-signed-up'))).toBeVisible();
      await check(`${code} private page`);
    }
    expect(await errorsInHtml(html)).toEqual([]);
  });
});
