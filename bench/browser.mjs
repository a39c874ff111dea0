// @ts-check
/**
 * Headless Chromium for the bench, through Playwright: the same browser lookup as the tests
 * (e2e/support/find-chromium.cjs, never a download), one fresh profile per launch, and a DevTools
 * port so Lighthouse can drive the same browser and see the same localStorage.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium } from 'playwright';

const { findChromium, CHROMIUM_FLAGS } = createRequire(import.meta.url)(
  '../e2e/support/find-chromium.cjs',
);

export const CHROMIUM_ARGS = CHROMIUM_FLAGS;

/** @returns {string} */
export function chromiumPath() {
  return findChromium();
}

/**
 * @typedef {{
 *   context: import('playwright').BrowserContext,
 *   page: import('playwright').Page,
 *   debuggingPort: number,
 *   version: string,
 *   close: () => Promise<void>,
 * }} BenchBrowser
 */

/**
 * Launches Chromium with a throw-away profile. Lighthouse can connect on `debuggingPort`; it
 * opens its tabs in the same profile as `page`.
 * @param {{ extraArgs?: string[] }} [options]
 * @returns {Promise<BenchBrowser>}
 */
export async function launchBrowser({ extraArgs = [] } = {}) {
  const profile = mkdtempSync(path.join(tmpdir(), 'jwt-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_ARGS, '--remote-debugging-port=0', ...extraArgs],
    viewport: { width: 1280, height: 900 },
  });
  // Chromium writes the port it picked (first line) into the profile folder.
  const debuggingPort = Number(
    readFileSync(path.join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0],
  );
  const page = context.pages()[0] ?? (await context.newPage());
  const about = await fetch(`http://127.0.0.1:${debuggingPort}/json/version`);
  const { Browser: version } = /** @type {{ Browser: string }} */ (await about.json());
  return {
    context,
    page,
    debuggingPort,
    version,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
