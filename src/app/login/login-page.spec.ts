import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import { API_PATHS } from '../api-contract';
import { AuthTesting, configureAuthTesting, signInWith } from '../auth/testing/auth-testing';
import { fakeTokenResponse } from '../auth/testing/fake-tokens';
import { NETWORK_ERROR_MESSAGE } from '../http-error-message';
import { byText, query, settled, textOf, typeInto } from '../layout/testing/dom';
import { SEED_ACCOUNTS } from '../mock-api/seed';
import { DEMO_ACCOUNTS } from './demo-accounts';
import LoginPage from './login-page';

describe('LoginPage', () => {
  let t: AuthTesting;
  let navigate: jasmine.Spy;

  beforeEach(() => {
    t = configureAuthTesting([provideRouter([])]);
    navigate = spyOn(TestBed.inject(Router), 'navigateByUrl').and.resolveTo(true);
  });

  afterEach(() => t.httpMock.verify());

  async function render(returnUrl?: string) {
    const fixture = TestBed.createComponent(LoginPage);
    if (returnUrl !== undefined) fixture.componentRef.setInput('returnUrl', returnUrl);
    await fixture.whenStable();
    const page = fixture.nativeElement as HTMLElement;
    const submit = () => query<HTMLButtonElement>(page, 'button[type="submit"]');
    const signIn = async (username: string, password: string) => {
      typeInto(page, '#username', username);
      typeInto(page, '#password', password);
      submit().click();
      await fixture.whenStable();
      return t.httpMock.expectOne(API_PATHS.login);
    };
    return { fixture, page, submit, signIn };
  }

  it('labels both fields and offers a link to register', async () => {
    const { page } = await render();

    expect(textOf(query(page, 'label[for="username"]'))).toBe('Username');
    expect(textOf(query(page, 'label[for="password"]'))).toBe('Password');
    expect(query(page, '#password').getAttribute('type')).toBe('password');
    expect(query(page, 'a[href="/register"]')).toBeTruthy();
  });

  it('shows what is missing at each field instead of sending an empty form', async () => {
    const { fixture, page, submit } = await render();

    submit().click();
    await fixture.whenStable();

    expect(textOf(query(page, '#username-error'))).toBe('Enter your username.');
    expect(textOf(query(page, '#password-error'))).toBe('Enter your password.');
    const username = query(page, '#username');
    expect(username.getAttribute('aria-invalid')).toBe('true');
    expect(username.getAttribute('aria-describedby')).toBe('username-error');
    expect(document.activeElement).toBe(username);
    t.httpMock.expectNone(API_PATHS.login);
  });

  it('disables the button with a spinner while signing in, then goes to the returnUrl', async () => {
    const { fixture, page, submit, signIn } = await render('/profile?tab=tokens');

    const request = await signIn(' demo ', 'demo1234');

    expect(request.request.body).toEqual({ username: 'demo', password: 'demo1234' });
    expect(submit().disabled).toBeTrue();
    expect(submit().querySelector('.spinner-border')).not.toBeNull();
    expect(textOf(query(page, '[role="status"]'))).toBe('Signing in…');
    request.flush(fakeTokenResponse());
    await settled(fixture);

    expect(t.store.isSignedIn()).toBeTrue();
    expect(navigate).toHaveBeenCalledOnceWith('/profile?tab=tokens');
    expect(submit().disabled).toBeFalse();
  });

  it('goes to the dashboard when the returnUrl is missing or leads off the app', async () => {
    const { fixture, signIn } = await render('//evil.example/phish');

    (await signIn('demo', 'demo1234')).flush(fakeTokenResponse());
    await settled(fixture);

    expect(navigate).toHaveBeenCalledOnceWith('/dashboard');
  });

  it("shows the server's message for a wrong password and lets the user try again", async () => {
    const { fixture, page, submit, signIn } = await render();

    (await signIn('demo', 'wrong')).flush(
      { error: 'invalid_credentials', message: 'The username or password is incorrect.' },
      { status: 401, statusText: 'Unauthorized' },
    );
    await settled(fixture);

    expect(textOf(query(page, '[role="alert"]'))).toBe('The username or password is incorrect.');
    expect(submit().disabled).toBeFalse();
    expect(navigate).not.toHaveBeenCalled();
    expect(t.store.isSignedIn()).toBeFalse();
  });

  it('shows the rate-limit message with its wait time', async () => {
    const { fixture, page, signIn } = await render();
    const message = 'Too many failed sign-in attempts. Try again in 42 seconds.';

    (await signIn('demo', 'demo1234')).flush(
      { error: 'too_many_attempts', message, retryAfter: 42 },
      { status: 429, statusText: 'Too Many Requests' },
    );
    await settled(fixture);

    expect(textOf(query(page, '[role="alert"]'))).toBe(message);
  });

  it('explains an unreachable server', async () => {
    const { fixture, page, signIn } = await render();

    (await signIn('demo', 'demo1234')).error(new ProgressEvent('error'));
    await settled(fixture);

    expect(textOf(query(page, '[role="alert"]'))).toBe(NETWORK_ERROR_MESSAGE);
  });

  it('says why the last session ended, until dismissed', async () => {
    await signInWith(t);
    t.store.endSession('the refresh token expired');
    t.httpMock.expectOne(API_PATHS.logout).flush(null);
    const { fixture, page } = await render();

    const notice = query(page, '[role="alert"]');
    expect(textOf(notice)).toBe(
      'Your session has ended: the refresh token expired. Please sign in again.',
    );
    query<HTMLButtonElement>(notice, 'button[aria-label="Dismiss"]').click();
    await fixture.whenStable();

    expect(page.querySelector('[role="alert"]')).toBeNull();
    expect(t.store.sessionNotice()).toBeNull();
  });

  it('fills in a demo account and focuses "Sign in"', async () => {
    const { fixture, page, submit } = await render();

    byText(page, 'button', 'Fill in admin').click();
    await fixture.whenStable();

    expect(query<HTMLInputElement>(page, '#username').value).toBe('admin');
    expect(query<HTMLInputElement>(page, '#password').value).toBe('admin1234');
    expect(document.activeElement).toBe(submit());
  });

  it('lists exactly the accounts the in-browser server seeds', () => {
    expect(DEMO_ACCOUNTS.map(({ username, password }) => ({ username, password }))).toEqual(
      SEED_ACCOUNTS.map(({ username, password }) => ({ username, password })),
    );
  });
});
