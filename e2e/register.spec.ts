import { expect, test } from './support/fixtures';
import { expectFocused } from './support/focus';
import {
  DEMO_USER,
  mainNav,
  RegisterPage,
  SignInPage,
  signOut,
  uniqueUsername,
} from './support/sign-in';

/** Issue test 3 and the registration rules. */
test.describe('registration', () => {
  test('register, land on the dashboard, sign out, sign in again', async ({ page }) => {
    const user = { username: uniqueUsername(), password: 'correct-horse', displayName: 'Ada L.' };

    await new RegisterPage(page).register(user);

    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole('main')).toContainText(`Hello, ${user.displayName}!`);
    await expect(mainNav(page)).toContainText(`Signed in as ${user.displayName}`);
    await expect(page.getByRole('main')).toContainText('No todos yet.');

    await signOut(page);
    await expect(mainNav(page).getByRole('link', { name: 'Register' })).toBeVisible();

    await new SignInPage(page).signIn(user);
    await expect(page.getByRole('main')).toContainText(`Hello, ${user.displayName}!`);
  });

  test("shows the server's rules at each field before submitting", async ({ page }) => {
    const form = new RegisterPage(page);
    await form.open();

    await form.fill({ username: 'Not Valid', password: 'short', confirm: 'different' });
    await form.submit().click();

    await expect(form.username()).toHaveAttribute('aria-invalid', 'true');
    await expectFocused(form.username());
    await expect(form.username()).toHaveAccessibleDescription(
      /Use only lowercase letters a–z, digits 0–9, '\.', '_' and '-'\.$/,
    );
    await expect(form.password()).toHaveAccessibleDescription(
      'At least 8 characters. The password needs at least 8 characters.',
    );
    await expect(form.confirmPassword()).toHaveAccessibleDescription('The passwords do not match.');
    await expect(page).toHaveURL(/\/register$/);
  });

  test('a taken username is shown at its field', async ({ page }) => {
    const form = new RegisterPage(page);
    await form.open();

    await form.fill({ username: DEMO_USER.username, password: 'long-enough-1' });
    await form.submit().click();

    await expect(form.username()).toHaveAccessibleDescription(
      new RegExp(`The username "${DEMO_USER.username}" is already taken\\.$`),
    );
    await expect(form.username()).toHaveAttribute('aria-invalid', 'true');
    await expectFocused(form.username());
    await expect(page).toHaveURL(/\/register$/);
  });
});
