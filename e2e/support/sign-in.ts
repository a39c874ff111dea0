import { expect, type Page } from '@playwright/test';

/**
 * Page objects for signing in, registering and signing out, used by every spec that needs a
 * signed-in user. Navigation is relative (`login`), so they also work when the app is served from
 * a sub-path. Each Playwright test has its own browser context, so its own in-browser server,
 * seeded afresh with the accounts below (see src/app/mock-api/seed.ts).
 */
export interface Credentials {
  readonly username: string;
  readonly password: string;
}

export const DEMO_USER = { username: 'demo', password: 'demo1234', displayName: 'Demo User' };
export const ADMIN_USER = { username: 'admin', password: 'admin1234', displayName: 'Admin User' };

/** The todos `seed.ts` gives the demo user. */
export const DEMO_TODOS = [
  'Sign in and open the token inspector',
  'Wait 30 seconds and watch the access token refresh silently',
  'Replay an old refresh token and see the session revoked',
];

/** A username nobody has registered yet that follows the server's rules. */
export function uniqueUsername(prefix = 'e2e'): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The main navigation bar. */
export const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

export class SignInPage {
  constructor(private readonly page: Page) {}

  readonly heading = () => this.page.getByRole('heading', { level: 1, name: 'Sign in' });
  readonly username = () => this.page.getByLabel('Username');
  readonly password = () => this.page.getByLabel('Password', { exact: true });
  readonly submit = () => this.page.getByRole('button', { name: 'Sign in', exact: true });
  /** The error box, or the notice about why the last session ended (never both at once). */
  readonly alert = () => this.page.getByRole('main').getByRole('alert');

  async open(query = ''): Promise<void> {
    await this.page.goto(`login${query}`);
    await expect(this.submit()).toBeVisible();
  }

  /** Fills in both fields and presses "Sign in" (does not wait for the answer). */
  async fillAndSubmit(username: string, password: string): Promise<void> {
    await this.username().fill(username);
    await this.password().fill(password);
    await this.submit().click();
  }

  /** Submits and waits for the answer to a request that fails: the button is enabled again. */
  async attempt(username: string, password: string): Promise<void> {
    await this.fillAndSubmit(username, password);
    await expect(this.submit()).toBeDisabled();
    await expect(this.submit()).toBeEnabled();
  }

  /** Opens /login, signs in, and waits for the dashboard. */
  async signIn(user: Credentials = DEMO_USER): Promise<void> {
    await this.open();
    await this.fillAndSubmit(user.username, user.password);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  }
}

export class RegisterPage {
  constructor(private readonly page: Page) {}

  readonly username = () => this.page.getByLabel('Username');
  readonly displayName = () => this.page.getByLabel('Display name');
  readonly password = () => this.page.getByLabel('Password', { exact: true });
  readonly confirmPassword = () => this.page.getByLabel('Confirm password');
  readonly submit = () => this.page.getByRole('button', { name: 'Create account' });

  async open(): Promise<void> {
    await this.page.goto('register');
    await expect(this.submit()).toBeVisible();
  }

  async fill(user: Credentials & { displayName?: string; confirm?: string }): Promise<void> {
    await this.username().fill(user.username);
    await this.displayName().fill(user.displayName ?? '');
    await this.password().fill(user.password);
    await this.confirmPassword().fill(user.confirm ?? user.password);
  }

  /** Opens /register, creates the account, and waits for the dashboard. */
  async register(user: Credentials & { displayName?: string }): Promise<void> {
    await this.open();
    await this.fill(user);
    await this.submit().click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  }
}

/** Signs out with the navbar button and waits for the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  await mainNav(page).getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(new SignInPage(page).heading()).toBeVisible();
}
