// Playwright runs every test in Chromium once with JavaScript and once without, against each
// backend's server that `cargo xtask test` started (NABOSKAB_E2E_SQLITE_URL / _POSTGRES_URL).
// Without those variables it tests a server already running at http://127.0.0.1:3000.
import { defineConfig, type Project } from '@playwright/test';

const backends: [string, string][] = [];
if (process.env.NABOSKAB_E2E_SQLITE_URL) backends.push(['sqlite', process.env.NABOSKAB_E2E_SQLITE_URL]);
if (process.env.NABOSKAB_E2E_POSTGRES_URL) backends.push(['postgres', process.env.NABOSKAB_E2E_POSTGRES_URL]);
if (backends.length === 0) backends.push(['local', 'http://127.0.0.1:3000']);

const projects: Project[] = backends.flatMap(([name, baseURL]) => [
  { name: `${name}-js`, use: { baseURL, javaScriptEnabled: true } },
  { name: `${name}-nojs`, use: { baseURL, javaScriptEnabled: false } },
]);

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    locale: 'da-DK',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects,
});
