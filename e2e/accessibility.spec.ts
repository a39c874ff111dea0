import type { Locator, Page } from '@playwright/test';

import { axeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { expectFocused } from './support/focus';
import { ADMIN_USER, type Credentials, DEMO_USER, SignInPage } from './support/sign-in';
import { startSignedIn } from './support/signed-in';

/**
 * Every page has no serious or critical axe violations, with the Auth devtools collapsed (the
 * devtools specs check it open), on a desktop screen and at 360 px; the narrow screen never
 * scrolls sideways; and the main flow works by keyboard alone with a visible focus.
 */
interface PageCase {
  readonly name: string;
  readonly path: string;
  readonly heading: string;
  readonly as?: Credentials;
  /** Brings the page into the state to check (data loaded, errors shown, …). */
  readonly ready?: (page: Page) => Promise<void>;
}

const PAGES: readonly PageCase[] = [
  { name: 'sign-in', path: 'login', heading: 'Sign in' },
  {
    name: 'sign-in with errors',
    path: 'login',
    heading: 'Sign in',
    ready: async (page) => {
      await page.getByLabel('Username').fill(DEMO_USER.username);
      await new SignInPage(page).attempt(DEMO_USER.username, 'wrong-password');
      await page.getByLabel('Username').fill('');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(page.getByRole('main').getByRole('alert')).toBeVisible();
    },
  },
  {
    name: 'register with errors',
    path: 'register',
    heading: 'Register',
    ready: async (page) => {
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect(page.getByLabel('Username')).toHaveAttribute('aria-invalid', 'true');
    },
  },
  {
    name: 'dashboard',
    path: 'dashboard',
    heading: 'Dashboard',
    as: DEMO_USER,
    ready: async (page) => {
      await expect(page.getByRole('checkbox').first()).toBeVisible();
      await page.getByRole('button', { name: 'Call the admin API' }).click();
      await expect(page.getByRole('main')).toContainText('403 Forbidden.');
    },
  },
  {
    name: 'profile',
    path: 'profile',
    heading: 'Profile',
    as: DEMO_USER,
    ready: (page) => expect(page.getByRole('button', { name: 'Save' })).toBeVisible(),
  },
  {
    name: 'admin',
    path: 'admin',
    heading: 'Admin',
    as: ADMIN_USER,
    ready: (page) => expect(page.getByRole('table')).toBeVisible(),
  },
  { name: 'forbidden', path: 'admin', heading: 'Forbidden', as: DEMO_USER },
  { name: 'not-found', path: 'no/such/page', heading: 'Page not found' },
];

const VIEWPORTS = [
  { label: 'desktop', width: 1280, height: 800 },
  { label: '360 px', width: 360, height: 740 },
];

test.describe('accessibility (Auth devtools collapsed)', () => {
  for (const viewport of VIEWPORTS) {
    for (const target of PAGES) {
      test(`${target.name} at ${viewport.label}: no serious or critical axe violations`, async ({
        page,
      }) => {
        await page.setViewportSize(viewport);
        if (target.as) await startSignedIn(page, { as: target.as, path: target.path });
        else await page.goto(target.path);
        await expect(page.getByRole('heading', { level: 1, name: target.heading })).toBeVisible();
        await collapseDevtools(page);
        await target.ready?.(page);

        expect(await axeViolations(page)).toEqual([]);

        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, 'the page does not scroll sideways').toBeLessThanOrEqual(0);
      });
    }
  }

  test('sign in and manage a todo by keyboard alone, with a visible focus', async ({ page }) => {
    await page.goto('login');
    await collapseDevtools(page);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).click(); // focus starts on the page

    const skipLink = page.getByRole('link', { name: 'Skip to main content' });
    await page.keyboard.press('Shift+Tab'); // back to the top of the page
    await tabUntilFocused(page, skipLink);
    await expectVisibleFocus(skipLink);
    await page.keyboard.press('Enter');
    await tabUntilFocused(page, page.getByLabel('Username'));
    await expectVisibleFocus(page.getByLabel('Username'));
    await page.keyboard.type(DEMO_USER.username);
    await page.keyboard.press('Tab');
    await expectFocused(page.getByLabel('Password', { exact: true }));
    await page.keyboard.type(DEMO_USER.password);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

    const newTodo = page.getByLabel('New todo');
    await tabUntilFocused(page, newTodo);
    await expectVisibleFocus(newTodo);
    await page.keyboard.type('Typed, not clicked');
    await page.keyboard.press('Enter');
    const checkbox = page.getByRole('checkbox', { name: 'Typed, not clicked' });
    await expect(checkbox).toBeVisible();
    await expectFocused(newTodo);

    await tabUntilFocused(page, checkbox);
    await expectVisibleFocus(checkbox);
    await page.keyboard.press('Space');
    await expect(checkbox).toBeChecked();
    const remove = page.getByRole('button', { name: 'Delete "Typed, not clicked"' });
    await expect(checkbox).toBeEnabled();
    await tabUntilFocused(page, remove);
    await expectVisibleFocus(remove);
    await page.keyboard.press('Enter');
    await expect(checkbox).toHaveCount(0);
  });
});

/** Collapses the Auth devtools panel if it is open. */
async function collapseDevtools(page: Page): Promise<void> {
  const toggle = page
    .getByRole('complementary', { name: 'Auth devtools' })
    .getByRole('button', { name: 'Auth devtools' });
  if ((await toggle.getAttribute('aria-expanded')) === 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
}

/** Presses Tab (at most 30 times) until `target` has the focus. */
async function tabUntilFocused(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < 30; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expectFocused(target);
}

/** The focused element shows it: an outline or Bootstrap's focus ring (a box shadow). */
async function expectVisibleFocus(target: Locator): Promise<void> {
  await expectFocused(target);
  const ring = await target.evaluate((element) => {
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return outline || style.boxShadow !== 'none';
  });
  expect(ring, 'the focus is visible').toBe(true);
}
