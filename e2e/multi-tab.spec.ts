import type { Page } from '@playwright/test';

import { DevtoolsPanel } from './support/devtools-panel';
import { DEMO_TODOS, DEMO_USER, SignInPage, mainNav, signOut } from './support/sign-in';
import { startSignedIn, type StartOptions } from './support/signed-in';
import { expect, test } from './support/tabs';

/**
 * Issue 8: several tabs, one session. Every test opens a second page in the same browser context,
 * which shares localStorage, Web Locks and `storage` events with the first, like a second tab.
 */

const dashboardHeading = (tab: Page) => tab.getByRole('heading', { level: 1, name: 'Dashboard' });
const signedIn = (tab: Page) => mainNav(tab).getByRole('button', { name: 'Sign out' });

async function expectSignedIn(...tabs: Page[]): Promise<void> {
  for (const tab of tabs) await expect(signedIn(tab)).toBeVisible();
}

/** Opens `path` in a new tab and waits for its devtools. */
async function openSecondTab(openTab: () => Promise<Page>, path: string) {
  const tab = await openTab();
  await tab.goto(path);
  const devtools = new DevtoolsPanel(tab);
  await devtools.open();
  return { tab, devtools };
}

/** The sign-in page with the devtools open, to set the demo up before signing in. */
async function signInPageWithDevtools(page: Page) {
  const signIn = new SignInPage(page);
  await signIn.open();
  const devtools = new DevtoolsPanel(page);
  await devtools.open();
  return { signIn, devtools };
}

/** Starts signed in in `page`, then opens the dashboard in a second tab (signed in by the shared storage). */
async function signedInInTwoTabs(
  page: Page,
  openTab: () => Promise<Page>,
  options: StartOptions = {},
) {
  await startSignedIn(page, options);
  const second = await openSecondTab(openTab, 'dashboard');
  await expect(dashboardHeading(second.tab)).toBeVisible();
  return second;
}

/**
 * Fires `count` parallel requests (`read`: GET, `create`: POST api/todos) in every tab at the same
 * moment of the browser's clock (the tabs share it), and expects all of them to succeed in each.
 */
async function fireInAllTabsAtOnce(
  tabs: DevtoolsPanel[],
  count: number,
  kind: 'read' | 'create' = 'read',
): Promise<void> {
  for (const devtools of tabs) {
    const controls = devtools.section('Demo controls');
    await controls.getByLabel('Number of requests').fill(String(count));
    await controls.getByLabel('Each request').selectOption(kind);
  }
  const at = (await tabs[0].root.evaluate(() => Date.now())) + 500;
  await Promise.all(
    tabs.map((devtools) =>
      devtools.root.getByRole('button', { name: 'Fire parallel requests' }).evaluate(
        (button, when) =>
          new Promise<void>((resolve) =>
            setTimeout(
              () => {
                (button as HTMLButtonElement).click();
                resolve();
              },
              Math.max(0, when - Date.now()),
            ),
          ),
        at,
      ),
    ),
  );
  const allSucceeded = new RegExp(`^${count} requests: ${count} succeeded, 0 failed in \\d+ ms$`);
  for (const devtools of tabs) {
    await expect(devtools.root.getByTestId('burst-result')).toHaveText(allSucceeded);
  }
}

test.describe('several tabs, one session', () => {
  test('(a) two tabs with an expired access token firing 10 requests each refresh exactly once', async ({
    page,
    openTab,
  }) => {
    await page.clock.install();
    const { tab: tabB, devtools: devtoolsB } = await signedInInTwoTabs(page, openTab, {
      client: { proactiveRefresh: false },
    });
    const devtoolsA = new DevtoolsPanel(page);
    await devtoolsA.open();
    await expect(
      devtoolsB.section('Demo controls').getByLabel('Refresh before expiry'),
    ).not.toBeChecked();

    // Past the access token's lifetime (30 s) on the browser's clock, which both tabs share.
    await page.clock.fastForward(31_000);
    await Promise.all([
      devtoolsA.waitUntilExpired('Access token'),
      devtoolsB.waitUntilExpired('Access token'),
    ]);
    await devtoolsA.clearActivity();
    await devtoolsB.clearActivity();
    await fireInAllTabsAtOnce([devtoolsA, devtoolsB], 10);

    const refreshCalls = (await devtoolsA.count('refresh')) + (await devtoolsB.count('refresh'));
    expect(refreshCalls, 'refresh calls in both tabs together').toBe(1);
    const adopter = (await devtoolsA.count('refresh')) === 0 ? devtoolsA : devtoolsB;
    await expect(adopter.row(/from other tab/).first()).toBeVisible();
    await expectSignedIn(page, tabB);
  });

  test('(b) signing out in one tab signs the other out within 2 s, with a notice', async ({
    page,
    openTab,
  }) => {
    const { tab: tabB } = await signedInInTwoTabs(page, openTab);

    await signOut(page);

    await expect(tabB).toHaveURL(/\/login\?returnUrl=%2Fdashboard$/, { timeout: 2_000 });
    await expect(new SignInPage(tabB).alert()).toHaveText(/You signed out in another tab\./, {
      timeout: 2_000,
    });
    await expect(mainNav(tabB).getByRole('link', { name: 'Sign in' })).toBeVisible();
  });

  test('(b2) a sign-out reaches the other tab by message alone, without storage events', async ({
    page,
    openTab,
  }) => {
    await startSignedIn(page);
    const tabB = await openTab();
    // Tab B's `storage` events stop here, before the app's listener (an init script runs first).
    await tabB.addInitScript(() => {
      const counted = window as unknown as { storageEventsStopped: number };
      counted.storageEventsStopped = 0;
      const stop = (event: Event) => {
        counted.storageEventsStopped++;
        event.stopImmediatePropagation();
      };
      window.addEventListener('storage', stop, { capture: true });
    });
    await tabB.goto('dashboard');
    await expect(dashboardHeading(tabB)).toBeVisible();

    await signOut(page);

    await expect(new SignInPage(tabB).alert()).toHaveText(/You signed out in another tab\./);
    await expect(tabB).toHaveURL(/\/login\?returnUrl=%2Fdashboard$/);
    const stopped = await tabB.evaluate(
      () => (window as unknown as { storageEventsStopped: number }).storageEventsStopped,
    );
    expect(stopped, 'the storage events of the sign-out were held back').toBeGreaterThan(0);
  });

  test('(c) signing in in one tab signs the other in and takes it where it wanted to go', async ({
    page,
    openTab,
  }) => {
    const signIn = new SignInPage(page);
    await signIn.open();
    const { tab: tabB } = await openSecondTab(openTab, 'profile');
    await expect(tabB).toHaveURL(/\/login\?returnUrl=%2Fprofile$/);

    await signIn.fillAndSubmit(DEMO_USER.username, DEMO_USER.password);
    await expect(dashboardHeading(page)).toBeVisible();

    await expect(tabB).toHaveURL(/\/profile$/);
    await expect(tabB.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
    await expectSignedIn(tabB);
  });

  test('(d) session storage: a duplicated tab starts its own session and never ends the original', async ({
    page,
    openTab,
  }) => {
    const { signIn, devtools: devtoolsA } = await signInPageWithDevtools(page);
    await devtoolsA.section('Demo controls').getByLabel('Token storage').selectOption({
      label: 'sessionStorage',
    });
    await signIn.signIn(DEMO_USER);
    const refreshTokenA = await page.evaluate(
      () => JSON.parse(sessionStorage.getItem('auth:tokens') ?? '{}').refreshToken as string,
    );

    // "Duplicate tab": the browser copies sessionStorage, tokens and tab id included.
    const copied = await page.evaluate(() => JSON.stringify(Object.entries(sessionStorage)));
    const tabB = await openTab();
    await tabB.addInitScript((entries: string) => {
      if (sessionStorage.getItem('e2e:copied')) return;
      for (const [key, value] of JSON.parse(entries) as [string, string][]) {
        sessionStorage.setItem(key, value);
      }
      sessionStorage.setItem('e2e:copied', 'yes');
    }, copied);
    await tabB.goto('dashboard');

    const signInB = new SignInPage(tabB);
    await expect(tabB).toHaveURL(/\/login\?returnUrl=%2Fdashboard$/);
    await expect(signInB.alert()).toContainText('This tab is a copy of another tab');
    await signInB.fillAndSubmit(DEMO_USER.username, DEMO_USER.password);
    await expect(dashboardHeading(tabB)).toBeVisible();
    const refreshTokenB = await tabB.evaluate(
      () => JSON.parse(sessionStorage.getItem('auth:tokens') ?? '{}').refreshToken as string,
    );
    expect(refreshTokenB, 'the copy has a session of its own').not.toBe(refreshTokenA);

    // Both sessions live: each tab renews its own and makes protected calls.
    const devtoolsB = new DevtoolsPanel(tabB);
    await devtoolsB.open();
    for (const devtools of [devtoolsA, devtoolsB]) {
      await devtools.refreshNow();
      expect(await devtools.fireParallelRequests(5)).toMatch(/^5 requests: 5 succeeded, 0 failed/);
    }
    await expectSignedIn(page, tabB);
  });

  test('(e) 50 todos created at the same moment from two tabs are all kept', async ({
    page,
    openTab,
  }) => {
    const { devtools: devtoolsB } = await signedInInTwoTabs(page, openTab);
    const devtoolsA = new DevtoolsPanel(page);
    await devtoolsA.open();

    await fireInAllTabsAtOnce([devtoolsA, devtoolsB], 25, 'create');

    await page.reload();
    const todos = page.getByRole('list', { name: 'Your todos' }).getByRole('listitem');
    await expect(todos).toHaveCount(DEMO_TODOS.length + 50);
  });
});
