// @ts-check
/**
 * Lighthouse (npm `lighthouse`, programmatic API) against the bench's Chromium: performance,
 * accessibility and best-practices for one URL, as the median of a few runs.
 *
 * Lighthouse connects to the browser's DevTools port and opens its own tab in the same profile.
 * Without `keepStorage` every run starts as a first visit: Lighthouse's storage reset, widened to
 * localStorage and IndexedDB (by default it keeps them), so neither a session nor the in-browser
 * server's data survive. With `keepStorage` nothing is reset, so a session signed in beforehand
 * survives.
 */
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';

import { clearSiteData, signIn } from './app-session.mjs';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
/**
 * Lighthouse's default storage types to clear, plus where the app and its server keep data.
 * @type {import('lighthouse').Flags['clearStorageTypes']}
 */
const FIRST_VISIT_STORAGE = [
  'local_storage',
  'indexeddb',
  'file_systems',
  'shader_cache',
  'service_workers',
  'cache_storage',
];
const METRICS = {
  fcpMs: 'first-contentful-paint',
  lcpMs: 'largest-contentful-paint',
  tbtMs: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
};

/**
 * @typedef {'mobile' | 'desktop'} FormFactor
 * @typedef {{
 *   url: string, formFactor: FormFactor, runs: number,
 *   performance: number, accessibility: number, bestPractices: number,
 *   performanceRange: [number, number],
 *   metrics: Record<keyof typeof METRICS, number>,
 *   failedAudits: string[],
 * }} LighthouseScores
 */

/**
 * The bench's pages: /login on a first visit, and /dashboard signed in (a first visit that signs
 * in just before each run), each on mobile (Lighthouse's default) and desktop.
 * @param {import('./browser.mjs').BenchBrowser} browser
 * @param {string} baseUrl the production build, ending with `/`
 * @param {number} runs per page and form factor; the median run is reported
 * @returns {Promise<LighthouseScores[]>}
 */
export async function measureLighthousePages(browser, baseUrl, runs) {
  const signInFirst = async () => {
    await browser.page.goto('about:blank');
    await clearSiteData(browser.page, baseUrl);
    await signIn(browser.page, baseUrl);
    // The bench tab leaves the app, so it does not refresh tokens while Lighthouse runs.
    await browser.page.goto('about:blank');
  };
  const figures = [];
  for (const formFactor of /** @type {const} */ (['mobile', 'desktop'])) {
    const common = { port: browser.debuggingPort, formFactor, runs };
    figures.push(
      await measureLighthouse({ ...common, url: `${baseUrl}login`, keepStorage: false }),
    );
    figures.push(
      await measureLighthouse({
        ...common,
        url: `${baseUrl}dashboard`,
        keepStorage: true,
        beforeEachRun: signInFirst,
      }),
    );
  }
  return figures;
}

/**
 * @param {{ url: string, port: number, formFactor: FormFactor, runs: number,
 *   keepStorage: boolean, beforeEachRun?: () => Promise<void> }} options
 * @returns {Promise<LighthouseScores>}
 */
export async function measureLighthouse({
  url,
  port,
  formFactor,
  runs,
  keepStorage,
  beforeEachRun,
}) {
  /** @type {import('lighthouse').Result[]} */
  const results = [];
  for (let run = 0; run < runs; run++) {
    await beforeEachRun?.();
    const result = await lighthouse(
      url,
      {
        port,
        logLevel: 'error',
        output: 'json',
        onlyCategories: CATEGORIES,
        disableStorageReset: keepStorage,
        clearStorageTypes: FIRST_VISIT_STORAGE,
      },
      formFactor === 'desktop' ? desktopConfig : undefined,
    );
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}.`);
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message} (${url})`);
    if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname) {
      throw new Error(`Lighthouse ended on ${lhr.finalDisplayedUrl}, not ${url}.`);
    }
    results.push(lhr);
  }
  const median = computeMedianRun(results);
  const performances = results.map((lhr) => score(lhr, 'performance'));
  return {
    url,
    formFactor,
    runs,
    performance: score(median, 'performance'),
    accessibility: score(median, 'accessibility'),
    bestPractices: score(median, 'best-practices'),
    performanceRange: [Math.min(...performances), Math.max(...performances)],
    metrics: /** @type {Record<keyof typeof METRICS, number>} */ (
      Object.fromEntries(
        Object.entries(METRICS).map(([key, audit]) => [
          key,
          round(median.audits[audit]?.numericValue ?? NaN, key === 'cls' ? 3 : 0),
        ]),
      )
    ),
    failedAudits: failedAudits(median),
  };
}

/**
 * Scored audits below 1 in the accessibility and best-practices categories: what to fix.
 * @param {import('lighthouse').Result} lhr
 */
function failedAudits(lhr) {
  return ['accessibility', 'best-practices'].flatMap((category) =>
    lhr.categories[category].auditRefs
      .filter((ref) => ref.weight > 0)
      .map((ref) => lhr.audits[ref.id])
      .filter((audit) => audit.score !== null && audit.score < 1)
      .map((audit) => `${category}: ${audit.id}`),
  );
}

/**
 * A category score from 0 to 100.
 * @param {import('lighthouse').Result} lhr
 * @param {string} category
 */
function score(lhr, category) {
  return Math.round((lhr.categories[category]?.score ?? NaN) * 100);
}

/** @param {number} value @param {number} digits */
function round(value, digits) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
