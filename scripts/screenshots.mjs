#!/usr/bin/env node
// @ts-check
/**
 * Takes the screenshots in docs/ by driving the real app in Chromium with Playwright: it signs
 * in, makes the Auth devtools show something worth seeing, and saves PNGs. Nothing is drawn by
 * hand, so the pictures show the app as it is.
 *
 *   npm run docs:screenshots                                   # starts ng serve, then stops it
 *   npm run docs:screenshots -- --url http://localhost:4200/   # an app that is already served
 *   options: --out docs (where the PNGs go), --port 4370 (for the ng serve it starts)
 *
 * The browser is the one the tests use (e2e/support/find-chromium.cjs), with the flags of
 * playwright.config.ts (as bench/browser.mjs keeps them). Each page gets a fresh browser context, so a fresh in-browser server
 * with the seed accounts.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { chromium } from '@playwright/test';

// The tests' browser lookup (e2e/support/find-chromium.cjs) and launch flags, shared with bench/.
import { CHROMIUM_ARGS, chromiumPath } from '../bench/browser.mjs';

/** @typedef {import('@playwright/test').Page} Page */
/** @typedef {import('@playwright/test').Browser} Browser */

const load = createRequire(import.meta.url);
const SERVER_START_LIMIT_MS = 240_000;
/** Generous: the machines that build docs are often busy. */
const STEP_TIMEOUT_MS = 30_000;
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    out: { type: 'string', default: 'docs' },
    port: { type: 'string', default: '4370' },
  },
});
const outDir = path.resolve(values.out);
mkdirSync(outDir, { recursive: true });

const server = values.url ? null : startDevServer(Number(values.port));
const baseUrl = withTrailingSlash(values.url ?? `http://127.0.0.1:${values.port}/`);
let failed = false;
try {
  await waitForApp(baseUrl, server ? SERVER_START_LIMIT_MS : 10_000);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    await shoot(browser, DESKTOP, 'screenshot-devtools.png', afterBurst);
    await shoot(browser, DESKTOP, 'screenshot-session-ended.png', afterReplay);
    await shoot(browser, PHONE, 'screenshot-phone.png', onPhone);
  } finally {
    await browser.close();
  }
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? error.message : error);
} finally {
  server?.stop();
}
process.exit(failed ? 1 : 0);

/**
 * Opens the app in a fresh context of `viewport`, lets `scene` set the stage, and saves `file`.
 * @param {Browser} browser
 * @param {{ width: number, height: number }} viewport
 * @param {string} file
 * @param {(page: Page) => Promise<void>} scene
 */
async function shoot(browser, viewport, file, scene) {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport,
    deviceScaleFactor: 1,
    colorScheme: 'light',
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  const page = await context.newPage();
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  try {
    await scene(page);
    if (errors.length > 0) throw new Error(`The page logged errors:\n${errors.join('\n')}`);
    const target = path.join(outDir, file);
    await page.screenshot({ path: target, animations: 'disabled', caret: 'hide' });
    console.log(
      `Saved ${path.relative(process.cwd(), target)} (${viewport.width}x${viewport.height}).`,
    );
  } finally {
    await context.close();
  }
}

/**
 * Signed in as demo, then ten parallel requests with a refused access token: ten 401s, one
 * refresh, ten retries. The devtools show the counters and the retried rows on top.
 * @param {Page} page
 */
async function afterBurst(page) {
  const devtools = await signInWithDevtools(page);
  await devtools.getByLabel('Refresh before expiry').setChecked(false);
  await sessionAction(page, 'Expire access token now', 'refuses the current access token');
  await devtools.getByRole('button', { name: 'Clear' }).click();
  await devtools.getByLabel('Number of requests').fill('10');
  await devtools.getByRole('button', { name: 'Fire parallel requests' }).click();
  await devtools.getByTestId('burst-result').filter({ hasText: '10 succeeded' }).waitFor();
  await devtools.getByTestId('counter-retries').filter({ hasText: '10' }).waitFor();
  await scrollToTop(page);
}

/**
 * A replayed refresh token: the session is revoked and the sign-in page says why, beside the
 * refused refresh in the timeline.
 * @param {Page} page
 */
async function afterReplay(page) {
  const devtools = await signInWithDevtools(page);
  await devtools.getByRole('button', { name: 'Refresh now' }).click();
  await devtools.getByRole('status').filter({ hasText: 'New token pair' }).waitFor();
  await devtools.getByRole('button', { name: 'Replay previous refresh token' }).click();
  await page
    .getByRole('main')
    .getByRole('alert')
    .filter({ hasText: 'refresh token reuse was detected' })
    .waitFor();
  await devtools
    .getByTestId('activity-row')
    .filter({ hasText: 'POST /api/auth/refresh 400' })
    .waitFor();
  await scrollToTop(page);
}

/**
 * A phone: the dashboard on top, the Auth devtools below it, scrolled to the token inspector.
 * @param {Page} page
 */
async function onPhone(page) {
  const devtools = await signInWithDevtools(page);
  await page.getByRole('main').getByText('What does a 403 look like?').waitFor();
  await devtools.getByRole('heading', { name: 'Auth devtools' }).scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -120));
}

/**
 * Back to the top of the page and of the devtools panel (which scrolls on its own on wide
 * screens): the clicks of a scene scroll both.
 * @param {Page} page
 */
async function scrollToTop(page) {
  await page.getByRole('complementary', { name: 'Auth devtools' }).evaluate((panel) => {
    for (let node = panel.parentElement; node; node = node.parentElement) node.scrollTop = 0;
    panel.scrollTop = 0;
    window.scrollTo(0, 0);
  });
}

/**
 * Signs in as demo with the Auth devtools open, and waits for the todos.
 * @param {Page} page
 */
async function signInWithDevtools(page) {
  await page.goto('login');
  const devtools = page.getByRole('complementary', { name: 'Auth devtools' });
  const toggle = devtools.getByRole('button', { name: 'Auth devtools' });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.getByLabel('Username').fill('demo');
  await page.getByLabel('Password', { exact: true }).fill('demo1234');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('list', { name: 'Your todos' }).getByRole('listitem').first().waitFor();
  await devtools.getByTestId('activity-row').filter({ hasText: 'GET /api/todos 200' }).waitFor();
  return devtools;
}

/**
 * Clicks a session button of the demo controls and waits for its status line.
 * @param {Page} page
 * @param {string} name
 * @param {string} outcome
 */
async function sessionAction(page, name, outcome) {
  const controls = page.getByRole('region', { name: 'Demo controls', exact: true });
  await controls.getByRole('button', { name }).click();
  await controls.getByRole('status').filter({ hasText: outcome }).waitFor();
}

/**
 * `ng serve` on `port` in its own process group, so stopping it stops its workers too.
 * @param {number} port
 */
function startDevServer(port) {
  const ng = load.resolve('@angular/cli/bin/ng.js');
  const args = [
    ng,
    'serve',
    '--port',
    String(port),
    '--host',
    '127.0.0.1',
    '--no-hmr',
    '--no-live-reload',
  ];
  console.log(`Starting ng serve on port ${port}…`);
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return {
    stop() {
      if (child.pid !== undefined && child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // Already gone.
        }
      }
    },
  };
}

/**
 * Resolves once `url` answers 200; rejects after `limitMs`.
 * @param {string} url
 * @param {number} limitMs
 */
async function waitForApp(url, limitMs) {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`No app at ${url} after ${Math.round(limitMs / 1000)} s.`);
}

/** @param {string} url */
function withTrailingSlash(url) {
  return url.endsWith('/') ? url : `${url}/`;
}
