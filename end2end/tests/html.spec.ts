// Every page type is valid HTML to the Nu HTML Checker (npm `vnu-jar`, run on the machine's
// Java): the public pages as every visitor gets them, and the staff's pages, among them the
// article editor with its island. The checker reads the HTML as the server sends it.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demo, logIn, publicPages } from './helpers';

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
async function errorsIn(request: APIRequestContext, paths: string[]): Promise<string[]> {
  const folder = mkdtempSync(join(tmpdir(), 'naboskab-html-'));
  try {
    const names = new Map<string, string>();
    for (const [index, path] of paths.entries()) {
      const answer = await request.get(path);
      // The not-found page is a page type too.
      expect(answer.status(), path).toBe(path === '/findes-ikke' ? 404 : 200);
      const file = join(folder, `page-${index}.html`);
      writeFileSync(file, await answer.text());
      names.set(`page-${index}.html`, path);
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
