import type { Page } from '@playwright/test';

import { DevtoolsPanel } from './support/devtools-panel';
import { expect, test } from './support/fixtures';
import { DEMO_USER, mainNav, SignInPage } from './support/sign-in';
import { startSignedIn } from './support/signed-in';

/** The localStorage / sessionStorage key that holds the session (src/app/auth/token-storage.ts). */
const TOKENS_KEY = 'auth:tokens';
const SETTINGS_KEY = 'auth:settings';

async function openProfile(page: Page): Promise<void> {
  await mainNav(page).getByRole('link', { name: 'Profile' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(DEMO_USER.username);
}

/** Opens the Auth devtools panel if it is collapsed. */
async function openDevtools(page: Page): Promise<void> {
  const toggle = page
    .getByRole('complementary', { name: 'Auth devtools' })
    .getByRole('button', { name: 'Auth devtools' });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

/** Issue tests 10 and 12: what survives a reload, and what start-up does with garbage. */
test.describe('session across reloads', () => {
  test('a reload on /profile keeps the session', { tag: '@smoke' }, async ({ page }) => {
    await startSignedIn(page);
    await openProfile(page);

    await page.reload();

    await expect(page).toHaveURL(/\/profile$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
    await expect(mainNav(page)).toContainText(`Signed in as ${DEMO_USER.displayName}`);
    await expect(page.getByRole('main')).toContainText(DEMO_USER.username);
  });

  test('with memory storage a reload loses the session, as its note says', async ({ page }) => {
    await startSignedIn(page);
    await openDevtools(page);
    const storage = page.getByLabel('Token storage');

    await storage.selectOption('memory');

    await expect(storage).toHaveAccessibleDescription(/memory.*lost on reload/);
    expect(await page.evaluate((key) => localStorage.getItem(key), TOKENS_KEY)).toBeNull();
    await openProfile(page); // still signed in until the page is reloaded
    await page.reload();
    await expect(page).toHaveURL(/\/login\?returnUrl=%2Fprofile$/);
    await expect(mainNav(page).getByRole('link', { name: 'Sign in' })).toBeVisible();
  });

  const GARBAGE: Record<string, string> = {
    'not JSON': '{"accessToken": eyJ',
    'JSON null': 'null',
    'an array': '[1, 2]',
    'strings that are not JWTs': '{"accessToken":"a.b.c","refreshToken":"not a token"}',
    'an expired token pair': JSON.stringify({
      accessToken: unsignedJwt({ typ: 'access', sub: 'u1', exp: 1 }),
      refreshToken: unsignedJwt({ typ: 'refresh', sub: 'u1', exp: 2 }),
    }),
  };

  for (const [name, garbage] of Object.entries(GARBAGE)) {
    test(`garbage in the token storage (${name}): the app starts signed out, no error`, async ({
      page,
    }) => {
      await startSignedIn(page);
      await page.evaluate(
        ({ keys, value }) => {
          localStorage.setItem(keys.tokens, value);
          sessionStorage.setItem(keys.tokens, value);
          localStorage.setItem(keys.settings, value);
        },
        { keys: { tokens: TOKENS_KEY, settings: SETTINGS_KEY }, value: garbage },
      );

      await page.reload();

      await expect(page).toHaveURL(/\/login\?returnUrl=%2Fdashboard$/);
      await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
      await expect(mainNav(page).getByRole('link', { name: 'Sign in' })).toBeVisible();
      const left = await page.evaluate((key) => localStorage.getItem(key), TOKENS_KEY);
      expect(left, 'the garbage is cleared').toBeNull();
      // And the app still works: signing in again succeeds.
      await new SignInPage(page).signIn(DEMO_USER);
    });
  }
});

// Issue 13, finding 10: with site data blocked, reading `localStorage` throws a SecurityError.
test.describe('site data blocked by the browser', () => {
  test('the app still starts, signs in and works, from memory, with no error', async ({ page }) => {
    await page.addInitScript(() => {
      const denied = () => {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      };
      for (const name of ['localStorage', 'sessionStorage']) {
        Object.defineProperty(window, name, { configurable: true, get: denied });
      }
      Object.defineProperty(IDBFactory.prototype, 'open', { configurable: true, value: denied });
    });

    const signIn = new SignInPage(page);
    await signIn.open();
    await expect(page.getByTestId('memory-only-note')).toContainText(
      'your session will be kept in memory only',
    );
    const devtools = new DevtoolsPanel(page);
    await devtools.open();
    const storageSelect = devtools.section('Demo controls').getByLabel('Token storage');
    await expect(storageSelect.locator('option:checked')).toHaveText('memory');
    await expect(storageSelect.locator('option[value="local"]')).toBeDisabled();
    await expect(devtools.root.getByTestId('storage-refused')).toContainText(
      'This browser refuses site data here',
    );
    await signIn.fillAndSubmit(DEMO_USER.username, DEMO_USER.password);

    await expect(page.getByRole('list', { name: 'Your todos' }).getByRole('listitem')).toHaveCount(
      3,
    );
    await page.getByLabel('New todo').fill('Kept in memory');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByRole('checkbox', { name: 'Kept in memory' })).toBeVisible();
  });
});

/** A JWT-shaped string with the given payload and no valid signature. */
function unsignedJwt(payload: object): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}.c2ln`;
}
