import { expect, test } from './support/fixtures';

test.describe('navigation', () => {
  test('the root URL redirects to the dashboard', async ({ page }) => {
    await page.goto('./');
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  });

  test('a navbar link opens its page', async ({ page }) => {
    await page.goto('./');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Profile' })
      .click();
    await expect(page).toHaveURL(/\/profile$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
  });

  test('an unknown URL shows the not-found page', async ({ page }) => {
    await page.goto('./no/such/page');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page).toHaveTitle(/Page not found/);
  });
});
