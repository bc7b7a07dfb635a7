// The yearly and quarterly report from end to end, on a 360 px phone: staff define a success
// criterion with a target, record its quarterly values (a bad value is refused by its field),
// log a mention in the press, write the quarter's introduction, and find all of it on the
// quarter's report page and in the downloaded Word document. The measures' and the press log's
// pages pass axe-core, also with a value refused.
import { expect, test } from '@playwright/test';
import { demo, expectNoAxeViolations, jsEnabled, logIn } from './helpers';

test('staff record a success criterion and the press, write the introduction and find it all in the report', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const js = jsEnabled(testInfo);
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  const lastYear = new Date().getFullYear() - 1;
  // Each project takes a quarter of its own, so the two running at once do not write the same
  // report's introduction.
  const quarter = js ? 3 : 4;
  const name = `unge i fritidsjob ${stamp}`;

  await logIn(page, demo.staff);
  await page.setViewportSize({ width: 360, height: 740 });

  // A success criterion with a target of 20, recorded per quarter.
  await page.goto('/personale');
  await page.getByRole('main').getByRole('link', { name: 'Succeskriterier' }).click();
  await expect(page.getByRole('heading', { name: 'Succeskriterier', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Nyt succeskriterium' }).click();
  await page.getByLabel('Navn').fill(name);
  await page.getByLabel('Indsatsområde eller aktivitet').selectOption({ label: 'Uddannelse, beskæftigelse og erhverv' });
  await page.getByLabel('Enhed').selectOption('personer');
  await page.getByLabel('kvartal', { exact: true }).check();
  await page.getByLabel('Mål for året (kan udelades)').fill('20');
  if (js) await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Gem succeskriteriet' }).click();
  await expect(page.getByText('Succeskriteriet er gemt. Skriv tallene herunder.')).toBeVisible();

  // Last year's quarters: a value with decimals is refused by its field, and what was typed
  // stays.
  await page.getByRole('link', { name: String(lastYear), exact: true }).click();
  await page.getByLabel('1. kvartal').fill('5');
  await page.getByLabel('2. kvartal').fill('6');
  await page.getByLabel('3. kvartal').fill('7.5');
  await page.getByLabel('4. kvartal').fill('5');
  await page.getByRole('button', { name: 'Gem tallene' }).click();
  await expect(page.locator('.field__error')).toContainText('Skriv et helt tal uden komma, fx 12.');
  await expect(page.getByLabel('1. kvartal')).toHaveValue('5');
  if (js) await expectNoAxeViolations(page);
  await page.getByLabel('3. kvartal').fill('7');
  await page.getByRole('button', { name: 'Gem tallene' }).click();
  await expect(page.getByText('Tallene er gemt.')).toBeVisible();
  await expect(page.getByText(`I alt ${lastYear}: 23.`)).toBeVisible();
  await expect(page.locator('.history li')).toHaveCount(4);

  // A mention in the press in the quarter.
  await page.goto('/personale/presse/ny');
  await page.getByLabel('Omtale i pressen').check();
  await page.getByLabel('Dato').fill(`${lastYear}-${quarter * 3 - 1 < 10 ? '0' : ''}${quarter * 3 - 1}-15`);
  await page.getByLabel('Medie').fill('Randers Amtsavis');
  await page.getByLabel('Overskrift').fill(`Fritidsjob til de unge ${stamp}`);
  await page.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByText('Det er gemt.')).toBeVisible();
  await page.goto(`/personale/presse?aar=${lastYear}&kvartal=${quarter}`);
  await expect(page.getByRole('rowheader', { name: `Fritidsjob til de unge ${stamp}` })).toBeVisible();
  if (js) await expectNoAxeViolations(page);

  // The quarter's report, and its introduction.
  await page.goto(`/personale/rapport?aar=${lastYear}&kvartal=${quarter}`);
  await expect(page.getByRole('heading', { name: `Kvartalsrapport for ${quarter}. kvartal ${lastYear}`, level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Skriv indledning og afsnit' }).click();
  const intro = `Et kvartal med nye frivillige (${stamp}).`;
  await page.getByLabel('Indledning').fill(intro);
  await page.getByRole('button', { name: 'Gem teksterne' }).click();
  await expect(page.getByText('Teksterne er gemt.')).toBeVisible();

  const report = page.getByRole('article');
  await expect(report.getByText(intro)).toBeVisible();
  await expect(report.getByText('Sidst rettet af').first()).toBeVisible();
  const row = report.getByRole('row', { name: new RegExp(name) });
  const valueInQuarter = quarter === 3 ? '7 personer' : '5 personer';
  await expect(row.getByRole('cell').first()).toHaveText(valueInQuarter);
  await expect(row.getByRole('cell').nth(2)).toHaveText('20 personer');
  await expect(report.getByText(new RegExp(`^I ${quarter}\\. kvartal ${lastYear} sendte vi .* og der var .* i pressen`))).toBeVisible();
  await expect(report.getByRole('heading', { name: 'Uddannelse, beskæftigelse og erhverv', level: 2 })).toBeVisible();
  if (js) await expectNoAxeViolations(page);

  // The Word document: docx-rs stores its parts uncompressed, so the texts are in the file.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Hent som Word-dokument' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`rapport-${lastYear}-kvartal-${quarter}.docx`);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  const file = Buffer.concat(chunks);
  expect(file.subarray(0, 2).toString()).toBe('PK');
  const text = file.toString('utf8');
  for (const expected of [`Kvartalsrapport for ${quarter}. kvartal ${lastYear}`, intro, name, valueInQuarter, '20 personer']) {
    expect(text, `the document holds ${expected}`).toContain(expected);
  }
  expect(text).toContain('word/media/');
});
