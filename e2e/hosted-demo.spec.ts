import type { Page } from '@playwright/test';

import { ALL_IMPACTS, axeViolations } from './support/axe';
import { expect, takeExpectedErrors, test } from './support/fixtures';
import { INSECURE_HOST } from './support/insecure-host';
import { mainNav, SignInPage } from './support/sign-in';
import { expectTrafficStaysOnTestServer, recordTraffic } from './support/traffic';

/**
 * The hosted demo: the app works as static files from a sub-path (project `production` serves the
 * production build at /jwt-demo/ the way GitHub Pages does), deep links load it, and nothing it
 * does leaves the browser. The same specs also run against the dev server at `/`.
 */
test.describe('hosted demo', () => {
  for (const path of ['profile', 'admin']) {
    test(`a deep link to ${path} loads the app from the base path`, async ({
      page,
      baseURL,
      deepLinkFallback,
    }) => {
      const response = await page.goto(path);

      const expected = { 'index-200': [200], 'pages-404': [404], either: [200, 404] };
      expect(expected[deepLinkFallback]).toContain(response?.status());
      await expectAppRendered(page);
      expect(page.url().startsWith(baseURL!), `${page.url()} is under ${baseURL}`).toBe(true);
    });
  }

  test('reloading a deep link shows the same page again', { tag: '@smoke' }, async ({ page }) => {
    await page.goto('profile');
    const heading = await expectAppRendered(page);
    const url = page.url();

    await page.reload();

    await expect(page).toHaveURL(url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  });

  test('scripts and styles load from the base path', async ({ page, baseURL }) => {
    const loaded = recordTraffic(page).requests;
    await page.goto('./');
    await expectAppRendered(page);

    expect(await page.evaluate(() => document.baseURI)).toBe(baseURL);
    const types = loaded.map((request) => request.resourceType());
    expect(types).toContain('script');
    expect(types).toContain('stylesheet');
    for (const request of loaded) {
      expect(request.url().startsWith(baseURL!), `${request.url()} is under ${baseURL}`).toBe(true);
      expect((await request.response())?.ok(), `${request.url()} loaded`).toBe(true);
    }
  });

  test('nothing the app does leaves the browser', async ({ page, baseURL }) => {
    const traffic = recordTraffic(page);

    for (const path of ['./', 'dashboard', 'profile', 'admin', 'login', 'register']) {
      await page.goto(path);
      await expectAppRendered(page);
    }

    expectTrafficStaysOnTestServer(traffic, baseURL!);
  });

  test('a plain-http page on another host name explains the secure-context requirement', async ({
    page,
    baseURL,
  }) => {
    // Needs a test server on this machine (playwright.config.ts leaves it out otherwise).
    const served = new URL(baseURL!);
    const insecure = new URL(served);
    insecure.hostname = INSECURE_HOST;

    await page.goto(insecure.href);

    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    await expect(
      page.getByRole('heading', { level: 1, name: 'This demo needs a secure connection' }),
    ).toBeVisible();
    await expect(page.getByRole('main')).toContainText('Web Crypto');
    await expect(page.getByRole('main')).toContainText(insecure.href);
    const onLocalhost = Object.assign(new URL(insecure), { hostname: 'localhost' }).href;
    await expect(page.getByRole('link', { name: onLocalhost })).toHaveAttribute(
      'href',
      onLocalhost,
    );
    await expect(page).toHaveTitle(/^This demo needs a secure connection · /);
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    expect(await axeViolations(page, ALL_IMPACTS)).toEqual([]);
  });

  test('a page whose code cannot be fetched says so and offers a reload, instead of doing nothing', async ({
    page,
    pageErrors,
  }) => {
    const signInPage = new SignInPage(page);
    await signInPage.open();
    await page.waitForLoadState('networkidle');
    // As when the connection drops, or a new deployment removed the chunks this tab knows.
    await page.route(/\.js(\?.*)?$/, (route) => route.abort('failed'));

    await mainNav(page).getByRole('link', { name: 'Register' }).click();

    const alert = page.getByRole('main').getByRole('alert');
    await expect(alert).toContainText('This page could not be loaded');
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');

    await page.unrouteAll();
    await alert.getByRole('button', { name: 'Reload' }).click();
    await expect(signInPage.heading()).toBeVisible();
    await expect(alert).toHaveCount(0);
    await mainNav(page).getByRole('link', { name: 'Register' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Register' })).toBeVisible();

    // The browser logs each refused script as a console error: only those are expected here.
    const refused = takeExpectedErrors(pageErrors, /Failed to load resource: net::ERR_FAILED/);
    expect(refused.length).toBeGreaterThan(0);
  });
});

/** Waits until Angular rendered its shell and a page; returns the page's h1 text. */
async function expectAppRendered(page: Page): Promise<string> {
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toBeVisible();
  await expect(heading).not.toHaveText('Page not found');
  return (await heading.textContent()) ?? '';
}
