// Pictures and cards as a resident and a staff member meet them, with and without JavaScript:
// the front page's week is a list of date cards whose chip says how the seats stand, a card
// leads to its date, which has the same chip, the activity's picture and plain share links; staff
// give an activity a kind and a photo, and residents see it.
import { expect, test } from '@playwright/test';
import { demo, expectNoAxeViolations, jsEnabled, logIn } from './helpers';

/** What a date's chip may say (the Danish of `seats_text`). */
const chip = /^(\d+ ledige? plads(er)?|Fuldt – venteliste|Aflyst|Bare mød op|Tilmelding er åben)$/;

test.describe('at 360 px', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('a resident reads the week as cards and follows one to its date', async ({ page }) => {
    await page.goto('/');
    const week = page.getByRole('region', { name: 'Denne uge' });
    const cards = week.locator('.date-card');
    expect(await cards.count()).toBeGreaterThan(0);
    for (const card of await cards.all()) {
      await expect(card.locator('.chip')).toHaveText(chip);
    }
    // Pictures below the first screen wait until they come near it; each has its size.
    const pictures = week.locator('img');
    for (const picture of await pictures.all()) {
      await expect(picture).toHaveAttribute('loading', 'lazy');
      await expect(picture).toHaveAttribute('width', /^\d+$/);
      await expect(picture).toHaveAttribute('height', /^\d+$/);
    }
    // The front page's first picture, the lead story's cover, loads at once.
    await expect(page.locator('.front-news img').first()).toHaveAttribute('loading', 'eager');

    const first = cards.first();
    const name = (await first.locator('.date-card__link').textContent())!.trim();
    const seats = (await first.locator('.chip').textContent())!.trim();
    await first.locator('.date-card__link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page.locator('main .chip').first()).toHaveText(seats);
    const picture = page.locator('img.activity-picture');
    await expect(picture).toBeVisible();
    await expect(picture).toHaveAttribute('loading', 'eager');
    expect(await picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    const facebook = page.getByRole('link', { name: 'Facebook' });
    await expect(facebook).toHaveAttribute('href', /^https:\/\/www\.facebook\.com\/sharer\/sharer\.php\?u=/);
    await expect(page.getByRole('link', { name: 'WhatsApp' })).toHaveAttribute('href', /^https:\/\/wa\.me\//);
    await expect(page.getByRole('link', { name: 'E-mail' })).toHaveAttribute('href', /^mailto:\?subject=/);
  });
});

test('staff give an activity a kind and a photo, and residents see it', async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  // Each project its own activity, so the runs with and without JavaScript do not meet.
  const [slug, name] = jsEnabled(testInfo) ? ['linedance', 'Linedance'] : ['svoemning', 'Svømning'];
  const alt = `Tegning af et måltid (${testInfo.project.name})`;
  const png = await (await page.request.get('/illustrationer/meal.png')).body();

  await logIn(page, demo.staff);
  await page.goto('/personale/aktiviteter');
  await page.getByRole('link', { name, exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await page.getByLabel('Slags aktivitet').selectOption({ label: 'Sport og bevægelse' });
  await page.getByLabel('Vælg et billede (frivilligt)').setInputFiles({
    name: 'foto.png',
    mimeType: 'image/png',
    buffer: png,
  });
  // Without a description the photo is refused by its field, and nothing else is lost.
  await page.getByLabel('Beskriv billedet').fill('');
  await page.getByRole('button', { name: 'Gem aktiviteten' }).click();
  await expect(page.locator('.field__error')).toContainText('Skriv en kort beskrivelse af billedet.');
  await expect(page.getByLabel('Navn', { exact: true })).toHaveValue(name);

  await page.getByLabel('Vælg et billede (frivilligt)').setInputFiles({
    name: 'foto.png',
    mimeType: 'image/png',
    buffer: png,
  });
  await page.getByLabel('Beskriv billedet').fill(alt);
  await page.getByRole('button', { name: 'Gem aktiviteten' }).click();
  await expect(page.getByText('Ændringerne er gemt.')).toBeVisible();

  await page.goto(`/aktiviteter/${slug}`);
  const photo = page.getByRole('img', { name: alt });
  await expect(photo).toBeVisible();
  expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(photo).toHaveAttribute('srcset', /400w.*800w.*1200w/);
  if (jsEnabled(testInfo) && !testInfo.project.name.startsWith('postgres')) {
    await expectNoAxeViolations(page);
  }
});
