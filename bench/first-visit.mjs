// @ts-check
/**
 * What a visit really downloads, measured in the browser: every JS and CSS file of the build that
 * a page load requests (the initial files and the lazy chunks that page needs), sized as
 * bundle-cost.mjs sizes them. The bundle-cost figure counts only the initial files; this one
 * also counts the route's page, the in-browser server and the devtools panel, which are lazy.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { clearSiteData, signIn } from './app-session.mjs';
import { sizeOfBytes, sumSizes } from './bundle-cost.mjs';

/** The page must show this before its downloads are counted (then the network must be idle). */
const READY_TIMEOUT_MS = 30_000;

/**
 * @typedef {{ raw: number, gzip: number }} Size
 * @typedef {{ visit: string, files: string[], js: Size, css: Size, total: Size }} Visit
 */

/**
 * Three page loads, each in a fresh page of the bench browser: the bare app, the app's `/login`
 * on a first visit (nothing stored), and a reload of `/dashboard` while signed in (the session
 * restored from storage, the devtools panel open as it is on a wide screen).
 * @param {import('playwright').Page} page
 * @param {{ appUrl: string, appDir: string, bareUrl: string, bareDir: string }} builds
 *   `*Url` end with `/`; `*Dir` are the folders the URLs serve
 * @returns {Promise<Visit[]>}
 */
export async function measureVisits(page, { appUrl, appDir, bareUrl, bareDir }) {
  const bare = await downloadsOf(page, bareUrl, bareDir, 'bare Angular app, /', async () => {
    await page.goto(bareUrl);
    await page.locator('app-root').waitFor({ state: 'attached', timeout: READY_TIMEOUT_MS });
  });

  await page.goto('about:blank');
  await clearSiteData(page, appUrl);
  const login = await downloadsOf(page, appUrl, appDir, 'app, /login, first visit', async () => {
    await page.goto(`${appUrl}login`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: READY_TIMEOUT_MS });
  });

  await signIn(page, appUrl);
  const dashboard = await downloadsOf(
    page,
    appUrl,
    appDir,
    'app, /dashboard, signed in, reloaded, devtools open',
    async () => {
      // Open on a wide screen by default; stored explicitly so the figure never depends on it.
      await page.evaluate(() => localStorage.setItem('devtools:open', 'true'));
      await page.reload();
      await page
        .getByRole('heading', { level: 1, name: 'Dashboard' })
        .waitFor({ timeout: READY_TIMEOUT_MS });
      await page.getByRole('heading', { name: 'Token inspector' }).waitFor();
    },
  );
  return [bare, login, dashboard];
}

/**
 * Runs `load` and sizes every JS and CSS file below `baseUrl` that the page requested meanwhile
 * (from the build folder, so the figures match the bundle-cost ones exactly).
 * @param {import('playwright').Page} page
 * @param {string} baseUrl
 * @param {string} dir
 * @param {string} visit
 * @param {() => Promise<void>} load
 * @returns {Promise<Visit>}
 */
async function downloadsOf(page, baseUrl, dir, visit, load) {
  /** @type {Set<string>} */
  const requested = new Set();
  /** @param {import('playwright').Request} request */
  const record = (request) => {
    const file = buildFile(request.url(), baseUrl);
    if (file) requested.add(file);
  };
  page.on('request', record);
  try {
    await load();
    await page.waitForLoadState('networkidle');
  } finally {
    page.off('request', record);
  }
  const files = [...requested].sort();
  /** @param {string} extension */
  const total = (extension) =>
    sumSizes(
      files
        .filter((file) => file.endsWith(extension))
        .map((file) => sizeOfBytes(readFileSync(path.join(dir, 'browser', file)))),
    );
  const js = total('.js');
  const css = total('.css');
  return { visit, files, js, css, total: sumSizes([js, css]) };
}

/**
 * The build file a request URL names (`chunk-X.js`), or null for anything else.
 * @param {string} url
 * @param {string} baseUrl
 */
export function buildFile(url, baseUrl) {
  if (!url.startsWith(baseUrl)) return null;
  const file = decodeURIComponent(new URL(url).pathname.slice(new URL(baseUrl).pathname.length));
  return /^[\w.-]+\.(?:js|css)$/.test(file) ? file : null;
}
