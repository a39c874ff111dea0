import type { Page } from '@playwright/test';

import { axeViolations } from './support/axe';
import { DevtoolsPanel } from './support/devtools-panel';
import { expect, test } from './support/fixtures';
import { SignInPage } from './support/sign-in';
import { startSignedIn } from './support/signed-in';

/**
 * The Auth devtools panel itself: a landmark on every page that remembers whether it is open,
 * a live token inspector, a timeline that Clear empties, demo controls that explain refused
 * values at the field, and no serious accessibility violations with the panel open.
 */

/** Opens `/login` with the devtools open. */
async function openLoginWithDevtools(page: Page): Promise<DevtoolsPanel> {
  const devtools = new DevtoolsPanel(page);
  await new SignInPage(page).open();
  await devtools.open();
  return devtools;
}

test.describe('Auth devtools panel', () => {
  test('is a landmark on every page, collapses, and remembers it across a reload', async ({
    page,
  }) => {
    const devtools = await openLoginWithDevtools(page);
    await expect(devtools.section('Token inspector')).toBeVisible();

    await devtools.toggle.click();
    await expect(devtools.toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(devtools.section('Token inspector')).toHaveCount(0);
    await page.goto('register');
    await expect(devtools.toggle).toHaveAttribute('aria-expanded', 'false');
    await page.reload();
    await expect(devtools.toggle).toHaveAttribute('aria-expanded', 'false');

    await devtools.toggle.focus();
    await page.keyboard.press('Enter');
    await expect(devtools.toggle).toHaveAttribute('aria-expanded', 'true');
    await page.reload();
    await expect(devtools.toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(devtools.section('Demo controls')).toBeVisible();
  });

  test('the token inspector decodes both tokens and counts down live', async ({ page }) => {
    const devtools = await openLoginWithDevtools(page);
    await expect(devtools.tokenState('Access token')).toHaveText('none');

    await startSignedIn(page);

    const access = devtools.token('Access token');
    await expect(devtools.tokenState('Access token')).toHaveText('valid');
    await expect(devtools.tokenState('Refresh token')).toHaveText('valid');
    const countdown = access.getByTestId('token-countdown');
    await expect(countdown).toHaveText(/^expires in \d+ s$/);
    const first = await countdown.textContent();
    await expect(countdown).not.toHaveText(first ?? '');
    const bar = access.getByRole('progressbar', { name: 'Access token lifetime left' });
    await expect(bar).toHaveAttribute('aria-valuemax', '30');
    await access.getByText('Decoded header and payload').click();
    await expect(access.locator('pre').first()).toContainText('"alg": "HS256"');
    await expect(access.locator('pre').last()).toContainText('"typ": "access"');
    await expect(devtools.token('Refresh token')).toContainText(/Expires\s*\d\d:\d\d:\d\d/);
  });

  test('the timeline shows each request and Clear empties it and resets the counters', async ({
    page,
  }) => {
    const devtools = await openLoginWithDevtools(page);

    await new SignInPage(page).signIn();

    await expect(devtools.row('POST /api/auth/login 200')).toHaveCount(1);
    await expect(devtools.row('GET /api/todos 200').first()).toContainText('bearer');
    expect(await devtools.count('requests')).toBeGreaterThanOrEqual(2);
    await devtools.clearActivity();
    await expect(devtools.rows()).toHaveCount(0);
    for (const counter of ['requests', '401', 'refresh', 'retries'] as const) {
      await expect(devtools.counter(counter)).toHaveText('0');
    }
  });

  test('refused demo values get their message at the field', async ({ page }) => {
    const devtools = await openLoginWithDevtools(page);
    const controls = devtools.section('Demo controls');

    await controls.getByLabel('Access token lifetime (s)').fill('2');
    await controls.getByLabel('Latency (ms)').fill('9000');
    await controls.getByRole('button', { name: 'Apply settings' }).click();

    const access = controls.getByLabel('Access token lifetime (s)');
    await expect(access).toHaveAttribute('aria-invalid', 'true');
    await expect(access).toHaveAccessibleDescription(
      /Access-token lifetime must be a whole number of seconds from 5 to 3600\./,
    );
    await expect(controls.getByLabel('Latency (ms)')).toHaveAccessibleDescription(
      /Latency must be a whole number of milliseconds from 0 to 5000\./,
    );

    await controls.getByLabel('Number of requests').fill('0');
    await controls.getByRole('button', { name: 'Fire parallel requests' }).click();
    await expect(controls.getByLabel('Number of requests')).toHaveAccessibleDescription(
      'Number of requests must be a whole number from 1 to 200.',
    );
    await expect(controls.getByTestId('burst-result')).toHaveText('');
  });

  test('the storage choice lists a one-line trade-off for each option', async ({ page }) => {
    const devtools = await openLoginWithDevtools(page);
    const storage = devtools.section('Demo controls').getByLabel('Token storage');

    await expect(storage).toHaveValue('local');
    await expect(storage).toHaveAccessibleDescription(/localStorage \(in use\): survives reloads/);
    await expect(storage).toHaveAccessibleDescription(/sessionStorage: one tab only/);
    await expect(storage).toHaveAccessibleDescription(/memory: safest .* lost on reload/);

    await storage.selectOption({ label: 'memory' });
    await expect(storage).toHaveAccessibleDescription(/memory \(in use\)/);
  });

  test('fits a 360 px wide screen below the page without covering it', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    const devtools = await openLoginWithDevtools(page);

    const main = await page.getByRole('main').boundingBox();
    const panel = await devtools.root.boundingBox();
    expect(panel!.y).toBeGreaterThanOrEqual(main!.y + main!.height - 1);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test.describe('accessibility with the devtools open', () => {
    test('no serious or critical axe violations on /login', async ({ page }) => {
      await openLoginWithDevtools(page);
      expect(await axeViolations(page)).toEqual([]);
    });

    test('no serious or critical axe violations on /dashboard signed in', async ({ page }) => {
      const devtools = await openLoginWithDevtools(page);
      await startSignedIn(page);
      await expect(devtools.row('GET /api/todos 200').first()).toBeVisible();
      await devtools.token('Access token').getByText('Decoded header and payload').click();
      expect(await axeViolations(page)).toEqual([]);
    });
  });
});
