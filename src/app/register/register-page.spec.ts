import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import { API_PATHS } from '../api-contract';
import { AuthTesting, configureAuthTesting } from '../auth/testing/auth-testing';
import { TEST_USER, fakeTokenResponse } from '../auth/testing/fake-tokens';
import { query, settled, textOf, typeInto } from '../layout/testing/dom';
import RegisterPage from './register-page';

describe('RegisterPage', () => {
  let t: AuthTesting;
  let navigate: jasmine.Spy;

  beforeEach(() => {
    t = configureAuthTesting([provideRouter([])]);
    navigate = spyOn(TestBed.inject(Router), 'navigateByUrl').and.resolveTo(true);
  });

  afterEach(() => t.httpMock.verify());

  async function render() {
    const fixture = TestBed.createComponent(RegisterPage);
    await fixture.whenStable();
    const page = fixture.nativeElement as HTMLElement;
    const fill = async (fields: Record<string, string>) => {
      for (const [id, value] of Object.entries(fields)) typeInto(page, `#${id}`, value);
      await fixture.whenStable();
    };
    const submit = async () => {
      query<HTMLButtonElement>(page, 'button[type="submit"]').click();
      await fixture.whenStable();
    };
    const errorAt = (id: string) => textOf(page.querySelector(`#${id}-error`));
    return { fixture, page, fill, submit, errorAt };
  }

  const VALID = {
    username: 'new.user',
    displayName: 'New User',
    password: 'secret123',
    confirmPassword: 'secret123',
  };

  it('has the four labelled fields and the rules as hints', async () => {
    const { page } = await render();

    const labels = Array.from(page.querySelectorAll('label')).map((label) => textOf(label));
    expect(labels).toEqual(['Username', 'Display name', 'Password', 'Confirm password']);
    expect(query(page, '#username').getAttribute('aria-describedby')).toBe('username-hint');
    expect(textOf(query(page, '#username-hint'))).toContain('3–32 characters');
    expect(textOf(query(page, '#password-hint'))).toBe('At least 8 characters.');
  });

  it("applies the server's rules before sending anything", async () => {
    const { fill, submit, errorAt, page } = await render();

    await fill({
      username: 'Bob!',
      displayName: 'x'.repeat(65),
      password: 'short',
      confirmPassword: 'other',
    });
    await submit();

    expect(errorAt('username')).toBe(
      "Use only lowercase letters a–z, digits 0–9, '.', '_' and '-'.",
    );
    expect(errorAt('displayName')).toBe('The display name can have at most 64 characters.');
    expect(errorAt('password')).toBe('The password needs at least 8 characters.');
    expect(errorAt('confirmPassword')).toBe('The passwords do not match.');
    expect(query(page, '#username').getAttribute('aria-describedby')).toBe(
      'username-hint username-error',
    );
    t.httpMock.expectNone(API_PATHS.register);
  });

  it('checks the confirmation again when the password changes', async () => {
    const { fill, errorAt } = await render();

    await fill({ password: 'secret123', confirmPassword: 'secret123' });
    expect(errorAt('confirmPassword')).toBe('');
    await fill({ password: 'secret1234' });

    expect(errorAt('confirmPassword')).toBe('The passwords do not match.');
  });

  it('registers, signs in and opens the dashboard', async () => {
    const { fixture, fill, submit } = await render();

    await fill(VALID);
    await submit();
    const register = t.httpMock.expectOne(API_PATHS.register);
    expect(register.request.body).toEqual({
      username: 'new.user',
      password: 'secret123',
      displayName: 'New User',
    });
    register.flush({ user: TEST_USER }, { status: 201, statusText: 'Created' });
    await settled(fixture);
    t.httpMock.expectOne(API_PATHS.login).flush(fakeTokenResponse());
    await settled(fixture);

    expect(t.store.isSignedIn()).toBeTrue();
    expect(navigate).toHaveBeenCalledOnceWith('/dashboard');
  });

  it('leaves out an empty display name, so the server uses the username', async () => {
    const { fill, submit } = await render();

    await fill({ ...VALID, displayName: '   ' });
    await submit();

    const register = t.httpMock.expectOne(API_PATHS.register);
    expect(register.request.body.displayName).toBeUndefined();
    register.flush(
      { error: 'invalid_request', message: 'nope' },
      { status: 400, statusText: 'Bad Request' },
    );
  });

  it('shows a taken username at its field and clears it when the username changes', async () => {
    const { fixture, fill, submit, errorAt, page } = await render();

    await fill(VALID);
    await submit();
    t.httpMock
      .expectOne(API_PATHS.register)
      .flush(
        { error: 'username_taken', message: 'The username "new.user" is already taken.' },
        { status: 409, statusText: 'Conflict' },
      );
    await settled(fixture);

    expect(errorAt('username')).toBe('The username "new.user" is already taken.');
    expect(document.activeElement).toBe(query(page, '#username'));
    expect(page.querySelector('[role="alert"]')).toBeNull();
    await fill({ username: 'new.user2' });
    expect(errorAt('username')).toBe('');
  });

  it('shows any other refusal in an alert and re-enables the button', async () => {
    const { fixture, fill, submit, page } = await render();

    await fill(VALID);
    await submit();
    t.httpMock
      .expectOne(API_PATHS.register)
      .flush(
        { error: 'server_error', message: 'The server ran into a problem.' },
        { status: 500, statusText: 'Server Error' },
      );
    await settled(fixture);

    expect(textOf(query(page, '[role="alert"]'))).toBe('The server ran into a problem.');
    expect(query<HTMLButtonElement>(page, 'button[type="submit"]').disabled).toBeFalse();
    expect(navigate).not.toHaveBeenCalled();
  });
});
