// The calendar from end to end: staff create a recurring activity with an exception through the
// forms; a resident finds it in the month, week and list views, sees the cancelled date, and
// downloads its iCalendar feed.
import { expect, test } from '@playwright/test';
import { demo, logIn, logOut } from './helpers';

/** A date as YYYY-MM-DD. */
function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The ISO week of a date, as the calendar's address writes it (2026-W49). */
function isoWeek(date: Date): string {
  const thursday = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  thursday.setUTCDate(thursday.getUTCDate() + 3 - ((thursday.getUTCDay() + 6) % 7));
  const firstThursday = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round(((thursday.getTime() - firstThursday.getTime()) / 86_400_000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

const danishWeekdays = ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'];

test('staff plan a recurring activity; residents find it in every view and in the feed', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(90_000);
  // A unique name per project, so the JS and no-JS runs on one server do not meet.
  const name = `Strikkeklub ${testInfo.project.name} ${Date.now()}`;
  // Weekly from the day after tomorrow, eight times; the second date is cancelled.
  const start = new Date(Date.now() + 2 * 86_400_000);
  const cancelled = new Date(start.getTime() + 7 * 86_400_000);
  const last = new Date(start.getTime() + 49 * 86_400_000);
  const weekday = danishWeekdays[start.getUTCDay()];

  await logIn(page, demo.staff);
  await page.goto('/personale/aktiviteter');
  await page.getByRole('link', { name: 'Ny aktivitet' }).click();
  await page.getByLabel('Navn', { exact: true }).fill(name);
  await page.getByLabel('Første dato').fill(iso(start));
  await page.getByLabel('Starter kl.').fill('18:00');
  await page.getByLabel('Slutter kl.').fill('20:00');
  await page.getByLabel('Hver uge eller hver anden uge osv.').check();
  await page.getByLabel('På en bestemt dato').check();
  await page.getByLabel('Sidste dato').fill(iso(last));
  // Forgetting the weekday is caught, and nothing typed is lost.
  await page.getByRole('button', { name: 'Gem aktiviteten' }).click();
  await expect(page.locator('.field__error')).toContainText('Vælg mindst én ugedag.');
  await expect(page.getByLabel('Navn', { exact: true })).toHaveValue(name);
  await page.getByLabel(weekday, { exact: true }).check();
  await page.getByRole('button', { name: 'Gem aktiviteten' }).click();
  await expect(page.getByText('Aktiviteten er oprettet.')).toBeVisible();

  // Cancel the second date.
  await page.getByLabel('Dato', { exact: true }).fill(iso(cancelled));
  await page.getByLabel('Aflys datoen').check();
  await page.getByLabel('Besked til beboerne').fill('Lokalet er lukket');
  await page.getByRole('button', { name: 'Gem undtagelsen' }).click();
  await expect(page.getByText('Undtagelsen er gemt.')).toBeVisible();
  const activityPath = await page.getByRole('link', { name: 'Se siden, som beboerne ser den' }).getAttribute('href');
  expect(activityPath).toMatch(/^\/aktiviteter\/strikkeklub-/);
  await logOut(page);

  const entry = (date: Date) => page.locator(`a[href="${activityPath}/${iso(date)}"]`);

  // A resident finds it in the list of the coming weeks, the cancelled date marked...
  await page.goto('/kalender');
  await expect(entry(start)).toBeVisible();
  await expect(page.locator('li.date-card', { has: entry(cancelled) })).toContainText('Aflyst');
  // ...in the month view...
  await page.goto(`/kalender?maaned=${iso(start).slice(0, 7)}`);
  await expect(entry(start)).toBeVisible();
  await page.goto(`/kalender?maaned=${iso(cancelled).slice(0, 7)}`);
  await expect(page.locator('li.occurrence', { has: entry(cancelled) })).toContainText('Aflyst');
  // ...and in the week view, at its time.
  await page.goto(`/kalender?uge=${isoWeek(start)}`);
  await expect(page.getByRole('link', { name })).toHaveCount(1);
  await expect(page.locator('li.date-card', { has: entry(start) })).toContainText('18.00–20.00');

  // Its own page, and the page of one date with "add to my calendar".
  await entry(start).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Tilføj til min kalender' })).toBeVisible();
  await page.goto(activityPath!);
  await expect(page.locator('.lead')).toContainText(`Hver ${weekday}`);
  await page.goto(`${activityPath}/${iso(cancelled)}`);
  await expect(page.getByText('Denne dag er aflyst.')).toBeVisible();
  await expect(page.getByText('Lokalet er lukket')).toBeVisible();

  // The feed link gives an iCalendar file with every date and the cancellation.
  await page.goto(activityPath!);
  const feedHref = await page.getByRole('link', { name: 'Hent datoerne til din kalender' }).getAttribute('href');
  const feed = await request.get(feedHref!);
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  const ics = (await feed.text()).replace(/\r\n[ \t]/g, '');
  expect(ics).toContain('BEGIN:VTIMEZONE');
  expect(ics).toContain(`DTSTART;TZID=Europe/Copenhagen:${iso(start).replaceAll('-', '')}T180000`);
  expect(ics).toMatch(new RegExp(`UID:strikkeklub-[^\\r\\n]*-${iso(cancelled)}@`));
  expect(ics).toContain('STATUS:CANCELLED');
  expect(ics.match(/BEGIN:VEVENT/g)?.length).toBe(8);
});

test('the list view shows the coming weeks and the filters narrow it', async ({ page }) => {
  await page.goto('/kalender');
  await expect(page.getByRole('heading', { name: 'De næste fire uger' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Babycafé' }).first()).toBeVisible();
  await page.getByLabel('Sted').selectOption({ label: 'Bysekretariatet' });
  await page.getByRole('button', { name: 'Vis' }).click();
  await expect(page).toHaveURL(/sted=bysekretariatet/);
  await expect(page.getByRole('link', { name: 'Jobklub' }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Babycafé' })).toHaveCount(0);
});

test('a month, week or date far outside the calendar gets the Danish 404 page', async ({ page }) => {
  for (const address of [
    '/kalender?maaned=9999-12',
    '/kalender?uge=262143-W01',
    '/aktiviteter/babycafe/9999-12-28',
    '/nyheder?side=9223372036854775807',
  ]) {
    const response = await page.goto(address);
    expect(response?.status(), address).toBe(404);
    await expect(page.getByRole('heading', { name: 'Siden findes ikke', level: 1 })).toBeVisible();
    await expect(page).toHaveTitle(/Siden findes ikke/);
    await expect(page.getByRole('link', { name: 'Gå til forsiden' })).toBeVisible();
  }
  // A month five years ahead is still a calendar page.
  const ahead = new Date();
  ahead.setUTCFullYear(ahead.getUTCFullYear() + 5);
  ahead.setUTCDate(1);
  const month = ahead.toISOString().slice(0, 7);
  const response = await page.goto(`/kalender?maaned=${month}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { name: 'Kalender', level: 1 })).toBeVisible();
});
