// @ts-check
/**
 * Signs in to the real app the way a user does (the labels of e2e/support/sign-in.ts), with the
 * seeded demo account of the in-browser server.
 */
export const DEMO_USER = { username: 'demo', password: 'demo1234' };

/** How long sign-in may take (PBKDF2 in the in-browser server, lazy pages, a slow machine). */
const SIGN_IN_TIMEOUT_MS = 30_000;

/**
 * Opens `<baseUrl>login`, signs in as the demo user and waits for the dashboard.
 * @param {import('playwright').Page} page
 * @param {string} baseUrl ends with `/`
 */
export async function signIn(page, baseUrl) {
  await page.goto(`${baseUrl}login`);
  await page.getByLabel('Username').fill(DEMO_USER.username);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_USER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page
    .getByRole('heading', { level: 1, name: 'Dashboard' })
    .waitFor({ timeout: SIGN_IN_TIMEOUT_MS });
}
