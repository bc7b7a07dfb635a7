// News from end to end: staff write an article with a photo in the editor, look at the preview,
// schedule it for tomorrow, then publish it; a resident finds it on the front page, in its topic's and its
// magazine issue's archive, by searching an inflected word, and in the Atom feed. The editor's
// live preview shows the text while it is typed (with JavaScript; without, the button does).
import { expect, test } from '@playwright/test';
import { demo, expectNoAxeViolations, jsEnabled, logIn, logOut } from './helpers';

test('staff publish an article and residents find it everywhere', async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  // A word of letters only (PostgreSQL's Danish search does not stem words with digits in them).
  const stamp = String(Date.now() % 100000).replace(/\d/g, (digit) => 'abcdefghij'[Number(digit)]);
  // It ends like "fællesspisning", so the definite form ("…ningen") finds it.
  const word = `Kaffemik${testInfo.project.name.replace(/[^a-z]/g, '')}${stamp}ning`;
  const title = `${word} i ParkCafeen`;
  await logIn(page, demo.staff);
  await page.goto('/personale/artikler');
  await page.getByRole('link', { name: 'Ny artikel' }).click();
  if (jsEnabled(testInfo)) await expectNoAxeViolations(page);

  await page.getByLabel('Overskrift').fill(title);
  await page.getByLabel('Indledning').fill('Hver fredag drikker vi kaffe sammen.');
  await page.getByLabel('Tekst', { exact: true }).fill('Vi drikker **kaffe** og spiser kage.\n\nAlle er velkomne.');
  await page.getByLabel('Skrevet af').fill('Fatima');
  await page.getByLabel('Sundhed').check();
  await page.getByLabel('Udgave af Nordbyposten').selectOption({ label: 'Nordbyposten nr. 3, 2026' });
  await page.getByRole('button', { name: 'Se forhåndsvisning' }).click();
  await expect(page.getByRole('heading', { name: 'Forhåndsvisning' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Forhåndsvisning', exact: true }).locator('strong')).toHaveText('kaffe');
  await expect(page.getByLabel('Overskrift')).toHaveValue(title);

  // A photo (the page itself, as a JPEG) with its description; a file has to be chosen again
  // after a preview, as browsers do not keep it.
  const photo = await page.screenshot({ type: 'jpeg', quality: 60 });
  await page.getByLabel('Vælg et billede (frivilligt)').setInputFiles({ name: 'kaffe.jpg', mimeType: 'image/jpeg', buffer: photo });
  await page.getByLabel('Beskriv billedet').fill('Naboer drikker kaffe i ParkCafeen');

  // Scheduled for tomorrow: not public yet.
  const tomorrow = new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10);
  await page.getByLabel('Udgiv senere').check();
  await page.getByLabel('Dato for udgivelse').fill(tomorrow);
  await page.getByLabel('Klokkeslæt for udgivelse').fill('08:00');
  await page.getByRole('button', { name: 'Gem artiklen' }).click();
  await expect(page.getByText('Artiklen er gemt.')).toBeVisible();
  if (jsEnabled(testInfo)) await expectNoAxeViolations(page);
  await page.goto('/nyheder');
  await expect(page.getByText(title)).toHaveCount(0);

  // Published now.
  await page.goto('/personale/artikler');
  await page.getByRole('link', { name: title }).click();
  await page.getByLabel('Udgiv nu').check();
  await page.getByRole('button', { name: 'Gem artiklen' }).click();
  await expect(page.getByText('Artiklen er gemt.')).toBeVisible();
  await logOut(page);

  // A resident finds it.
  await page.goto('/');
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(page.locator('.article__body strong')).toHaveText('kaffe');
  const cover = page.getByRole('img', { name: 'Naboer drikker kaffe i ParkCafeen' });
  await expect(cover).toBeVisible();
  expect(await cover.getAttribute('srcset')).toContain('400w');
  if (jsEnabled(testInfo)) await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Sundhed' }).click();
  await expect(page.getByRole('heading', { name: 'Nyheder om Sundhed' })).toBeVisible();
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await page.goto('/nordbyposten');
  await page.getByRole('link', { name: 'Nordbyposten nr. 3, 2026' }).click();
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  if (jsEnabled(testInfo)) await expectNoAxeViolations(page);
  await page.goto('/nyheder');
  await page.getByLabel('Søg efter').fill(`${word.toLowerCase()}en`);
  await page.getByRole('button', { name: 'Søg', exact: true }).click();
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  if (jsEnabled(testInfo)) await expectNoAxeViolations(page);
  const feed = await page.request.get('/feed.xml');
  expect(feed.headers()['content-type']).toContain('application/atom+xml');
  expect(await feed.text()).toContain(`<title>${title}</title>`);
});

test('the editor shows the text as readers will see it while staff type', async ({ page }, testInfo) => {
  const word = `Loppemarked${testInfo.project.name.replace(/[^a-z]/g, '')}${Date.now() % 100000}`;
  const live = page.getByRole('region', { name: 'Sådan ser teksten ud' });
  const body = page.getByLabel('Tekst', { exact: true });
  await logIn(page, demo.staff);

  // An article that has a text shows it from the start.
  await page.goto('/personale/artikler/1');
  if (jsEnabled(testInfo)) {
    await expect(live.locator('.article__body p').first()).toBeVisible();
  } else {
    await expect(live).toBeHidden();
  }

  await page.goto('/personale/artikler/ny');
  await body.fill(`# ${word}\n\nTag **kaffe** med.`);
  if (jsEnabled(testInfo)) {
    await expect(live.getByRole('heading', { name: word })).toBeVisible();
    await expect(live.locator('strong')).toHaveText('kaffe');
    // It follows the typing, key by key.
    await body.press('End');
    await body.pressSequentially(' Og *kage*.');
    await expect(live.locator('em')).toHaveText('kage');
    await expectNoAxeViolations(page);

    // When the session has run out, it says so instead of showing an old text.
    await page.context().clearCookies();
    await body.pressSequentially(' Mere.');
    await expect(live.getByText('Teksten kan ikke vises lige nu.')).toBeVisible();
    await logIn(page, demo.staff);
  } else {
    // Without JavaScript there is no live preview; the button shows the same.
    await expect(live).toBeHidden();
    await page.getByRole('button', { name: 'Se forhåndsvisning' }).click();
    const preview = page.getByRole('region', { name: 'Forhåndsvisning', exact: true });
    await expect(preview.getByRole('heading', { name: word })).toBeVisible();
    await expect(preview.locator('strong')).toHaveText('kaffe');
  }
  // Looking at a preview saves nothing.
  await page.goto('/personale/artikler');
  await expect(page.getByText(word)).toHaveCount(0);
});
