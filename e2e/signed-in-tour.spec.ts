import { expect, test } from './support/fixtures';
import { ADMIN_USER, mainNav, SignInPage, signOut } from './support/sign-in';
import { startSignedIn } from './support/signed-in';
import { expectTrafficStaysOnTestServer, recordTraffic } from './support/traffic';

/**
 * The signed-in half of "nothing leaves the browser" (hosted-demo.spec.ts visits the pages signed
 * out): a tour through every page and action as demo and as admin, recording every request the
 * browser makes. All of them go to the test server that serves the app, and none is an API call:
 * the in-browser server answers those.
 */
test('signed in, nothing the app does leaves the browser', async ({ page, baseURL }) => {
  const traffic = recordTraffic(page);
  const main = page.getByRole('main');

  await startSignedIn(page);
  await page.getByLabel('New todo').fill('Tour todo');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByRole('checkbox', { name: 'Tour todo' }).check();
  await page.getByRole('button', { name: 'Delete "Tour todo"' }).click();
  await expect(page.getByRole('checkbox', { name: 'Tour todo' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Call the admin API' }).click();
  await expect(main).toContainText('403 Forbidden.');

  await mainNav(page).getByRole('link', { name: 'Profile' }).click();
  await page.getByLabel('Display name').fill('Demo Tourist');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(mainNav(page)).toContainText('Signed in as Demo Tourist');
  await page.goto('admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Forbidden' })).toBeVisible();
  await page.reload();
  await signOut(page);

  await new SignInPage(page).signIn(ADMIN_USER);
  await mainNav(page).getByRole('link', { name: 'Admin' }).click();
  await expect(main.getByRole('table')).toContainText('Demo Tourist');
  await signOut(page);

  expectTrafficStaysOnTestServer(traffic, baseURL!);
});
