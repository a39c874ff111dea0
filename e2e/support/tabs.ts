import type { Page } from '@playwright/test';

import { expect, test as base, type DeepLinkFallback } from './fixtures';

/**
 * `test` plus `openTab()`: another page in the test's browser context, which is what a second
 * browser tab is (same localStorage, Web Locks and `storage` events; its own sessionStorage).
 * Extra tabs are held to the same rules as the `page` fixture: a console error, an uncaught
 * exception or a navigation outside the base path fails the test. Navigate them with relative
 * URLs too (`tab.goto('dashboard')`).
 */
export const test = base.extend<{ openTab: () => Promise<Page> }>({
  openTab: async ({ context, baseURL, deepLinkFallback }, use) => {
    const basePath = new URL(baseURL ?? 'http://localhost/').pathname;
    const verdicts: (() => string[])[] = [];
    await use(async () => {
      const tab = await context.newPage();
      verdicts.push(watchTab(tab, basePath, deepLinkFallback));
      return tab;
    });
    expect(
      verdicts.flatMap((verdict) => verdict()),
      'another tab logged errors',
    ).toEqual([]);
  },
});

export { expect };

const NOT_FOUND_LOG = 'Failed to load resource: the server responded with a status of 404';

/**
 * Watches a page the `page` fixture does not; the returned function, called once the test is
 * over, lists what that fixture would have failed on.
 */
function watchTab(tab: Page, basePath: string, fallback: DeepLinkFallback): () => string[] {
  const errors: string[] = [];
  // GitHub Pages serves deep links as its 404.html (our app) with status 404, and Chromium logs
  // that; judged at the end, when every response has been seen.
  const documents404 = new Set<string>();
  const fallbackCandidates: string[] = [];
  tab.on('response', (response) => {
    const request = response.request();
    if (response.status() === 404 && request.isNavigationRequest())
      documents404.add(response.url());
  });
  tab.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url } = message.location();
    if (fallback !== 'index-200' && message.text().startsWith(NOT_FOUND_LOG)) {
      fallbackCandidates.push(url);
    } else {
      errors.push(`console.error in another tab: ${message.text()}${url ? ` (${url})` : ''}`);
    }
  });
  tab.on('pageerror', (error) => errors.push(`uncaught in another tab: ${error.message}`));
  tab.on('framenavigated', (frame) => {
    if (frame !== tab.mainFrame()) return;
    const url = new URL(frame.url());
    if (url.protocol.startsWith('http') && !url.pathname.startsWith(basePath)) {
      errors.push(`another tab navigated outside the base path ${basePath} to ${url.href}`);
    }
  });
  return () => [
    ...errors,
    ...fallbackCandidates
      .filter((url) => !documents404.has(url))
      .map((url) => `console.error in another tab: ${NOT_FOUND_LOG} for ${url}`),
  ];
}
