// Citizen journalism from end to end, as the two people involved would do it in their own
// browsers: the journalist writes a submission with a photo (refused first without the consent),
// sends it; staff get the email, follow its link and ask for changes; the journalist gets that
// email, edits and sends again; staff publish; residents find the article on the front page
// with the journalist's name and the photo, which carries no camera data; the journalist gets
// the publication email. And a new staff member finds every staff tool by clicking from
// `/personale`.
import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { demo, emailTo, expectNoAxeViolations, jsEnabled, linkIn, logIn, waitForIslands } from './helpers';

/** A page in a browser of its own (its own cookies), with the project's settings. */
async function ownBrowser(browser: Browser, testInfo: TestInfo): Promise<Page> {
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    javaScriptEnabled: jsEnabled(testInfo),
    locale: 'da-DK',
  });
  return context.newPage();
}

/** A JPEG of the page with an EXIF segment naming the camera's maker ("Canon"). */
async function photoWithExif(page: Page): Promise<Buffer> {
  const jpeg = await page.screenshot({ type: 'jpeg', quality: 60 });
  // TIFF, little-endian: IFD0 with one entry, Make (0x010F), ASCII, 6 bytes at offset 26.
  const tiff = Buffer.concat([
    Buffer.from('II\x2a\x00\x08\x00\x00\x00', 'latin1'),
    Buffer.from([1, 0, 0x0f, 0x01, 2, 0, 6, 0, 0, 0, 26, 0, 0, 0, 0, 0, 0, 0]),
    Buffer.from('Canon\x00', 'latin1'),
  ]);
  const app1 = Buffer.concat([Buffer.from('Exif\x00\x00', 'latin1'), tiff]);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(app1.length + 2);
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xe1]), length, app1, jpeg.subarray(2)]);
}

/** The path of the first link to `path` in an email's text. */
function pathIn(text: string, path: string): string {
  return new URL(linkIn(text, path)).pathname;
}

test('a journalist sends a submission with a photo, staff ask for changes and publish it', async ({
  browser,
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const title = `Sommerfest i gården ${testInfo.project.name} ${Date.now()}`;
  const journalist = await ownBrowser(browser, testInfo);
  const staff = await ownBrowser(browser, testInfo);
  await logIn(journalist, demo.journalist);
  await logIn(staff, demo.staff);

  // The journalist starts from their own area.
  await journalist.getByRole('link', { name: 'Ny indsendelse' }).click();
  await expect(journalist.getByRole('heading', { name: 'Ny indsendelse', level: 1 })).toBeVisible();
  await waitForIslands(journalist, testInfo);
  await journalist.getByLabel('Titel').fill(title);
  await journalist.getByLabel('Tekst', { exact: true }).fill('Vi grillede **pølser** og dansede til sent.');
  if (jsEnabled(testInfo)) {
    // The text as readers will see it, while it is typed.
    await expect(journalist.getByRole('region', { name: 'Sådan ser teksten ud' }).locator('strong')).toHaveText(
      'pølser',
    );
  }
  const photo = await photoWithExif(journalist);
  await journalist.getByLabel('Tilføj et billede').setInputFiles({ name: 'fest.jpg', mimeType: 'image/jpeg', buffer: photo });
  await journalist.getByLabel('Billedtekst').fill('Dansen i gården');
  await journalist.getByLabel('Beskrivelse af billedet').fill('Naboer danser under en guirlande af lys');

  // Without the consent: refused, with the message by the box and the text kept.
  await journalist.getByRole('button', { name: 'Send til redaktionen' }).click();
  await expect(journalist.locator('#consent-error')).toContainText('Sæt kryds, når personerne på billederne har sagt ja.');
  await expect(journalist.getByLabel('Titel')).toHaveValue(title);
  await expect(journalist.getByLabel('Tekst', { exact: true })).toHaveValue('Vi grillede **pølser** og dansede til sent.');
  if (jsEnabled(testInfo)) await expectNoAxeViolations(journalist);

  // A browser forgets a chosen file when the page comes back: choose it again, tick, send.
  await journalist.getByLabel('Tilføj et billede').setInputFiles({ name: 'fest.jpg', mimeType: 'image/jpeg', buffer: photo });
  await journalist.getByLabel(/Personerne på billederne har sagt ja/).check();
  await journalist.getByRole('button', { name: 'Send til redaktionen' }).click();
  await expect(journalist.getByText('Tak! Din indsendelse er sendt til redaktionen.')).toBeVisible();
  await expect(journalist.getByText('Sendt til redaktionen', { exact: true })).toBeVisible();
  await expect(journalist.getByRole('img', { name: 'Naboer danser under en guirlande af lys' })).toBeVisible();

  // Staff get the email and follow its link.
  const sent = await emailTo(demo.staff.email, `Ny indsendelse: ${title}`);
  await staff.goto(pathIn(sent.text, '/personale/indsendelser/'));
  await expect(staff.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  if (jsEnabled(testInfo)) await expectNoAxeViolations(staff);
  await staff.getByLabel('Hvad skal journalisten rette?').fill('Skriv gerne, hvem der spillede musik.');
  await staff.getByRole('button', { name: 'Send til journalisten' }).click();
  await expect(staff.getByText('Journalisten har fået besked om at rette.')).toBeVisible();

  // The journalist gets that email, reads the request on the submission's page, edits and sends again.
  const changes = await emailTo(demo.journalist.email, `Ret gerne "${title}"`);
  expect(changes.text).toContain('Skriv gerne, hvem der spillede musik.');
  await journalist.goto(pathIn(changes.text, '/borgerjournalist/indsendelser/'));
  await expect(journalist.getByText('Skriv gerne, hvem der spillede musik.')).toBeVisible();
  await journalist
    .getByLabel('Tekst', { exact: true })
    .fill('Vi grillede **pølser** og dansede til sent. Bandet Nordlys spillede.');
  await journalist.getByRole('button', { name: 'Send til redaktionen' }).click();
  await expect(journalist.getByText('Tak! Din indsendelse er sendt til redaktionen.')).toBeVisible();
  await emailTo(demo.staff.email, `Rettet indsendelse: ${title}`);

  // Staff find it in the queue through their navigation, and publish it with a lead.
  await staff.goto('/personale');
  await staff.getByRole('navigation', { name: 'Personalets værktøjer' }).getByRole('link', { name: /^Indsendelser/ }).click();
  await expect(staff.getByRole('heading', { name: 'Indsendelser', level: 1 })).toBeVisible();
  if (jsEnabled(testInfo)) await expectNoAxeViolations(staff);
  await staff.getByRole('link', { name: title }).click();
  await expect(staff.getByLabel('Tekst', { exact: true })).toHaveValue(
    'Vi grillede **pølser** og dansede til sent. Bandet Nordlys spillede.',
  );
  await staff.getByLabel('Indledning').fill('Hele gården festede lørdag aften.');
  await staff.getByRole('button', { name: 'Udgiv nu' }).click();
  await expect(staff.getByRole('heading', { name: title, level: 1 })).toBeVisible();

  // The journalist hears it is out.
  const published = await emailTo(demo.journalist.email, `"${title}" er udgivet`);
  const articlePath = pathIn(published.text, '/nyheder/');

  // A resident finds it on the front page, by the journalist, with the photo.
  await page.goto('/');
  await page.getByRole('link', { name: title }).first().click();
  expect(new URL(page.url()).pathname).toBe(articlePath);
  await expect(page.getByText('Af Yusuf Ali', { exact: true })).toBeVisible();
  const image = page.getByRole('img', { name: 'Naboer danser under en guirlande af lys' });
  await expect(image).toBeVisible();
  const source = await image.getAttribute('src');
  const served = await page.request.get(source!);
  expect(served.status()).toBe(200);
  const bytes = Buffer.from(await served.body());
  expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  expect(bytes.includes(Buffer.from('Exif\x00\x00', 'latin1')), 'no EXIF segment').toBe(false);
  expect(bytes.includes(Buffer.from('Canon', 'latin1')), 'no camera maker').toBe(false);

  await journalist.context().close();
  await staff.context().close();
});

test('a new staff member reaches every staff tool by clicking from /personale', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await logIn(page, demo.admin);
  await page.goto('/personale');
  const home = () => page.getByRole('link', { name: 'Personale', exact: true }).click();
  const tools = page.getByRole('navigation', { name: 'Personalets værktøjer' });
  // Each tool from the staff home's list, then one step further into it where there is one.
  const steps: [RegExp, string, string | null, string | null][] = [
    [/^Indsendelser/, 'Indsendelser', 'Loppemarked i gården', 'Loppemarked i gården'],
    [/^Nyheder$/, 'Nyheder', 'Ny artikel', 'Ny artikel'],
    [/^Udgaver af Nordbyposten$/, 'Udgaver af Nordbyposten', 'Ny udgave', 'Ny udgave'],
    [/^Aktiviteter$/, 'Aktiviteter', 'Ny aktivitet', 'Ny aktivitet'],
    [/^Tal$/, 'Tal', 'Rapport til udskrift', null],
    [/^Brugere$/, 'Brugere', null, null],
    [/^Udbakke$/, 'Udbakke', null, null],
    [/^Log$/, 'Log', null, null],
  ];
  for (const [link, heading, further, furtherHeading] of steps) {
    await page.locator('main .link-list').getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    if (further) {
      await page.locator('main').getByRole('link', { name: further }).first().click();
      if (furtherHeading) {
        await expect(page.getByRole('heading', { name: furtherHeading, level: 1 })).toBeVisible();
      } else {
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      }
    }
    // The staff navigation on every page leads to the same tool.
    await tools.getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    await home();
    await expect(page.getByRole('heading', { name: 'Personale', level: 1 })).toBeVisible();
  }
  if (jsEnabled(testInfo)) await expectNoAxeViolations(page);
});

test('a text nested too deep gets a Danish message by the field and is kept', async ({ browser }, testInfo) => {
  const journalist = await ownBrowser(browser, testInfo);
  await logIn(journalist, demo.journalist);
  await journalist.getByRole('link', { name: 'Ny indsendelse' }).click();
  await waitForIslands(journalist, testInfo);
  const title = `Citater i citater ${testInfo.project.name} ${Date.now()}`;
  const deep = `${'>'.repeat(40)} Hvem sagde hvad?`;
  await journalist.getByLabel('Titel').fill(title);
  await journalist.getByLabel('Tekst', { exact: true }).fill(deep);
  const message = 'Teksten har for mange lag inden i hinanden';
  if (jsEnabled(testInfo)) {
    // The live preview says why it cannot show the text, while it is typed.
    await expect(journalist.getByRole('region', { name: 'Sådan ser teksten ud' })).toContainText(message);
  }
  await journalist.getByRole('button', { name: 'Gem kladde' }).click();
  await expect(journalist.locator('#body-error')).toContainText(message);
  await expect(journalist.getByLabel('Titel')).toHaveValue(title);
  await expect(journalist.getByLabel('Tekst', { exact: true })).toHaveValue(deep);
  await journalist.context().close();
});
