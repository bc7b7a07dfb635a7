// Shared helpers for the browser tests.
import { expect, type Page, type TestInfo } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** Whether the running project has JavaScript turned on. */
export function jsEnabled(testInfo: TestInfo): boolean {
  return testInfo.project.use.javaScriptEnabled !== false;
}

/** Asserts that axe-core finds no WCAG 2.1 A/AA violation on the page as it is now. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe-core violations on ${page.url()}`).toEqual([]);
  // A page with no checks run would pass anything: make sure axe really looked.
  expect(results.passes.length).toBeGreaterThan(5);
}

/** Waits until the islands on the page have hydrated (a no-op without JavaScript). */
export async function waitForIslands(page: Page, testInfo: TestInfo): Promise<void> {
  if (jsEnabled(testInfo)) {
    await expect(page.locator('.menu--enhanced')).toHaveCount(1);
  }
}
