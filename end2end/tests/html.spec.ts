// Every page type is valid HTML to the Nu HTML Checker (npm `vnu-jar`, run on the machine's
// Java): the public pages as every visitor gets them, and the staff's pages, among them the
// article editor with its island. The checker reads the HTML as the server sends it.
import { expect, test } from '@playwright/test';
import { demo, errorsIn, jsEnabled, logIn, onOneBackend, publicPages } from './helpers';

onOneBackend();
// The checker reads the HTML as the server sends it, the same with and without JavaScript.
test.beforeEach(({}, testInfo) => {
  test.skip(!jsEnabled(testInfo), 'the server sends the same HTML whether JavaScript is on or off');
});

test('every public page type is valid HTML', async ({ request }) => {
  test.setTimeout(120_000);
  expect(await errorsIn(request, publicPages)).toEqual([]);
});

test('the staff pages, the editor with its island among them, are valid HTML', async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page, demo.staff);
  expect(
    await errorsIn(page.request, [
      '/personale',
      '/personale/artikler',
      '/personale/artikler/ny',
      '/personale/aktiviteter',
      '/personale/aktiviteter/ny',
      '/personale/tal',
      '/personale/besoeg',
      '/personale/indsendelser',
      '/personale/helhedsplan',
      '/personale/helhedsplan/omraader/1',
      '/personale/succeskriterier',
      '/personale/succeskriterier/ny',
      '/personale/succeskriterier/1/tal',
      '/personale/presse',
      '/personale/presse/ny',
      '/personale/rapport',
      '/personale/rapport/tekster',
      '/konto',
    ]),
  ).toEqual([]);
});
