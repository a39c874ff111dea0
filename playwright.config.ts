import { defineConfig, devices } from '@playwright/test';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findChromium } = require('./e2e/support/find-chromium.cjs');

/**
 * End-to-end tests drive the real app in Debian's Chromium (never a downloaded browser).
 * Without E2E_BASE_URL, Playwright starts the dev server itself; with it, the tests target a
 * build that is already being served there (for example the production build on a sub-path).
 */
const externalBaseUrl = process.env['E2E_BASE_URL'];
const devServerPort = Number(process.env['E2E_PORT'] ?? 4300);
const baseURL = externalBaseUrl ?? `http://localhost:${devServerPort}/`;

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: true,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  workers: process.env['CI'] ? 2 : undefined,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env['CI'] ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: findChromium(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: externalBaseUrl
    ? undefined
    : {
        command: `npx ng serve --port ${devServerPort} --no-hmr --no-live-reload`,
        url: baseURL,
        reuseExistingServer: !process.env['CI'],
        timeout: 180_000,
        stdout: 'ignore',
        stderr: 'pipe',
      },
});
