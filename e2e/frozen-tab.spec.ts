import type { Page } from '@playwright/test';

import { ADMIN_USER, DEMO_TODOS, DEMO_USER, SignInPage, signOut } from './support/sign-in';
import { startSignedIn } from './support/signed-in';
import { expect, test } from './support/tabs';

/**
 * Issue 13, finding 7: a user switch in another tab, learnt late. Chromium freezes a tab it
 * wants to save power on: its scripts stop, and what the other tabs say waits until it runs again
 * (`resume`). Meanwhile the user signs out there and signs in as someone else. The frozen tab must
 * then not go on showing the first user's data under the second user's session: it starts afresh
 * for the new user, or shows the sign-in page.
 */
async function setLifecycle(page: Page, state: 'frozen' | 'active'): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setWebLifecycleState', { state });
  await cdp.detach();
}

test('a frozen tab that resumes after a switch to another user never shows the first user’s data', async ({
  page,
  openTab,
}) => {
  await startSignedIn(page);
  const main = page.getByRole('main');
  await expect(main).toContainText(`Hello, ${DEMO_USER.displayName}!`);
  const other = await openTab();
  await other.goto('dashboard');
  await expect(other.getByRole('main')).toContainText(`Hello, ${DEMO_USER.displayName}!`);

  await setLifecycle(page, 'frozen');
  await signOut(other);
  await new SignInPage(other).signIn(ADMIN_USER);
  await expect(other.getByRole('main')).toContainText(`Hello, ${ADMIN_USER.displayName}!`);
  await setLifecycle(page, 'active');

  const signInPage = new SignInPage(page).heading();
  const adminDashboard = main.getByText(`Hello, ${ADMIN_USER.displayName}!`);
  await expect(signInPage.or(adminDashboard)).toBeVisible();
  await expect(main).not.toContainText(DEMO_USER.displayName);
  for (const title of DEMO_TODOS) {
    await expect(page.getByRole('checkbox', { name: title })).toHaveCount(0);
  }
});
