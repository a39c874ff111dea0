import type { Page } from '@playwright/test';

import { DevtoolsPanel, type TokenKind } from './support/devtools-panel';
import {
  ADMIN_USER,
  DEMO_USER,
  mainNav,
  SignInPage,
  signOut,
  type Credentials,
} from './support/sign-in';
import { startSignedIn } from './support/signed-in';
import { expect, test } from './support/tabs';

/**
 * docs/exercises.md, followed step by step: one test per exercise, named after it, clicking the
 * labels the guide names and checking what it says to observe. If the app changes, this fails and
 * the guide gets fixed with it. scripts/check-docs.mjs checks that every exercise has its test.
 * Waits are conditions (a badge that reads "expired"), never sleeps. `test` comes from
 * e2e/support/tabs.ts for its `openTab()`: a second tab in the same browser context.
 */

/**
 * Where the guide says to wait for a token to expire, the test moves the browser's clock past its
 * lifetime instead (Playwright's `page.clock`, installed before the app starts; the in-browser
 * server reads the same clock), then waits for the inspector to say "expired".
 */
async function letExpire(page: Page, panels: DevtoolsPanel[], kind: TokenKind, ms: number) {
  await page.clock.fastForward(ms + 1_000);
  for (const panel of panels) await panel.waitUntilExpired(kind);
}

const dashboardHeading = (page: Page) => page.getByRole('heading', { level: 1, name: 'Dashboard' });

/** Opens the sign-in page with the Auth devtools open (server settings come before sign-in). */
async function openSignIn(page: Page): Promise<{ signIn: SignInPage; devtools: DevtoolsPanel }> {
  const signIn = new SignInPage(page);
  const devtools = new DevtoolsPanel(page);
  await signIn.open();
  await devtools.open();
  return { signIn, devtools };
}

/**
 * Signs in from the open sign-in page and waits until the dashboard has loaded its todos, so no
 * late request of the first page lands on a cleared timeline.
 */
async function signInAndLoad(
  page: Page,
  signIn: SignInPage,
  user: Credentials = DEMO_USER,
): Promise<void> {
  await signIn.fillAndSubmit(user.username, user.password);
  await expect(dashboardHeading(page)).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Your todos' }).getByRole('listitem'),
  ).not.toHaveCount(0);
}

/**
 * "Sign in as demo and open the Auth devtools.": started signed in (no form, see
 * support/signed-in.ts), and the dashboard's todos loaded, so no late request of the first page
 * lands on a cleared timeline.
 */
async function signInWithDevtools(page: Page): Promise<DevtoolsPanel> {
  await startSignedIn(page);
  await expect(
    page.getByRole('list', { name: 'Your todos' }).getByRole('listitem'),
  ).not.toHaveCount(0);
  const devtools = new DevtoolsPanel(page);
  await devtools.open();
  return devtools;
}

async function addTodo(page: Page, title: string): Promise<void> {
  await page.getByLabel('New todo').fill(title);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
}

function todoItem(page: Page, title: string) {
  return page.getByRole('list', { name: 'Your todos' }).getByRole('listitem').filter({
    hasText: title,
  });
}

/** Index of the first row (newest first) matching `pattern`; fails when there is none. */
function indexOf(rows: string[], pattern: RegExp): number {
  const index = rows.findIndex((row) => pattern.test(row));
  expect(index, `a row matching ${pattern} in:\n${rows.join('\n')}`).toBeGreaterThanOrEqual(0);
  return index;
}

function refreshLabel(row: string): string {
  const label = /refresh #\d+/.exec(row)?.[0];
  expect(label, `a refresh #N badge in "${row}"`).toBeDefined();
  return label ?? '';
}

/** The `jti` in the refresh token's decoded payload, as the token inspector shows it. */
async function refreshTokenJti(devtools: DevtoolsPanel): Promise<string> {
  const card = devtools.token('Refresh token');
  const details = card.locator('details');
  if ((await details.getAttribute('open')) === null) {
    await card.getByText('Decoded header and payload').click();
  }
  const payload = JSON.parse((await card.locator('pre').last().textContent()) ?? '{}');
  expect(typeof payload.jti).toBe('string');
  return payload.jti as string;
}

async function expectSessionEnded(page: Page, reason: string, returnUrl: RegExp): Promise<void> {
  await expect(page).toHaveURL(returnUrl);
  await expect(new SignInPage(page).alert()).toHaveText(
    `Your session has ended: ${reason}. Please sign in again.`,
  );
}

/**
 * What the browser's "Duplicate tab" does: a new tab that starts with a copy of this tab's
 * sessionStorage (tokens and tab id included), opened at `path`.
 */
async function duplicate(tab: Page, openTab: () => Promise<Page>, path: string): Promise<Page> {
  const entries = await tab.evaluate(() => Object.entries(sessionStorage));
  const copy = await openTab();
  await copy.addInitScript((copied: [string, string][]) => {
    if (sessionStorage.length > 0) return; // copied already: a later load of the copy
    for (const [key, value] of copied) sessionStorage.setItem(key, value);
  }, entries);
  await copy.goto(path);
  return copy;
}

test.describe('docs/exercises.md', () => {
  test('Watch a silent refresh', async ({ page }) => {
    await page.clock.install();
    // 1-4. Sign-in page, devtools, a 5 s access token, "Refresh before expiry" off, sign in.
    const { signIn, devtools } = await openSignIn(page);
    await devtools.setServerSettings({ accessLifetime: 5 });
    await devtools.setRefreshBeforeExpiry(false);
    await signInAndLoad(page, signIn);

    // 5. Wait for "expired", clear.
    await letExpire(page, [devtools], 'Access token', 5_000);
    await devtools.clearActivity();

    // 6. Add a todo: 401, one refresh, one retry, and the todo is there.
    await addTodo(page, 'Added after the token expired');
    await expect(todoItem(page, 'Added after the token expired')).toBeVisible();
    await expect(devtools.row(/POST \/api\/todos 201/).filter({ hasText: 'retried' })).toHaveCount(
      1,
    );
    await expect(devtools.counter('401')).toHaveText('1');
    await expect(devtools.counter('refresh')).toHaveText('1');
    await expect(devtools.counter('retries')).toHaveText('1');
    const rows = await devtools.rowTexts();
    const unauthorized = indexOf(rows, /POST \/api\/todos 401/);
    const refresh = indexOf(rows, /POST \/api\/auth\/refresh 200/);
    const retried = indexOf(rows, /POST \/api\/todos 201.*retried/);
    expect(retried).toBeLessThan(refresh);
    expect(refresh).toBeLessThan(unauthorized);
    expect(rows[unauthorized]).toMatch(/bearer.*401/);
    expect(refreshLabel(rows[retried])).toBe(refreshLabel(rows[refresh]));
    await expect(page).toHaveURL(/\/dashboard$/);

    // 7-8. Refresh before expiry on again, clear, add: a proactive refresh and no 401.
    await devtools.setRefreshBeforeExpiry(true);
    await devtools.clearActivity();
    await addTodo(page, 'Added with a proactive refresh');
    await expect(todoItem(page, 'Added with a proactive refresh')).toBeVisible();
    await expect(
      devtools.row(/POST \/api\/auth\/refresh 200/).filter({ hasText: 'proactive' }),
    ).toHaveCount(1);
    await expect(
      devtools.row(/POST \/api\/todos 201/).filter({ hasText: 'proactive' }),
    ).toHaveCount(1);
    await expect(devtools.counter('401')).toHaveText('0');
    await expect(devtools.counter('refresh')).toHaveText('1');
    await expect(devtools.counter('retries')).toHaveText('0');
    await expect(devtools.tokenState('Access token')).not.toHaveText('valid');
  });

  test('Fire ten parallel requests', async ({ page }) => {
    // 1-2. Signed in, "Refresh before expiry" off.
    const devtools = await signInWithDevtools(page);
    await devtools.setRefreshBeforeExpiry(false);

    // 3. The server refuses the token; the client cannot tell.
    await devtools.expireAccessTokenNow();
    await expect(devtools.tokenState('Access token')).toHaveText('valid');

    // 4. Clear, fire ten.
    await devtools.clearActivity();
    const controls = devtools.section('Demo controls');
    await expect(controls.getByLabel('Number of requests')).toHaveValue('10');
    await expect(controls.getByLabel('Each request')).toHaveValue('read');
    const result = await devtools.fireParallelRequests(10);

    expect(result).toMatch(/^10 requests: 10 succeeded, 0 failed in \d+ ms$/);
    await expect(devtools.counter('requests')).toHaveText('21');
    await expect(devtools.counter('401')).toHaveText('10');
    await expect(devtools.counter('refresh')).toHaveText('1');
    await expect(devtools.counter('retries')).toHaveText('10');
    await expect(devtools.row(/GET \/api\/todos 401/)).toHaveCount(10);
    await expect(devtools.row(/POST \/api\/auth\/refresh 200/)).toHaveCount(1);
    const retried = devtools.row(/GET \/api\/todos 200/).filter({ hasText: 'retried' });
    await expect(retried).toHaveCount(10);
    await expect(retried.filter({ hasText: 'queued' })).toHaveCount(9);
    const label = refreshLabel(
      (await devtools.row(/POST \/api\/auth\/refresh 200/).textContent()) ?? '',
    );
    await expect(retried.filter({ hasText: label })).toHaveCount(10);
  });

  test('Replay a stolen refresh token', async ({ page }) => {
    // 1. Signed in.
    const devtools = await signInWithDevtools(page);
    const jtiBefore = await refreshTokenJti(devtools);

    // 2. Refresh now: a new pair, a refresh token with a new jti.
    await devtools.refreshNow();
    await expect(devtools.section('Token inspector').getByRole('status')).toHaveText(
      /^New token pair from refresh #\d+\.$/,
    );
    await expect.poll(() => refreshTokenJti(devtools)).not.toBe(jtiBefore);

    // 3. Replay the rotated-out token.
    await devtools.sessionAction(
      'Replay previous refresh token',
      'The server refused the replayed token: refresh token reuse was detected',
    );

    await expect(
      devtools.row(/POST \/api\/auth\/refresh 400/).filter({ hasText: 'refresh' }),
    ).toHaveCount(1);
    await expectSessionEnded(
      page,
      'refresh token reuse was detected, so the session was revoked',
      /\/login\?returnUrl=%2Fdashboard$/,
    );
    await expect(devtools.tokenState('Access token')).toHaveText('none');
    await expect(devtools.tokenState('Refresh token')).toHaveText('none');

    // Sign in again: back on the dashboard.
    await new SignInPage(page).fillAndSubmit(DEMO_USER.username, DEMO_USER.password);
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(dashboardHeading(page)).toBeVisible();
  });

  test('Let the refresh token expire', async ({ page }) => {
    await page.clock.install();
    // 1-3. 5 s access token, 10 s refresh token, sign in, do nothing.
    const { signIn, devtools } = await openSignIn(page);
    await devtools.setServerSettings({ accessLifetime: 5, refreshLifetime: 10 });
    await signInAndLoad(page, signIn);

    // The dashboard's first request found the token inside the leeway: one proactive refresh.
    await expect(
      devtools.row(/POST \/api\/auth\/refresh 200/).filter({ hasText: 'proactive' }),
    ).toHaveCount(1);
    await letExpire(page, [devtools], 'Access token', 5_000);
    // 4. Wait for the refresh token to run out; nothing refreshed in the background meanwhile.
    await letExpire(page, [devtools], 'Refresh token', 5_000);
    await expect(devtools.counter('refresh')).toHaveText('1');
    await mainNav(page).getByRole('link', { name: 'Profile' }).click();

    // This browser's clock is not the judge: the token is presented, and the server's refusal
    // ends the session, with its reason. Nothing is left to revoke, so no logout call.
    await expectSessionEnded(page, 'the refresh token expired', /\/login\?returnUrl=%2Fprofile$/);
    await expect(devtools.row(/POST \/api\/auth\/refresh 400/)).toHaveCount(1);
    await expect(devtools.counter('refresh')).toHaveText('2');
    await expect(devtools.row(/POST \/api\/auth\/logout/)).toHaveCount(0);

    // Sign in: straight back to Profile.
    await signIn.fillAndSubmit(DEMO_USER.username, DEMO_USER.password);
    await expect(page).toHaveURL(/\/profile$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
  });

  test('Break the refresh with a server error', async ({ page }) => {
    // 1-3. Signed in, the next refresh fails with a 500, the access token is refused.
    const devtools = await signInWithDevtools(page);
    const failNext = devtools.section('Demo controls').getByLabel('Next refresh fails with');
    await devtools.failNextRefresh('server error');
    await devtools.expireAccessTokenNow();

    // 4. The add fails with a message; still signed in; the failure was used up.
    await addTodo(page, 'Blocked by a failed refresh');
    await expect(page.getByRole('main').getByRole('alert')).toHaveText(
      'Could not add the todo: Could not reach the server to renew your session. ' +
        'You are still signed in; try again.',
    );
    await expect(devtools.row(/POST \/api\/todos 401/)).toHaveCount(1);
    await expect(devtools.row(/POST \/api\/auth\/refresh 500/)).toHaveCount(1);
    await expect(devtools.counter('retries')).toHaveText('0');
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(mainNav(page).getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expect(failNext).toHaveValue('none');

    // 5. The next try works: refresh 200 and a retry.
    await addTodo(page, 'Works on the next try');
    await expect(todoItem(page, 'Works on the next try')).toBeVisible();
    await expect(devtools.row(/POST \/api\/auth\/refresh 200/)).toHaveCount(1);
    await expect(devtools.row(/POST \/api\/todos 201/).filter({ hasText: 'retried' })).toHaveCount(
      1,
    );

    // 6. A refused refresh ends the session. The hint follows the server's setting, and the
    // server applies its changes one at a time: once it reads "refuses", the expiry is applied.
    await devtools
      .section('Demo controls')
      .getByRole('button', { name: 'Expire access token now' })
      .click();
    await devtools.failNextRefresh('invalid grant');
    await expect(failNext).toHaveAccessibleDescription(
      /The server refuses the next refresh token: the session ends\./,
    );
    await addTodo(page, 'Refused by the server');
    await expectSessionEnded(
      page,
      'the server refused the refresh token (simulated)',
      /\/login\?returnUrl=%2Fdashboard$/,
    );
    await expect(devtools.row(/POST \/api\/auth\/refresh 400/)).toHaveCount(1);
  });

  test('Compare storage choices across a reload', async ({ page }) => {
    const tokensIn = (area: 'local' | 'session') =>
      page.evaluate(
        (which) => (which === 'local' ? localStorage : sessionStorage).getItem('auth:tokens'),
        area,
      );
    // 1. Signed in: the tokens are in localStorage.
    const devtools = await signInWithDevtools(page);
    const storage = devtools.section('Demo controls').getByLabel('Token storage');
    expect(await tokensIn('local')).not.toBeNull();

    // 2. sessionStorage survives a reload.
    await storage.selectOption({ label: 'sessionStorage' });
    expect(await tokensIn('session')).not.toBeNull();
    expect(await tokensIn('local')).toBeNull();
    await page.reload();
    await expect(dashboardHeading(page)).toBeVisible();
    await expect(mainNav(page).getByRole('button', { name: 'Sign out' })).toBeVisible();

    // 3. memory does not; the choice is remembered.
    await storage.selectOption({ label: 'memory' });
    expect(await tokensIn('local')).toBeNull();
    expect(await tokensIn('session')).toBeNull();
    await page.reload();
    await expect(page).toHaveURL(/\/login\?returnUrl=%2Fdashboard$/);
    await expect(mainNav(page).getByRole('link', { name: 'Sign in' })).toBeVisible();
    await expect(storage).toHaveValue('memory');

    // 4. Back to localStorage: a reload keeps the session again.
    await new SignInPage(page).fillAndSubmit(DEMO_USER.username, DEMO_USER.password);
    await expect(dashboardHeading(page)).toBeVisible();
    await storage.selectOption({ label: 'localStorage' });
    expect(await tokensIn('local')).not.toBeNull();
    await page.reload();
    await expect(dashboardHeading(page)).toBeVisible();
    await expect(mainNav(page).getByRole('button', { name: 'Sign out' })).toBeVisible();
  });

  test('See a 403 that keeps you signed in', async ({ page }) => {
    const result = page
      .getByRole('region', { name: 'What does a 403 look like?' })
      .getByRole('status');
    // 1. Signed in as demo, timeline cleared.
    const devtools = await signInWithDevtools(page);
    await devtools.clearActivity();

    // 2. Call the admin API: 403, no refresh, no retry, still signed in.
    await page.getByRole('button', { name: 'Call the admin API' }).click();
    await expect(result).toHaveText(
      '403 Forbidden. This endpoint needs the "admin" role. You are still signed in: your ' +
        'account just does not have that permission.',
    );
    await expect(
      devtools.row(/GET \/api\/admin\/users 403/).filter({ hasText: 'bearer' }),
    ).toHaveCount(1);
    for (const counter of ['401', 'refresh', 'retries'] as const) {
      await expect(devtools.counter(counter)).toHaveText('0');
    }
    await expect(mainNav(page).getByRole('button', { name: 'Sign out' })).toBeVisible();

    // 3. /admin from the address bar: the client's guard says Forbidden; no admin call is made.
    await page.goto('admin');
    await expect(page.getByRole('heading', { level: 1, name: 'Forbidden' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(
      `You are signed in as ${DEMO_USER.displayName}`,
    );
    await expect(devtools.row(/\/api\/admin\/users/)).toHaveCount(0);

    // 4. As admin the same call succeeds.
    await signOut(page);
    await new SignInPage(page).signIn(ADMIN_USER);
    await page.getByRole('button', { name: 'Call the admin API' }).click();
    await expect(result).toHaveText('200 OK. You have the admin role: the server listed 2 users.');
  });

  test('Revoke a session on the server', async ({ page }) => {
    // 1-2. Signed in, the session check on (the default), the session revoked on the server.
    const devtools = await signInWithDevtools(page);
    await expect(devtools.sessionCheck()).toBeChecked();
    await devtools.sessionAction(
      'Revoke session',
      'Session revoked on the server. The session check refuses its access token from the next ' +
        'request; the refresh that follows is refused and ends the session.',
    );

    // 3. The todo gets a 401 at once; the refresh that follows is refused and ends the session.
    await addTodo(page, 'Refused at once');
    await expectSessionEnded(page, 'the session was revoked', /\/login\?returnUrl=%2Fdashboard$/);
    const rows = await devtools.rowTexts();
    expect(indexOf(rows, /POST \/api\/todos 401/), 'the 401 came first').toBeGreaterThan(
      indexOf(rows, /POST \/api\/auth\/refresh 400/),
    );
    await expect(devtools.row(/POST \/api\/todos 201/)).toHaveCount(0);

    // 4. Signed in again, the timeline cleared, the session check off.
    await new SignInPage(page).fillAndSubmit(DEMO_USER.username, DEMO_USER.password);
    await expect(dashboardHeading(page)).toBeVisible();
    await expect(
      page.getByRole('list', { name: 'Your todos' }).getByRole('listitem'),
    ).not.toHaveCount(0);
    await expect(todoItem(page, 'Refused at once')).toHaveCount(0);
    await devtools.clearActivity();
    await devtools.setSessionCheck(false);

    // 5. The session revoked again, with the check off.
    await devtools.sessionAction(
      'Revoke session',
      'Session revoked on the server. With the session check off, the access token works until ' +
        'it expires; the next refresh is refused and ends the session.',
    );

    // 6. The access token still works, without a refresh.
    await addTodo(page, 'Still works until the refresh');
    await expect(todoItem(page, 'Still works until the refresh')).toBeVisible();
    await expect(devtools.counter('refresh')).toHaveText('0');

    // 7. The refresh is refused and ends the session.
    await devtools.root.getByRole('button', { name: 'Refresh now' }).click();
    await expect(devtools.row(/POST \/api\/auth\/refresh 400/)).toHaveCount(1);
    await expectSessionEnded(page, 'the session was revoked', /\/login\?returnUrl=%2Fdashboard$/);
  });

  test('Two tabs', async ({ page, openTab }) => {
    await page.clock.install();
    // 1. 5 s access token, "Refresh before expiry" off.
    const { signIn, devtools } = await openSignIn(page);
    await devtools.setServerSettings({ accessLifetime: 5 });
    await devtools.setRefreshBeforeExpiry(false);

    // 2. Signed in; the dashboard in a second tab, its switch off too.
    await signInAndLoad(page, signIn);
    const second = await openTab();
    await second.goto('dashboard');
    const secondDevtools = new DevtoolsPanel(second);
    await secondDevtools.open();
    await expect(dashboardHeading(second)).toBeVisible();
    await expect(
      secondDevtools.section('Demo controls').getByLabel('Refresh before expiry'),
    ).not.toBeChecked();

    // 3. Both expired, both cleared.
    const both = [devtools, secondDevtools];
    await letExpire(page, both, 'Access token', 5_000);
    for (const panel of both) await panel.clearActivity();

    // 4. Ten requests in each tab at once: one refresh call between them.
    await Promise.all(
      both.map((panel) =>
        panel.root.getByRole('button', { name: 'Fire parallel requests' }).click(),
      ),
    );
    for (const panel of both) {
      await expect(panel.root.getByTestId('burst-result')).toHaveText(
        /^10 requests: 10 succeeded, 0 failed in \d+ ms$/,
      );
    }
    const calls = await Promise.all(both.map((panel) => panel.count('refresh')));
    expect([...calls].sort(), 'refresh calls in the two tabs').toEqual([0, 1]);
    const adopter = both[calls.indexOf(0)];
    await expect(
      adopter.row(/GET \/api\/todos 200/).filter({ hasText: 'from other tab' }),
    ).toHaveCount(10);

    // 5. Sign out here: the other tab follows, and says why.
    await signOut(page);
    await expect(second).toHaveURL(/\/login\?returnUrl=%2Fdashboard$/);
    await expect(new SignInPage(second).alert()).toHaveText('You signed out in another tab.');

    // 6. Sign in there: this tab follows and leaves the sign-in page.
    await new SignInPage(second).fillAndSubmit(DEMO_USER.username, DEMO_USER.password);
    await expect(dashboardHeading(second)).toBeVisible();
    await expect(dashboardHeading(page)).toBeVisible();
    await expect(page).toHaveURL(/\/dashboard$/);

    // 7. sessionStorage here: the session moves into this tab, the other is signed out.
    await devtools.section('Demo controls').getByLabel('Token storage').selectOption({
      label: 'sessionStorage',
    });
    await expect(second).toHaveURL(/\/login\?returnUrl=%2Fdashboard$/);
    await expect(new SignInPage(second).alert()).toHaveText(
      'Another tab switched to per-tab storage and took the session with it. ' +
        'Sign in to start a session in this tab.',
    );
    await expect(mainNav(page).getByRole('button', { name: 'Sign out' })).toBeVisible();

    // 8. Duplicate this tab: the copy starts signed out; this tab keeps its session.
    const copy = await duplicate(page, openTab, 'dashboard');
    await expect(copy).toHaveURL(/\/login\?returnUrl=%2Fdashboard$/);
    await expect(new SignInPage(copy).alert()).toHaveText(
      'This tab is a copy of another tab. In session-storage mode every tab has its own ' +
        'session, so sign in to start one here.',
    );
    const copyDevtools = new DevtoolsPanel(copy);
    await copyDevtools.open();
    const firstTabId = (await devtools.root.getByTestId('tab-id').textContent()) ?? '';
    await expect(copyDevtools.section('Demo controls')).toContainText(
      `a duplicate of tab ${firstTabId}`,
    );
    await devtools.refreshNow();
    await expect(mainNav(page).getByRole('button', { name: 'Sign out' })).toBeVisible();
  });

  test('Skew the server clock', async ({ page }) => {
    await page.clock.install();
    const openPage = async (name: 'Profile' | 'Dashboard') => {
      await mainNav(page).getByRole('link', { name }).click();
      await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    };
    // 1-2. Signed in, devtools open, the server's clock 10 minutes behind this browser's.
    const devtools = await signInWithDevtools(page);
    await devtools.setServerSettings({ clockOffset: -600 });
    const skew = devtools.section('Token inspector').getByTestId('clock-skew');
    await expect(skew).toHaveText(/^Server clock: in step/);

    // 3. A pair from the slow server: its exp is in this browser's past, yet both read valid.
    await devtools.refreshNow();
    // Measured from a whole-second iat and an answer 250 ms (or, on a busy machine, more) late.
    await expect(skew).toHaveText(/^Server clock: about 10 min( [1-9] s)? behind this browser's\./);
    await expect(devtools.tokenState('Access token')).toHaveText('valid');
    await expect(devtools.tokenState('Refresh token')).toHaveText('valid');
    await devtools.clearActivity();

    // 4. Each page makes its one request, and none is preceded by a refresh.
    await openPage('Profile');
    await expect(devtools.row(/GET \/api\/users\/me 200/)).toHaveCount(1);
    await openPage('Dashboard');
    await expect(devtools.row(/GET \/api\/todos 200/)).toHaveCount(1);
    await expect(devtools.counter('refresh')).toHaveText('0');
    await expect(page).toHaveURL(/\/dashboard$/);

    // 5. Expired on the server's clock: one proactive refresh before the next request.
    await letExpire(page, [devtools], 'Access token', 30_000);
    await openPage('Profile');
    await expect(
      devtools.row(/POST \/api\/auth\/refresh 200/).filter({ hasText: 'proactive' }),
    ).toHaveCount(1);
    await expect(devtools.counter('refresh')).toHaveText('1');

    // 6. The server's clock jumps 10 minutes forward, past the refresh token's 5 minutes: the
    // server refuses it, and that is what ends the session. Signed in again, the clocks agree.
    await devtools.setServerSettings({ clockOffset: 0 });
    await devtools.root.getByRole('button', { name: 'Refresh now' }).click();
    await expectSessionEnded(page, 'the refresh token expired', /\/login\?returnUrl=%2Fprofile$/);
    await new SignInPage(page).fillAndSubmit(DEMO_USER.username, DEMO_USER.password);
    await expect(page).toHaveURL(/\/profile$/);
    // In step again: the 10 minutes are gone (a slow answer may read as a second or two).
    await expect(skew).toHaveText(
      /^Server clock: (in step with this browser's|about [1-4] s behind)/,
    );
    await expect(devtools.tokenState('Access token')).toHaveText('valid');
  });
});
