// @ts-check
/**
 * Signs in to the real app the way a user does (the labels of e2e/support/sign-in.ts), with the
 * seeded demo account of the in-browser server.
 */
export const DEMO_USER = { username: 'demo', password: 'demo1234' };

/** How long sign-in may take (PBKDF2 in the in-browser server, lazy pages, a slow machine). */
const SIGN_IN_TIMEOUT_MS = 30_000;

/**
 * Forgets everything the app and its in-browser server stored for the site (session, server
 * state, settings), as for a first visit. Call it while the page is not on the site.
 * @param {import('playwright').Page} page
 * @param {string} baseUrl
 */
export async function clearSiteData(page, baseUrl) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Storage.clearDataForOrigin', {
      origin: new URL(baseUrl).origin,
      storageTypes: 'all',
    });
  } finally {
    await cdp.detach();
  }
}

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
