#!/usr/bin/env node
// @ts-check
/**
 * `npm run bench`: builds the app and a bare Angular app, then measures, in one run,
 *   1. bundle cost: initial JS + CSS (raw and gzip) of both, the ratio, the largest lazy chunk,
 *      and what three real page loads download, lazy chunks included;
 *   2. refresh under parallel load: N parallel protected requests with an expired access token,
 *      against the same N with a valid one (headless Chromium, the real production build);
 *   3. Lighthouse scores of /login and /dashboard (signed in);
 *   4. memory over a long session: 1,000 request cycles, a refresh every 10;
 *   5. the state lock behind failed sign-ins: a refresh alone and behind 10 parallel sign-ins with
 *      a wrong password (real PBKDF2 cost), on the server's code in Node (no build, no browser).
 * It prints a table and writes bench/results.json. It reports; it never fails on a figure, and
 * exits non-zero only when it cannot run (a build fails, or a part cannot measure: the other
 * parts still run and print, and results.json keeps the last complete run).
 *
 *   npm run bench [-- --only bundle,load,lighthouse,memory,lock] [--skip-build] [--lighthouse-runs 3]
 *
 * `--only` and `--skip-build` print the figures without writing results.json, which always
 * holds one complete run. `--only lock` builds nothing and starts no browser.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem, type as osType, release } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { launchBrowser } from './browser.mjs';
import { BUILDS, buildApps } from './build-apps.mjs';
import { GZIP_LEVEL, measureBuild, shareOf, sizeOfBytes } from './bundle-cost.mjs';
import { measureVisits } from './first-visit.mjs';
import { measureLighthousePages } from './lighthouse-scores.mjs';
import { measureLockContention } from './lock-figures.mjs';
import { measureMemory } from './memory.mjs';
import { measureRefreshLoad } from './refresh-load.mjs';
import { formatReport, GOALS } from './report.mjs';
import { serveBuild } from './static-server.mjs';
import { ratio } from './table.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS_FILE = path.join(ROOT, 'bench', 'results.json');
const PARTS = ['bundle', 'load', 'lighthouse', 'memory', 'lock'];
/** The parts that need the builds and a browser; `lock` runs the server's code in Node. */
const BROWSER_PARTS = ['bundle', 'load', 'lighthouse', 'memory'];
/** The in-browser auth server's code, as bundle-cost.mjs groups the inputs. */
const IN_BROWSER_SERVER = ['src/app/mock-api/', 'angular-in-memory-web-api', 'jose'];

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: PARTS.join(',') },
    'skip-build': { type: 'boolean', default: false },
    'lighthouse-runs': { type: 'string', default: '3' },
  },
});
const parts = new Set(values.only.split(',').map((part) => part.trim()));
const unknown = [...parts].filter((part) => !PARTS.includes(part));
if (unknown.length > 0) fail(`unknown part(s) ${unknown.join(', ')}; use ${PARTS.join(',')}.`);
const lighthouseRuns = Number(values['lighthouse-runs']);
if (!Number.isInteger(lighthouseRuns) || lighthouseRuns < 1) fail('--lighthouse-runs must be ≥ 1.');
const complete = parts.size === PARTS.length && !values['skip-build'];
const needsBrowser = BROWSER_PARTS.some((name) => parts.has(name));
/** @type {string | undefined} set by the first browser the bench launches */
let chromiumVersion;

try {
  const results = await runBench();
  console.log(formatReport(results));
  const failed = Object.entries(results.errors);
  if (failed.length > 0) {
    for (const [part, message] of failed) console.error(`bench: ${part} could not run: ${message}`);
    console.error('bench/results.json left as it was.');
    process.exit(1);
  }
  if (complete) {
    writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nWrote ${path.relative(process.cwd(), RESULTS_FILE)}.`);
  } else {
    console.log('\nA partial run (--only or --skip-build): bench/results.json left as it was.');
  }
} catch (error) {
  fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
}

async function runBench() {
  const started = Date.now();
  /** @type {Record<string, number>} */
  const seconds = {};
  /** @type {Record<string, string>} */
  const errors = {};
  /**
   * Runs one part if it was asked for. A part that throws is reported and skipped, so the
   * others still run; the bench then exits non-zero.
   * @template T
   * @param {string} name
   * @param {() => Promise<T>} step
   * @returns {Promise<T | null>}
   */
  const part = async (name, step) => {
    if (!parts.has(name)) return null;
    progress(`${name}…`);
    const start = Date.now();
    try {
      return await step();
    } catch (error) {
      errors[name] = error instanceof Error ? (error.stack ?? error.message) : String(error);
      return null;
    } finally {
      seconds[name] = Math.round((Date.now() - start) / 100) / 10;
    }
  };

  let dirs = {
    app: path.join(ROOT, BUILDS.app.outputPath),
    bare: path.join(ROOT, BUILDS.bare.outputPath),
  };
  if (needsBrowser && !values['skip-build']) {
    progress('build…');
    const start = Date.now();
    dirs = await buildApps(ROOT);
    seconds['build'] = Math.round((Date.now() - start) / 100) / 10;
  }

  const lock = await part('lock', () => measureLockContention(ROOT));
  const browserFigures = needsBrowser ? await measureInBrowser(dirs, part) : {};
  return {
    date: new Date().toISOString(),
    command: 'npm run bench',
    machine: machineFacts(
      needsBrowser ? (chromiumVersion ?? (await withBrowser(async (b) => b.version))) : null,
    ),
    goals: GOALS,
    bundle: null,
    load: null,
    lighthouse: null,
    memory: null,
    ...browserFigures,
    lock,
    errors,
    seconds: { ...seconds, total: Math.round((Date.now() - started) / 1000) },
  };
}

/**
 * The parts that need the builds, served, and a browser.
 * @param {{ app: string, bare: string }} dirs
 * @param {<T>(name: string, step: () => Promise<T>) => Promise<T | null>} part
 */
async function measureInBrowser(dirs, part) {
  const server = await serveBuild(path.join(dirs.app, 'browser'));
  const bareServer = await serveBuild(path.join(dirs.bare, 'browser'));
  try {
    const bundle = await part('bundle', async () => ({
      ...bundleFigures(dirs.app, dirs.bare),
      visits: await withBrowser((browser) =>
        measureVisits(browser.page, {
          appUrl: server.url,
          appDir: dirs.app,
          bareUrl: bareServer.url,
          bareDir: dirs.bare,
        }),
      ),
    }));
    const load = await part('load', () =>
      withBrowser((browser) => measureRefreshLoad(browser.page, server.url)),
    );
    const memory = await part('memory', () =>
      withBrowser((browser) => measureMemory(browser.page, server.url)),
    );
    const lighthouse = await part('lighthouse', () =>
      withBrowser((browser) => measureLighthousePages(browser, server.url, lighthouseRuns)),
    );
    return { bundle, load, lighthouse, memory };
  } finally {
    await Promise.all([server.close(), bareServer.close()]);
  }
}

/**
 * @param {string} appDir
 * @param {string} bareDir
 */
function bundleFigures(appDir, bareDir) {
  const app = measureBuild(appDir);
  const bare = measureBuild(bareDir);
  const fullBootstrap = readFileSync(
    path.join(ROOT, 'node_modules/bootstrap/dist/css/bootstrap.min.css'),
  );
  return {
    gzipLevel: GZIP_LEVEL,
    app,
    bare,
    ratio: {
      gzip: ratio(app.total.gzip, bare.total.gzip),
      raw: ratio(app.total.raw, bare.total.raw),
    },
    // What the issue asks to look at: Bootstrap (ours against all of it) and the server code.
    fullBootstrapCss: sizeOfBytes(fullBootstrap),
    initialJsShares: {
      inBrowserServer: shareOf(app.contributors, IN_BROWSER_SERVER),
      devtools: shareOf(app.contributors, ['src/app/devtools/']),
    },
  };
}

/**
 * A fresh Chromium (and profile) for one part, closed afterwards.
 * @template T
 * @param {(browser: import('./browser.mjs').BenchBrowser) => Promise<T>} use
 * @returns {Promise<T>}
 */
async function withBrowser(use) {
  const browser = await launchBrowser();
  chromiumVersion = browser.version;
  try {
    return await use(browser);
  } finally {
    await browser.close();
  }
}

/** @param {string | null} chromium `null` when no part needed a browser */
function machineFacts(chromium) {
  const cores = cpus();
  return {
    cpu: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    memoryGb: Math.round(totalmem() / 1e9),
    os: `${osType()} ${release()}`,
    node: process.version,
    chromium: chromium ?? 'no browser',
    angular: packageVersion('@angular/core'),
    lighthouse: packageVersion('lighthouse'),
    playwright: packageVersion('playwright'),
  };
}

/** @param {string} name */
function packageVersion(name) {
  return createRequire(path.join(ROOT, 'package.json'))(`${name}/package.json`).version;
}

/** @param {string} message */
function progress(message) {
  process.stderr.write(`[bench] ${message}\n`);
}

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(1);
}
