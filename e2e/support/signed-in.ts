import { expect, type Page } from '@playwright/test';

import type { TokenResponse } from '../../src/app/api-contract';
import { signInThroughServer, type SignInOptions } from './in-browser-server';
import { type Credentials, DEMO_USER, mainNav } from './sign-in';

export interface StartOptions {
  /** Who signs in; `demo` unless told. */
  readonly as?: Credentials;
  /** Server settings applied before signing in (e.g. `{ accessTokenLifetime: 5 }`). */
  readonly server?: SignInOptions['server'];
  /** The client's switches, e.g. `{ proactiveRefresh: false }`. */
  readonly client?: SignInOptions['client'];
  /** The page to open once signed in (relative); `dashboard` unless told. */
  readonly path?: string;
}

/**
 * Starts a test signed in, without the form, for the tests that are not about signing in (those
 * use `SignInPage`): one sign-in call to the server's own code (see in-browser-server.ts), the
 * fresh pair put where the app keeps it, then `path` opened and the signed-in navbar awaited.
 * A fresh session every time: a refresh token is single-use, so no two tests may share one.
 * It also replaces the in-browser server's state with a fresh seed, so call it at the start of a
 * test, before anything the test wants to keep is written.
 */
export async function startSignedIn(
  page: Page,
  options: StartOptions = {},
): Promise<TokenResponse> {
  const user = options.as ?? DEMO_USER;
  const start = await signInThroughServer({
    username: user.username,
    password: user.password,
    server: options.server,
    client: options.client,
  });
  await writeLocalStorage(page, start.localStorage);
  await page.goto(options.path ?? 'dashboard');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Hidden ones too: on a narrow screen the navbar keeps the button behind its toggle.
  const signOut = mainNav(page).getByRole('button', { name: 'Sign out', includeHidden: true });
  await expect(signOut).toBeAttached();
  return start.tokens;
}

/**
 * Writes entries into the localStorage of the app's origin before the app starts: from a blank
 * page served at the app's base path by the test itself (the app never runs there, so it cannot
 * write first), then left.
 */
async function writeLocalStorage(
  page: Page,
  entries: { name: string; value: string }[],
): Promise<void> {
  const blank = /\/e2e-blank-page$/;
  await page.route(blank, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><title>e2e</title><link rel="icon" href="data:,">',
    }),
  );
  await page.goto('e2e-blank-page');
  await page.evaluate((items) => {
    for (const { name, value } of items) localStorage.setItem(name, value);
  }, entries);
  await page.unroute(blank);
}
