import type { Page } from '@playwright/test';

import { DEMO_USER, SignInPage, mainNav, signOut } from './support/sign-in';
import { startSignedIn } from './support/signed-in';
import { expect, test as tabsTest } from './support/tabs';

/**
 * The Back button. A browser keeps a page the user leaves in its back/forward cache, frozen, and
 * Back brings it back exactly as it was: no reload, no start-up. The classic bug: sign out in
 * another tab, press Back in this one, and the dashboard is there again. Here the restored page
 * takes in the `storage` events it missed (`TabSync`) and checks its session at once
 * (`SessionRecheck`, on `pageshow` with `persisted`); either alone passes this spec, neither fails
 * it.
 *
 * Playwright starts Chromium with `--disable-back-forward-cache`; this file turns the cache back
 * on, as it is in the user's browser. Each test first proves that the page really came out of the
 * cache (a value set on `window` before leaving is still there), so that a plain reload, which
 * would pass for the wrong reason, fails it.
 */
const test = tabsTest.extend({
  launchOptions: [
    async ({ launchOptions }, use) => {
      await use({ ...launchOptions, ignoreDefaultArgs: ['--disable-back-forward-cache'] });
    },
    { scope: 'worker' },
  ],
});

interface KeptWindow {
  keptInCache?: boolean;
}

/**
 * Leaves the app for another document (a route of the app would stay inside the same page), then
 * presses Back. The app's documents are loaded from `./`: on the hosted demo a deep link arrives
 * as a 404, and a browser never caches a page that did.
 */
async function leaveAndComeBack(page: Page, meanwhile: () => Promise<void>): Promise<void> {
  await page.evaluate(() => ((window as KeptWindow).keptInCache = true));
  await page.goto('about:blank');
  await meanwhile();
  // A page restored from the cache fires no `load` event: wait for the navigation only.
  await page.goBack({ waitUntil: 'commit' });
  expect(
    await page.evaluate(() => (window as KeptWindow).keptInCache === true),
    'the page came back from the back/forward cache, not from a reload',
  ).toBe(true);
}

async function signInFromStart(page: Page): Promise<void> {
  await startSignedIn(page, { path: './' });
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
}

test.describe('back/forward cache', () => {
  test('Back to a page kept while the session lived on: still signed in, and it works', async ({
    page,
  }) => {
    await signInFromStart(page);

    await leaveAndComeBack(page, async () => undefined);

    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(mainNav(page).getByRole('button', { name: 'Sign out' })).toBeVisible();
    await mainNav(page).getByRole('link', { name: 'Profile' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
    await expect(page.getByLabel('Display name')).toHaveValue(DEMO_USER.displayName);
  });

  test('Back to the dashboard after signing out in another tab shows sign-in, not the dashboard', async ({
    page,
    openTab,
  }) => {
    await signInFromStart(page);

    await leaveAndComeBack(page, async () => {
      const other = await openTab();
      await other.goto('./');
      await expect(mainNav(other).getByRole('button', { name: 'Sign out' })).toBeVisible();
      await signOut(other);
    });

    await expect(page).toHaveURL(/\/login\?returnUrl=%2Fdashboard$/);
    await expect(new SignInPage(page).alert()).toHaveText(/You signed out in another tab\./);
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toHaveCount(0);
    await expect(mainNav(page).getByRole('link', { name: 'Sign in' })).toBeVisible();
  });
});
