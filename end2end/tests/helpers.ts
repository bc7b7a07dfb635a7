// Shared helpers for the browser tests.
import { expect, test, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';

/** Whether the running project has JavaScript turned on. */
export function jsEnabled(testInfo: TestInfo): boolean {
  return testInfo.project.use.javaScriptEnabled !== false;
}

/** Runs the file's tests on one backend only: for checks of markup, accessibility and layout,
 * which the database does not change (the stories run on both). */
export function onOneBackend(): void {
  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name.startsWith('postgres'), 'markup and layout are the same on both backends');
  });
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

/** Waits until the islands on the page, if it has any, have woken up (each marks itself
 * `.island--awake`); a no-op without JavaScript. Most pages have none and load no script. */
export async function waitForIslands(page: Page, testInfo: TestInfo): Promise<void> {
  if (!jsEnabled(testInfo)) return;
  const islands = await page.locator('leptos-island').count();
  if (islands > 0) {
    await expect(page.locator('.island--awake')).toHaveCount(islands);
  }
}

/** maildev's API, where the servers under test send their email (set by `cargo xtask test`). */
export const maildevUrl = process.env.NABOSKAB_E2E_MAILDEV_URL;

interface MaildevEmail {
  subject: string;
  text: string;
  to: { address: string }[];
  date: string;
}

/** Waits for the newest email to `address` with a subject containing `subject`. */
export async function emailTo(address: string, subject: string): Promise<MaildevEmail> {
  if (!maildevUrl) throw new Error('NABOSKAB_E2E_MAILDEV_URL is not set');
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const response = await fetch(`${maildevUrl}/email`);
    const emails = (await response.json()) as MaildevEmail[];
    const found = emails
      .filter((email) => email.to.some((to) => to.address === address))
      .filter((email) => email.subject.includes(subject))
      .sort((a, b) => b.date.localeCompare(a.date));
    if (found.length > 0) return found[0];
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`no email "${subject}" to ${address} arrived within 30 s`);
}

/** The first link in `text` to a path starting with `path`. */
export function linkIn(text: string, path: string): string {
  const match = text.match(new RegExp(`https?://\\S+${path}\\S*`));
  if (!match) throw new Error(`no ${path} link in:\n${text}`);
  return match[0];
}

/** An account as the tests log in with it: `key` is its authenticator's key, if it has one. */
export interface Account {
  email: string;
  password: string;
  key?: string;
}

/** The demo accounts (README.md lists them, and the admin's authenticator key). */
export const demo: Record<'admin' | 'staff' | 'journalist', Account> = {
  admin: {
    email: 'admin@nordby.example',
    password: 'kaffe-i-parkcafeen-admin',
    key: 'NORDBYNORDBYNORDBYNORDBYNORDBY22',
  },
  staff: { email: 'medarbejder@nordby.example', password: 'kaffe-i-parkcafeen' },
  journalist: { email: 'journalist@nordby.example', password: 'nordbyposten-skriver' },
};

/**
 * Logs in through the form, as a person would. Each browser that logs in comes from an address
 * of its own (the test servers trust the loopback proxy, `NABOSKAB_TRUSTED_PROXIES`): the suite
 * logs in more often within five minutes than the per-address login limit allows one office.
 */
export async function logIn(page: Page, account: Account): Promise<void> {
  const octet = () => 1 + Math.floor(Math.random() * 250);
  await page.setExtraHTTPHeaders({ 'X-Forwarded-For': `10.${octet()}.${octet()}.${octet()}` });
  await page.goto('/log-ind');
  await page.getByLabel('E-mailadresse').fill(account.email);
  await page.getByLabel('Adgangskode').fill(account.password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  if (account.key) {
    await expect(page.getByRole('heading', { name: 'Skriv koden fra din app' })).toBeVisible();
    await page.getByLabel('Kode', { exact: true }).fill(await unusedCode(page, account));
    await page.getByRole('button', { name: 'Log ind' }).click();
  }
  // On a phone the button is in the folded menu.
  await expect(page.getByRole('button', { name: 'Log ud', includeHidden: true })).toHaveCount(1);
}

/**
 * A code from `account`'s authenticator that the portal at the page's address has not accepted
 * yet. The portal takes each 30-second step's code once, and also the next step's (a phone's
 * clock may run ahead); the tests log in as one admin from two workers, so each step is claimed
 * by creating a file for it in the temporary folder, which only one process can do.
 */
export async function unusedCode(page: Page, account: Account): Promise<string> {
  const totp = new TOTP({ secret: Secret.fromBase32(account.key!), digits: 6, period: 30 });
  const portal = new URL(page.url()).port;
  for (;;) {
    const now = Math.floor(Date.now() / 30_000);
    for (const step of [now, now + 1]) {
      try {
        closeSync(openSync(join(tmpdir(), `naboskab-totp-${portal}-${account.email}-${step}`), 'wx'));
        return totp.generate({ timestamp: step * 30_000 });
      } catch {
        // Another login took this step's code.
      }
    }
    await page.waitForTimeout(1_000);
  }
}

/** Opens the header's menu where it is folded behind its "Menu" button (on a phone). */
export async function openMenu(page: Page): Promise<void> {
  const button = page.locator('summary.menu__button');
  if ((await button.isVisible()) && (await page.locator('details.menu[open]').count()) === 0) {
    await button.click();
  }
}

/** Logs out with the header's button. */
export async function logOut(page: Page): Promise<void> {
  await openMenu(page);
  await page.getByRole('button', { name: 'Log ud' }).click();
  await expect(page.getByText('Du er logget ud.')).toBeVisible();
}

/** One address of each public page type of the demo content, for the suites that visit them all. */
export const publicPages = [
  '/',
  '/nyheder',
  '/nyheder/fuldt-hus-til-faellesspisning',
  '/nyheder/emne/sundhed',
  '/nordbyposten',
  '/nordbyposten/nordbyposten-3-2026',
  '/nordbyposten/nordbyposten-3-2026/udskriv',
  '/soeg?q=f%C3%A6llesspisningen',
  '/kalender',
  '/kalender?maaned=2026-12',
  '/kalender?uge=2026-W52',
  '/aktiviteter/babycafe',
  '/aktiviteter/babycafe/2026-12-22',
  '/nyhedsbrev',
  '/skriv',
  '/log-ind',
  '/log-ind/kode',
  '/glemt-adgangskode',
  '/was',
  '/privatliv',
  '/findes-ikke',
  '/proev-igen-senere',
];

/** The status a page of `publicPages` answers with: the not-found page 404, the page a write
 * gets while the disk is full 503, every other page 200. */
export function statusOf(path: string): number {
  if (path.endsWith('/findes-ikke')) return 404;
  if (path.endsWith('/proev-igen-senere')) return 503;
  return 200;
}

/** The languages of the site: their address prefixes, as `Lang::address` writes them. */
export const languages = [
  { code: 'da', prefix: '' },
  { code: 'en', prefix: '/en' },
  { code: 'ar', prefix: '/ar' },
] as const;

/** `path` in the language with `prefix` (`/kalender` → `/en/kalender`, `/` → `/en`). */
export function inLanguage(prefix: string, path: string): string {
  if (prefix === '') return path;
  if (path === '/') return prefix;
  return path.startsWith('/?') ? `${prefix}${path.slice(1)}` : `${prefix}${path}`;
}

/** The text of the single-line message `key` in `locales/<code>/main.ftl`, with `{ $name }`
 * filled in from `args`: the tests find buttons and labels by what each language says. */
export function ftl(code: string, key: string, args: Record<string, string> = {}): string {
  const file = readFileSync(join(__dirname, '..', '..', 'locales', code, 'main.ftl'), 'utf8');
  const line = file.split('\n').find((candidate) => candidate.startsWith(`${key} = `));
  if (!line) throw new Error(`no single-line message ${key} in locales/${code}/main.ftl`);
  return line
    .slice(key.length + 3)
    .replace(/\{ \$([a-z_]+) \}/g, (_, name: string) => args[name] ?? `{${name}}`);
}

// The Nu HTML Checker (npm `vnu-jar`, on the machine's Java), which reads the HTML as the server
// sends it.
const vnuJar = join(__dirname, '..', 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

interface VnuMessage {
  type: string;
  subType?: string;
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/** The checker's errors for the pages at `paths`, fetched with `request` (its cookies). */
export async function errorsIn(request: APIRequestContext, paths: string[]): Promise<string[]> {
  const pages: [string, string][] = [];
  for (const path of paths) {
    const answer = await request.get(path);
    // The not-found page is a page type too, and so is the full disk's "try again later".
    expect(answer.status(), path).toBe(statusOf(path));
    pages.push([path, await answer.text()]);
  }
  return errorsInHtml(pages);
}

/** The checker's errors in `pages`, each a name and the HTML the server sent. */
export async function errorsInHtml(pages: [string, string][]): Promise<string[]> {
  const folder = mkdtempSync(join(tmpdir(), 'naboskab-html-'));
  try {
    const names = new Map<string, string>();
    for (const [index, [name, html]] of pages.entries()) {
      const file = join(folder, `page-${index}.html`);
      writeFileSync(file, html);
      names.set(`page-${index}.html`, name);
    }
    // vnu writes its JSON report to stderr, and exits with 1 when it finds errors.
    const run = spawnSync('java', ['-jar', vnuJar, '--format', 'json', '--errors-only', folder], {
      encoding: 'utf8',
    });
    const report = run.stderr.trim();
    if (!report.startsWith('{')) throw new Error(`vnu did not run: ${run.error ?? report}`);
    const messages = (JSON.parse(report) as { messages: VnuMessage[] }).messages;
    return messages
      .filter((message) => message.type === 'error' || message.subType === 'fatal')
      .map((message) => {
        const file = message.url.split('/').pop() ?? message.url;
        return `${names.get(file) ?? file}:${message.lastLine}: ${message.message} (${message.extract ?? ''})`;
      });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

