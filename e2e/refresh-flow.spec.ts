import type { Page } from '@playwright/test';

import { DevtoolsPanel } from './support/devtools-panel';
import { expect, test } from './support/fixtures';
import { DEMO_USER, SignInPage } from './support/sign-in';
import { startSignedIn, type StartOptions } from './support/signed-in';

/**
 * The refresh flow as a learner sees it in the Auth devtools (issue tests 4 to 9): silent and
 * proactive refresh, a burst served by one refresh, and every way a session ends or survives.
 * Each test starts signed in (no form) with the devtools open. Expiry is not waited for: the
 * browser's clock (Playwright's `page.clock`, which the in-browser server reads too) jumps past
 * the token's lifetime, and the test waits for the token inspector to say "expired".
 */

/** The server's default lifetimes (src/app/mock-api/server-settings.ts). */
const ACCESS_LIFETIME_MS = 30_000;
const REFRESH_LIFETIME_MS = 300_000;

/** Starts signed in as `demo` on the dashboard, with the devtools open and the fake clock on. */
async function signInWith(
  page: Page,
  options: { proactive?: boolean; server?: StartOptions['server'] } = {},
): Promise<DevtoolsPanel> {
  await page.clock.install();
  const client =
    options.proactive === undefined ? undefined : { proactiveRefresh: options.proactive };
  await startSignedIn(page, { client, server: options.server });
  const devtools = new DevtoolsPanel(page);
  await devtools.open();
  await expect(devtools.tokenState('Access token')).toHaveText('valid');
  return devtools;
}

/** Moves the browser's clock `ms` ahead and waits for the inspector to say `kind` expired. */
async function expire(
  page: Page,
  devtools: DevtoolsPanel,
  kind: 'Access token' | 'Refresh token',
  ms: number,
): Promise<void> {
  await page.clock.fastForward(ms + 1_000);
  await devtools.waitUntilExpired(kind);
}

async function addTodo(page: Page, title: string): Promise<void> {
  const main = page.getByRole('main');
  await main.getByLabel('New todo').fill(title);
  await main.getByRole('button', { name: 'Add', exact: true }).click();
}

function todoItem(page: Page, title: string) {
  return page.getByRole('main').getByRole('listitem').filter({ hasText: title });
}

/**
 * Starts signed in, lets the access token expire, clears the timeline, and adds a todo: the
 * request the refresh flow has to rescue.
 */
async function addTodoAfterAccessExpiry(
  page: Page,
  proactive: boolean,
  title: string,
): Promise<DevtoolsPanel> {
  const devtools = await signInWith(page, { proactive });
  await expect(todoItem(page, 'Sign in and open the token inspector')).toBeVisible();
  await expire(page, devtools, 'Access token', ACCESS_LIFETIME_MS);
  await devtools.clearActivity();
  await addTodo(page, title);
  await expect(todoItem(page, title)).toBeVisible();
  return devtools;
}

/** Index of the first row (newest first) matching `pattern`; fails when there is none. */
function indexOf(rows: string[], pattern: RegExp): number {
  const index = rows.findIndex((row) => pattern.test(row));
  expect(index, `a row matching ${pattern} in:\n${rows.join('\n')}`).toBeGreaterThanOrEqual(0);
  return index;
}

test.describe('refresh flow in the Auth devtools', () => {
  test(
    'silent refresh: an expired token gets a 401, one refresh and a retry',
    { tag: '@smoke' },
    async ({ page }) => {
      const devtools = await addTodoAfterAccessExpiry(page, false, 'Added after the token expired');

      await expect(
        devtools.row(/POST \/api\/todos 20\d/).filter({ hasText: 'retried' }),
      ).toHaveCount(1);
      const rows = await devtools.rowTexts();
      const unauthorized = indexOf(rows, /POST \/api\/todos 401/);
      const refresh = indexOf(rows, /POST \/api\/auth\/refresh 200/);
      const retried = indexOf(rows, /POST \/api\/todos 20\d.*retried/);
      expect(retried).toBeLessThan(refresh);
      expect(refresh).toBeLessThan(unauthorized);
      expect(rows[unauthorized]).toContain('bearer');
      expect(rows[refresh]).toMatch(/refresh #\d+/);
      const badge = rows[refresh].match(/refresh #\d+/)?.[0];
      expect(rows[retried].match(/refresh #\d+/)?.[0], 'the retry carries the badge').toBe(badge);
      expect(rows[unauthorized].match(/refresh #\d+/)?.[0], 'so does the 401').toBe(badge);
      await expect(devtools.counter('401')).toHaveText('1');
      await expect(devtools.counter('refresh')).toHaveText('1');
      await expect(devtools.counter('retries')).toHaveText('1');
    },
  );

  test('proactive refresh: the token is renewed before the request, so no 401', async ({
    page,
  }) => {
    const devtools = await addTodoAfterAccessExpiry(page, true, 'Added with a proactive refresh');

    await expect(devtools.row(/POST \/api\/todos 20\d/)).toHaveCount(1);
    const rows = await devtools.rowTexts();
    const refresh = indexOf(rows, /POST \/api\/auth\/refresh 200.*proactive/);
    const request = indexOf(rows, /POST \/api\/todos 20\d.*proactive/);
    expect(request).toBeLessThan(refresh);
    await expect(devtools.counter('401')).toHaveText('0');
    await expect(devtools.counter('refresh')).toHaveText('1');
    await expect(devtools.counter('retries')).toHaveText('0');
    expect(rows.join('\n')).not.toContain('401');
  });

  test(
    'burst: ten parallel requests with a revoked token share exactly one refresh',
    { tag: '@smoke' },
    async ({ page }) => {
      const devtools = await signInWith(page, { proactive: false });
      await devtools.expireAccessTokenNow();
      const refreshesBefore = await devtools.count('refresh');
      const retriesBefore = await devtools.count('retries');
      const unauthorizedBefore = await devtools.count('401');

      const result = await devtools.fireParallelRequests(10);

      expect(result).toMatch(/^10 requests: 10 succeeded, 0 failed in \d+ ms$/);
      await expect(devtools.counter('refresh')).toHaveText(String(refreshesBefore + 1));
      await expect(devtools.counter('retries')).toHaveText(String(retriesBefore + 10));
      await expect(devtools.counter('401')).toHaveText(String(unauthorizedBefore + 10));
      await expect(devtools.row(/GET \/api\/todos 200/).filter({ hasText: 'retried' })).toHaveCount(
        10,
      );
    },
  );

  test('an expired refresh token signs the user out with the reason, and back in to the same page', async ({
    page,
  }) => {
    const devtools = await signInWith(page);
    const nav = page.getByRole('navigation', { name: 'Main' });

    await expire(page, devtools, 'Refresh token', REFRESH_LIFETIME_MS);
    await nav.getByRole('link', { name: 'Profile' }).click();

    await expect(page).toHaveURL(/\/login\?returnUrl=%2Fprofile$/);
    await expect(page.getByRole('alert')).toContainText(
      'Your session has ended: the refresh token expired. Please sign in again.',
    );
    await new SignInPage(page).fillAndSubmit(DEMO_USER.username, DEMO_USER.password);
    await expect(page).toHaveURL(/\/profile$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
  });

  test('replaying the previous refresh token revokes the session: forced sign-out with the reuse reason', async ({
    page,
  }) => {
    const devtools = await signInWith(page);
    await devtools.refreshNow();

    await devtools.root.getByRole('button', { name: 'Replay previous refresh token' }).click();

    await expect(page).toHaveURL(/\/login\?returnUrl=%2Fdashboard$/);
    await expect(page.getByRole('alert')).toContainText(
      'Your session has ended: refresh token reuse was detected, so the session was revoked.',
    );
    await expect(devtools.tokenState('Refresh token')).toHaveText('none');
    await expect(
      devtools.row(/POST \/api\/auth\/refresh 4\d\d/).filter({ hasText: 'refresh' }),
    ).toHaveCount(1);
  });

  test('a refresh that fails with a server error shows a message, keeps the session, and the next action works', async ({
    page,
  }) => {
    const devtools = await signInWith(page);
    await devtools.failNextRefresh('server error');
    await devtools.expireAccessTokenNow();

    await addTodo(page, 'Blocked by a failed refresh');

    await expect(page.getByRole('main').getByRole('alert')).toContainText(
      'You are still signed in',
    );
    await expect(devtools.row(/POST \/api\/auth\/refresh 500/)).toHaveCount(1);
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expect(
      devtools.section('Demo controls').getByLabel('Next refresh fails with'),
    ).toHaveValue('none');

    await addTodo(page, 'Works on the next try');

    await expect(todoItem(page, 'Works on the next try')).toBeVisible();
    await expect(devtools.row(/POST \/api\/auth\/refresh 200/)).toHaveCount(1);
  });

  test('a refresh that never answers is given up after 15 s: a message, the session kept, and the next action starts a new refresh', async ({
    page,
  }) => {
    const devtools = await signInWith(page);
    await devtools.failNextRefresh('hangs (never answers)');
    await devtools.expireAccessTokenNow();
    await devtools.clearActivity();

    await addTodo(page, 'Blocked by a refresh that hangs');
    await expect(devtools.row(/POST \/api\/todos 401/)).toHaveCount(1);
    await expect(
      devtools.section('Demo controls').getByLabel('Next refresh fails with'),
    ).toHaveValue('none');
    const alert = page.getByRole('main').getByRole('alert');
    await expect(alert).toHaveCount(0);

    // The wait limit (REFRESH_WAIT_LIMIT_MS, 15 s) on the browser's clock.
    await page.clock.fastForward(15_000);
    await expect(alert).toContainText('You are still signed in');
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

    await addTodo(page, 'Works on the next try');
    await expect(todoItem(page, 'Works on the next try')).toBeVisible();
    await expect(devtools.row(/POST \/api\/auth\/refresh 200/)).toHaveCount(1);
    await expect(devtools.counter('refresh')).toHaveText('2');
  });
});
