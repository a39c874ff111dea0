import type { Page } from '@playwright/test';

import { expect, test } from './support/fixtures';
import { ADMIN_USER, DEMO_USER, mainNav } from './support/sign-in';
import { startSignedIn } from './support/signed-in';

/** Issue test 11: roles. A 403 is a permission message, never a sign-out. */
test.describe('admin role', () => {
  const adminApiResult = (page: Page) =>
    page.getByRole('region', { name: 'What does a 403 look like?' }).getByRole('status');

  test('demo gets Forbidden on /admin and a 403 from the admin API, and stays signed in', async ({
    page,
  }) => {
    await startSignedIn(page);
    await expect(mainNav(page).getByRole('link', { name: 'Admin' })).toHaveCount(0);

    await page.goto('admin');

    await expect(page.getByRole('heading', { level: 1, name: 'Forbidden' })).toBeVisible();
    await expect(page).toHaveURL(/\/forbidden$/);
    await expect(page.getByRole('main')).toContainText(`signed in as ${DEMO_USER.displayName}`);
    await expect(mainNav(page)).toContainText(`Signed in as ${DEMO_USER.displayName}`);

    await page.getByRole('link', { name: 'Go to the dashboard' }).click();
    await page.getByRole('button', { name: 'Call the admin API' }).click();

    await expect(adminApiResult(page)).toContainText('403 Forbidden.');
    await expect(adminApiResult(page)).toContainText('This endpoint needs the "admin" role.');
    await expect(adminApiResult(page)).toContainText('You are still signed in');
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(mainNav(page).getByRole('button', { name: 'Sign out' })).toBeVisible();
    // Still signed in for real: a protected call works right after the 403.
    await page.getByLabel('New todo').fill('Still here after a 403');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByRole('checkbox', { name: 'Still here after a 403' })).toBeVisible();
  });

  test('admin sees the Admin link and the users table with active sessions', async ({ page }) => {
    await startSignedIn(page, { as: ADMIN_USER });

    await mainNav(page).getByRole('link', { name: 'Admin' }).click();

    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Admin' })).toBeVisible();
    const table = page.getByRole('table', { name: /Users and their active sessions/ });
    await expect(table.getByRole('columnheader', { name: 'Active sessions' })).toBeVisible();
    const row = (username: string) =>
      table
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: username, exact: true }) });
    await expect(row(ADMIN_USER.username)).toContainText(ADMIN_USER.displayName);
    await expect(row(ADMIN_USER.username)).toContainText('user, admin');
    await expect(row(ADMIN_USER.username).getByRole('cell').nth(2)).toHaveText('1');
    await expect(row(DEMO_USER.username).getByRole('cell').nth(2)).toHaveText('0');
    await expect(row(DEMO_USER.username)).toContainText('never');
  });

  test("an admin's call to the admin API succeeds", async ({ page }) => {
    await startSignedIn(page, { as: ADMIN_USER });

    await page.getByRole('button', { name: 'Call the admin API' }).click();

    await expect(adminApiResult(page)).toHaveText(
      '200 OK. You have the admin role: the server listed 2 users.',
    );
  });
});
