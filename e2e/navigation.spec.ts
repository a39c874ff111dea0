import { expect, test } from './support/fixtures';
import { ADMIN_USER, DEMO_USER, mainNav } from './support/sign-in';
import { startSignedIn } from './support/signed-in';

/** Routing through the guards and the navbar, signed out and signed in. */
test.describe('navigation', () => {
  test('signed out, the start page leads to sign-in and remembers where it was going', async ({
    page,
  }) => {
    await page.goto('./');

    await expect(page).toHaveURL(/\/login\?returnUrl=%2Fdashboard$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await expect(page).toHaveTitle(/^Sign in · /);
  });

  test('signed out, every protected page leads to sign-in with its returnUrl', async ({ page }) => {
    for (const path of ['dashboard', 'profile', 'admin', 'forbidden']) {
      await page.goto(path);
      await expect(page).toHaveURL(new RegExp(`/login\\?returnUrl=%2F${path}$`));
    }
  });

  test('signed out, the navbar offers only Sign in and Register', async ({ page }) => {
    await page.goto('login');

    const links = mainNav(page).getByRole('listitem');
    await expect(links).toHaveText(['Sign in', 'Register']);
    await expect(mainNav(page).getByRole('button', { name: 'Sign out' })).toHaveCount(0);
    await mainNav(page).getByRole('link', { name: 'Register' }).click();
    await expect(page).toHaveURL(/\/register$/);
    await expect(mainNav(page).getByRole('link', { name: 'Register' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  test('signed in, each navbar link opens its page and marks it current', async ({ page }) => {
    await startSignedIn(page, { as: ADMIN_USER });
    await expect(mainNav(page).getByRole('listitem')).toHaveText(['Dashboard', 'Profile', 'Admin']);

    for (const name of ['Profile', 'Admin', 'Dashboard']) {
      const link = mainNav(page).getByRole('link', { name, exact: true });
      await link.click();
      await expect(page).toHaveURL(new RegExp(`/${name.toLowerCase()}$`));
      await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
      await expect(page).toHaveTitle(new RegExp(`^${name} · `));
      await expect(link).toHaveAttribute('aria-current', 'page');
    }
  });

  test('signed in, the guest pages lead back into the app', async ({ page }) => {
    await startSignedIn(page);

    await page.goto('login');
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.goto('register');
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test('an unknown URL shows the not-found page, signed out and signed in', async ({ page }) => {
    await page.goto('no/such/page');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page).toHaveTitle(/Page not found/);

    await startSignedIn(page);
    await page.goto('no/such/page');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Go to the dashboard' }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test('on a 360 px wide screen the navbar collapses behind a toggle', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await startSignedIn(page);
    const toggle = mainNav(page).getByRole('button', { name: 'Toggle navigation' });
    const profile = mainNav(page).getByRole('link', { name: 'Profile' });
    await expect(profile).toBeHidden();

    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(mainNav(page)).toContainText(`Signed in as ${DEMO_USER.displayName}`);
    await profile.click();

    await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(profile).toBeHidden();
  });
});
