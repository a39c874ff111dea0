import { TestBed } from '@angular/core/testing';

import { API_PATHS, User } from '../api-contract';
import { AuthTesting, configureAuthTesting, signInWith } from '../auth/testing/auth-testing';
import { TEST_USER, fakeTokenResponse } from '../auth/testing/fake-tokens';
import { byText, query, settled, textOf } from '../layout/testing/dom';
import ProfilePage from './profile-page';

/** The account details as term → description. */
function detailsOf(page: HTMLElement): Record<string, string> {
  const terms = Array.from(page.querySelectorAll('dt'));
  return Object.fromEntries(terms.map((dt) => [textOf(dt), textOf(dt.nextElementSibling)]));
}

describe('ProfilePage', () => {
  let t: AuthTesting;

  beforeEach(async () => {
    t = configureAuthTesting();
    await signInWith(t);
  });

  afterEach(() => t.httpMock.verify());

  async function render() {
    const fixture = TestBed.createComponent(ProfilePage);
    await fixture.whenStable();
    const page = fixture.nativeElement as HTMLElement;
    return { fixture, page };
  }

  it('shows the tokens first, then the account, so the account loading pushes nothing down', async () => {
    const { page } = await render();

    const headings = Array.from(page.querySelectorAll('h2')).map((h2) => textOf(h2));
    expect(headings).toEqual(['Your tokens, decoded', 'Your account']);
    t.httpMock.expectOne(API_PATHS.me).flush(TEST_USER);
  });

  it('shows the user from GET api/users/me and updates the stored user with it', async () => {
    const { fixture, page } = await render();
    expect(textOf(page)).toContain('Loading your profile…');

    const fresh: User = { ...TEST_USER, displayName: 'Fresh Name', lastLoginAt: null };
    t.httpMock.expectOne(API_PATHS.me).flush(fresh);
    await settled(fixture);

    const details = detailsOf(page);
    expect(details['Username']).toBe('demo');
    expect(details['Display name']).toBe('Fresh Name');
    expect(details['Roles']).toBe('user');
    expect(details['Last sign-in']).toBe('never');
    expect(t.store.user()?.displayName).toBe('Fresh Name');
    expect(query<HTMLInputElement>(page, '#displayName').value).toBe('Fresh Name');
  });

  it('offers to try again when the profile cannot be loaded', async () => {
    const { fixture, page } = await render();

    t.httpMock.expectOne(API_PATHS.me).error(new ProgressEvent('error'));
    await settled(fixture);
    expect(textOf(query(page, '[role="alert"]'))).toContain('Could not load your profile');

    byText(page, 'button', 'Try again').click();
    t.httpMock.expectOne(API_PATHS.me).flush(TEST_USER);
    await settled(fixture);
    expect(page.querySelector('[role="alert"]')).toBeNull();
    expect(detailsOf(page)['Username']).toBe('demo');
  });

  it('decodes the claims of both tokens and follows new tokens', async () => {
    const { fixture, page } = await render();
    t.httpMock.expectOne(API_PATHS.me).flush(TEST_USER);
    await settled(fixture);

    const tables = () => Array.from(page.querySelectorAll('app-token-claims-table'));
    const claim = (table: Element, name: string) =>
      textOf(byText(table as HTMLElement, 'tr', name).querySelector('td'));
    expect(tables().map((table) => textOf(query(table, 'h3')))).toEqual([
      'Access token',
      'Refresh token',
    ]);
    expect(claim(tables()[0], 'typ')).toBe('access');
    expect(claim(tables()[1], 'typ')).toBe('refresh');
    const jtiBefore = claim(tables()[0], 'jti');

    await signInWith(t, fakeTokenResponse()); // new tokens, as after a refresh
    t.httpMock.expectOne(API_PATHS.logout).flush(null); // the replaced session is revoked
    await fixture.whenStable();

    expect(claim(tables()[0], 'jti')).not.toBe(jtiBefore);
  });
});
