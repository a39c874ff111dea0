import { expect, test as base, type Page } from '@playwright/test';

/**
 * The `test` every spec imports. It fails any test whose page logs a console error, throws an
 * uncaught exception, or navigates outside the app's base path, so a broken page can never pass
 * by accident.
 *
 * CONVENTION FOR EVERY SPEC: the same specs run against the dev server at `/` (project
 * `dev-server`) and against the production build served from a sub-path, `/jwt-demo/` (project
 * `production`). So:
 *   - navigate with RELATIVE URLs: `page.goto('dashboard')`, `page.goto('login?returnUrl=%2Fadmin')`,
 *     `page.goto('./')` for the start page; never `page.goto('/dashboard')`, which leaves the
 *     sub-path (the fixture fails such a test and says why);
 *   - assert URLs with regexes anchored at the end: `await expect(page).toHaveURL(/\/dashboard$/)`.
 */
export const test = base.extend<E2eOptions & { pageErrors: string[] }>({
  deepLinkFallback: ['index-200', { option: true }],
  pageErrors: [
    async ({ page, baseURL, deepLinkFallback }, use) => {
      const basePath = new URL(baseURL ?? 'http://localhost/').pathname;
      const errors: string[] = [];
      // Console messages that may be GitHub Pages' 404 fallback; judged once the test is over.
      const fallbackCandidates: string[] = [];
      const documents404 = watchDocuments404(page);

      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const { url } = message.location();
        if (deepLinkFallback !== 'index-200' && isNotFoundLog(message.text(), url, basePath)) {
          fallbackCandidates.push(url);
        } else {
          errors.push(`console.error: ${message.text()}${url ? ` (${url})` : ''}`);
        }
      });
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
      page.on('framenavigated', (frame) => {
        if (frame !== page.mainFrame()) return;
        const url = new URL(frame.url());
        if (url.protocol.startsWith('http') && !url.pathname.startsWith(basePath)) {
          errors.push(
            `navigated outside the base path ${basePath} to ${url.href}: navigate with relative ` +
              `URLs, page.goto('dashboard') and not page.goto('/dashboard')`,
          );
        }
      });

      await use(errors);

      // Chromium logs "Failed to load resource: ... 404" for a page that arrives with status 404.
      // GitHub Pages serves every deep link that way (its 404.html is our app, see
      // scripts/build-pages.mjs), so in projects that emulate it, exactly that message is allowed
      // for exactly those documents. A 404 for a script, style or API call still fails the test.
      for (const url of fallbackCandidates) {
        if (!documents404.has(url)) errors.push(`console.error: ${NOT_FOUND_LOG} for ${url}`);
      }
      expect(errors, 'the page logged errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * For a test that provokes console errors on purpose: takes those matching `pattern` out of
 * `pageErrors` (so the fixture does not fail the test for them) and returns them to be checked.
 */
export function takeExpectedErrors(pageErrors: string[], pattern: RegExp): string[] {
  const expected = pageErrors.filter((error) => pattern.test(error));
  pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !expected.includes(e)));
  return expected;
}

/** Test options, set per project in playwright.config.ts. */
export interface E2eOptions {
  /** How the server answers a path with no file behind it, such as a deep link to `profile`. */
  deepLinkFallback: DeepLinkFallback;
}

/**
 * - `index-200`: index.html with status 200 (the dev server and most SPA hosts);
 * - `pages-404`: 404.html, a copy of index.html, with status 404 (GitHub Pages);
 * - `either`: an external server the config knows nothing about.
 */
export type DeepLinkFallback = 'index-200' | 'pages-404' | 'either';

const NOT_FOUND_LOG = 'Failed to load resource: the server responded with a status of 404';

function isNotFoundLog(text: string, url: string, basePath: string): boolean {
  return text.startsWith(NOT_FOUND_LOG) && url !== '' && new URL(url).pathname.startsWith(basePath);
}

/** The URLs of main-frame documents that arrived with status 404. */
function watchDocuments404(page: Page): Set<string> {
  const urls = new Set<string>();
  page.on('response', (response) => {
    const request = response.request();
    if (
      response.status() === 404 &&
      request.isNavigationRequest() &&
      request.frame() === page.mainFrame()
    ) {
      urls.add(response.url());
    }
  });
  return urls;
}
