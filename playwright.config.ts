import { defineConfig, devices, type PlaywrightTestConfig } from '@playwright/test';

import { WAIT_BUDGETS } from './e2e/support/budgets';
import type { E2eOptions } from './e2e/support/fixtures';
import { INSECURE_HOST } from './e2e/support/insecure-host';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findChromium, CHROMIUM_FLAGS } = require('./e2e/support/find-chromium.cjs');

/**
 * End-to-end tests drive the real app in Debian's Chromium (never a downloaded browser), in two
 * projects, each with its own server that Playwright starts and stops:
 *   - `production`: EVERY spec, against the production build for the sub-path /jwt-demo/ (what
 *     the hosted demo serves), built once per run and served by http-server the way GitHub Pages
 *     serves it (scripts/serve-pages.mjs), at http://127.0.0.1:4310/jwt-demo/. A broken
 *     production build fails the run.
 *   - `dev-server`: the smoke tests (tagged `@smoke`) against `ng serve` at
 *     http://localhost:4300/, proving the offline `npm start` path: sign-in through the form, a
 *     silent refresh after expiry, a deep link and its reload, the devtools firing a burst. One
 *     full run adds nothing a second full run against the same code would.
 * One project: `npx playwright test --project=production` (both servers still start); to skip
 * the production build and server while iterating, set E2E_DEV_ONLY=1 (then every spec runs
 * against `ng serve`). With E2E_BASE_URL, a single project `external` targets an app that is
 * already served there (for example the deployed demo) and no server is started.
 * How long tests wait is set in one place: e2e/support/budgets.ts.
 * Specs navigate with relative URLs; see the convention in e2e/support/fixtures.ts.
 */
const externalBaseUrl = process.env['E2E_BASE_URL'];
const devServerPort = Number(process.env['E2E_PORT'] ?? 4300);
const pagesPort = Number(process.env['E2E_PAGES_PORT'] ?? 4310);
const PAGES_BASE = '/jwt-demo/';
const devServerUrl = `http://localhost:${devServerPort}/`;
const pagesUrl = `http://127.0.0.1:${pagesPort}${PAGES_BASE}`;
const reuseExistingServer = !process.env['CI'];
const devOnly = !!process.env['E2E_DEV_ONLY'];

const chromium = devices['Desktop Chrome'];

/** Tests some projects cannot run, declared here rather than skipped inside the tests. */
const CSP_TESTS = /content-security-policy\.spec\.ts$/; // ng serve has no policy: it is written at build time
const INSECURE_HOST_TEST = /plain-http page on another host name/; // Chromium maps the name to 127.0.0.1
const externalIsLocal =
  externalBaseUrl !== undefined &&
  ['localhost', '127.0.0.1'].includes(new URL(externalBaseUrl).hostname);

type Project = NonNullable<PlaywrightTestConfig<E2eOptions>['projects']>[number];
type WebServer = Extract<PlaywrightTestConfig['webServer'], readonly unknown[]>[number];

const SMOKE = /@smoke/;

const localProjects: Project[] = [
  {
    name: 'dev-server',
    testIgnore: CSP_TESTS,
    grep: devOnly ? undefined : SMOKE,
    use: { ...chromium, baseURL: devServerUrl, deepLinkFallback: 'index-200' },
  },
  {
    name: 'production',
    use: { ...chromium, baseURL: pagesUrl, deepLinkFallback: 'pages-404' },
  },
];

const localServers: WebServer[] = [
  {
    name: 'dev-server',
    // --allowed-hosts: the secure-context spec opens the page as http://insecure.test:4300/.
    command:
      `npx ng serve --port ${devServerPort} --host 127.0.0.1 --allowed-hosts ` +
      '--no-hmr --no-live-reload',
    url: devServerUrl,
    reuseExistingServer,
    timeout: WAIT_BUDGETS.serverStartMs,
    stdout: 'ignore',
    stderr: 'pipe',
  },
  {
    name: 'production',
    command:
      `node scripts/build-pages.mjs --base ${PAGES_BASE} --out dist/e2e-pages && ` +
      `node scripts/serve-pages.mjs --dir dist/e2e-pages --port ${pagesPort}`,
    url: pagesUrl,
    reuseExistingServer,
    timeout: WAIT_BUDGETS.serverStartMs,
    stdout: 'ignore',
    stderr: 'pipe',
  },
];

const projects: Project[] = externalBaseUrl
  ? [
      {
        name: 'external',
        grepInvert: externalIsLocal ? undefined : INSECURE_HOST_TEST,
        use: {
          ...chromium,
          baseURL: withTrailingSlash(externalBaseUrl),
          deepLinkFallback: 'either',
        },
      },
    ]
  : localProjects.filter((project) => !devOnly || project.name === 'dev-server');

const webServer: WebServer[] | undefined = externalBaseUrl
  ? undefined
  : localServers.filter((server) => !devOnly || server.name === 'dev-server');

export default defineConfig<E2eOptions>({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: true,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  workers: process.env['CI'] ? 2 : undefined,
  timeout: WAIT_BUDGETS.testMs,
  expect: { timeout: WAIT_BUDGETS.expectMs },
  reporter: process.env['CI'] ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    // A trace records every step of every test; on CI, where nobody opens one, it only costs time.
    trace: process.env['CI'] ? 'off' : 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: findChromium(),
      args: [
        ...CHROMIUM_FLAGS,
        // A non-localhost name for this machine, to open a page outside a secure context.
        `--host-resolver-rules=MAP ${INSECURE_HOST} 127.0.0.1`,
      ],
    },
  },
  projects,
  webServer,
});

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
