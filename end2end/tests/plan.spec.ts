// The plan: the staff's page of the housing plan's periods shows the current one with its focus
// areas, and an area's form holds its goal; both pass axe-core.
import { expect, test } from '@playwright/test';
import { demo, expectNoAxeViolations, jsEnabled, logIn } from './helpers';

test('the plan shows each period with its focus areas and goals', async ({ page }, testInfo) => {
  await logIn(page, demo.staff);
  await page.goto('/personale/helhedsplan');
  await expect(page.getByRole('heading', { name: 'Helhedsplan', level: 1 })).toBeVisible();
  await expect(page.getByText('Det er den nuværende periode.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Uddannelse, beskæftigelse og erhverv' })).toBeVisible();
  if (jsEnabled(testInfo)) await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Uddannelse, beskæftigelse og erhverv' }).click();
  await expect(page.getByLabel('Mål')).toHaveValue(/fritidsjob/);
  if (jsEnabled(testInfo)) await expectNoAxeViolations(page);
});
