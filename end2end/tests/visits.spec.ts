// The website's visitors from end to end: a resident reads pages (no cookie is set), the visit is
// counted on the server and appears on the staff's visitor figures within seconds, beside the
// demo's year and a half of history; staff choose a month, download the CSV and find the
// sentence in the printable report.
import { expect, test } from '@playwright/test';
import { demo, expectNoAxeViolations, jsEnabled, logIn } from './helpers';

/** A browser as residents have it: Playwright's own headless one names itself a robot, which
 * the counter leaves out, so the resident's context says it is an ordinary Chrome. */
const residentsBrowser =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36';

test('a resident is counted without a cookie, and staff see the visitor figures', async ({ page, browser }, testInfo) => {
  test.setTimeout(90_000);
  // A referring site of this test's own, so the tests running beside it cannot be mistaken for it.
  const referrer = `henvisning-${testInfo.project.name}-${Date.now()}.example`;
  const resident = await browser.newContext({ userAgent: residentsBrowser, javaScriptEnabled: jsEnabled(testInfo) });
  const reading = await resident.newPage();
  await reading.goto('/nyheder/fuldt-hus-til-faellesspisning', { referer: `https://www.${referrer}/om-nordby` });
  await reading.goto('/privatliv');
  await expect(reading.getByRole('heading', { name: 'Sådan tæller vi besøgende' })).toBeVisible();
  await expect(reading.getByText('Vi gemmer aldrig din IP-adresse eller navnet på din browser')).toBeVisible();
  expect(await resident.cookies(), 'a resident gets no cookie').toEqual([]);
  await resident.close();

  await logIn(page, demo.staff);
  await page.goto('/personale');
  await page.getByRole('main').getByRole('link', { name: 'Besøgende på hjemmesiden' }).click();
  await expect(page.getByRole('heading', { name: 'Besøgende på hjemmesiden', level: 1 })).toBeVisible();
  const thisYear = new Date().getFullYear();
  const lastYear = thisYear - 1;
  // The demo's history: this year beside last, in a sentence, a chart and its table.
  await expect(
    page.getByText(new RegExp(`^I ${thisYear} havde hjemmesiden i gennemsnit \\d+ besøgende om måneden, \\d+ (flere|færre) end i ${lastYear}\\.$`)),
  ).toBeVisible();
  await expect(page.locator('svg[role="img"]')).toBeVisible();
  await expect(page.getByRole('region', { name: /Besøgende og sidevisninger pr\. måned/ }).getByRole('row')).toHaveCount(13);
  await expect(page.getByRole('region', { name: /De mest læste artikler/ }).getByRole('rowheader').first()).toBeVisible();

  // The resident's visit arrives within seconds: the referring site is listed by its domain only.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('region', { name: /Hjemmesider, der sendte/ }).getByRole('rowheader', { name: referrer })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByText('om-nordby')).toHaveCount(0);
  if (jsEnabled(testInfo)) await expectNoAxeViolations(page);

  // A month of last year, day by day.
  await page.getByLabel('År', { exact: true }).selectOption(String(lastYear));
  await page.getByLabel('Måned', { exact: true }).selectOption({ label: 'juli' });
  await page.getByRole('button', { name: 'Vis tallene' }).click();
  await expect(page.getByRole('heading', { name: `Dag for dag i juli ${lastYear}` })).toBeVisible();
  await expect(page.getByRole('region', { name: /pr\. dag i juli/ }).getByRole('row')).toHaveCount(32);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Hent dagene som CSV (Excel)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`besoeg-${lastYear}.csv`);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  const lines = Buffer.concat(chunks).subarray(3).toString('utf8').trim().split('\r\n');
  expect(lines[0]).toBe('Dato;Besøgende;Sidevisninger;Telefon;Tablet;Computer');
  expect(lines.length).toBeGreaterThan(150);

  await page.getByRole('link', { name: 'Rapport til udskrift' }).click();
  await expect(
    page.getByText(new RegExp(`^I ${lastYear} havde hjemmesiden i gennemsnit \\d+ besøgende om måneden`)),
  ).toBeVisible();
  await expect(page.getByText('Summen af hver dags besøgende i måneden.', { exact: false })).toBeVisible();
});
