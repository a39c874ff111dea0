import { expect, test } from './support/fixtures';
import { expectFocused } from './support/focus';
import { ADMIN_USER, DEMO_USER, mainNav, SignInPage } from './support/sign-in';

const WRONG_PASSWORD = 'The username or password is incorrect.';

/** Issue test 2 and the rest of the sign-in page: validation, demo accounts, returnUrl. */
test.describe('sign-in page', () => {
  test("a wrong password shows the server's message and keeps the user signed out", async ({
    page,
  }) => {
    const signIn = new SignInPage(page);
    await signIn.open();

    await signIn.attempt(DEMO_USER.username, 'not-the-password');

    await expect(signIn.alert()).toHaveText(WRONG_PASSWORD);
    await expect(page).toHaveURL(/\/login$/);
    await expect(mainNav(page).getByRole('link', { name: 'Sign in' })).toBeVisible();
  });

  test('five wrong passwords lead to the rate-limit message with its wait time', async ({
    page,
  }) => {
    const signIn = new SignInPage(page);
    await signIn.open();

    for (let attempt = 1; attempt <= 5; attempt++) {
      await signIn.attempt(DEMO_USER.username, `wrong-${attempt}`);
      await expect(signIn.alert()).toHaveText(WRONG_PASSWORD);
    }
    // Even the right password is refused now, with the time to wait.
    await signIn.attempt(DEMO_USER.username, DEMO_USER.password);

    await expect(signIn.alert()).toHaveText(
      /^Too many failed sign-in attempts\. Try again in \d+ seconds\.$/,
    );
    await expect(page).toHaveURL(/\/login$/);
  });

  test('shows what is missing at each field before sending anything', async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.open();

    await signIn.submit().click();

    await expect(signIn.username()).toHaveAttribute('aria-invalid', 'true');
    await expectFocused(signIn.username());
    await expect(signIn.username()).toHaveAccessibleDescription('Enter your username.');
    await expect(signIn.password()).toHaveAccessibleDescription('Enter your password.');
    await expect(signIn.alert()).toHaveCount(0);
  });

  test('a demo account button fills in the form, ready to sign in', async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.open();

    await page.getByRole('button', { name: `Fill in ${ADMIN_USER.username}` }).click();

    await expect(signIn.username()).toHaveValue(ADMIN_USER.username);
    await expect(signIn.password()).toHaveValue(ADMIN_USER.password);
    await expectFocused(signIn.submit());
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(mainNav(page)).toContainText(`Signed in as ${ADMIN_USER.displayName}`);
  });

  test(
    'a protected page sends the user to sign in and back again',
    { tag: '@smoke' },
    async ({ page }) => {
      await page.goto('profile');
      await expect(page).toHaveURL(/\/login\?returnUrl=%2Fprofile$/);

      await new SignInPage(page).fillAndSubmit(DEMO_USER.username, DEMO_USER.password);

      await expect(page).toHaveURL(/\/profile$/);
      await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
    },
  );

  test('a returnUrl that leads off the app is ignored', async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.open(`?returnUrl=${encodeURIComponent('//evil.example/login')}`);

    await signIn.fillAndSubmit(DEMO_USER.username, DEMO_USER.password);

    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test('links to the registration page', async ({ page }) => {
    await new SignInPage(page).open();

    await page.getByRole('main').getByRole('link', { name: 'Create one' }).click();

    await expect(page).toHaveURL(/\/register$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Register' })).toBeVisible();
  });
});
